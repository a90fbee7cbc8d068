"""`{% load report_panel %}{% report_panel assessment %}`: the Reports panel of a page that shows an assessment.

Only an inclusion of templates/reports/includes/report_panel.html. Its data is one selector,
`reports.selectors.report_panel(user, assessment)`, which belongs in the VIEW: a view that shows the panel
puts the selector's result in its context as `report_panel`, and this tag then only renders it.

The assessment page's view (assessments/views/assessments.py) does not pass it yet, and cannot simply
import reports (the one-way app graph: reports imports assessments, never the reverse). Until that page
gets the panel another way (for example a hook that reports connects in its apps.py, as it does for
assessments.signals.assessment_published), the tag runs the same selector itself when the context has
no `report_panel`. That fallback is the only read this tag does; it goes once the view passes the panel.
"""

from django import template

from reports.selectors import report_panel as panel_for

register = template.Library()


@register.inclusion_tag("reports/includes/report_panel.html", takes_context=True)
def report_panel(context, assessment):
    request = context["request"]
    panel = context.get("report_panel") or panel_for(request.user, assessment)
    return {"panel": panel, "csrf_token": context.get("csrf_token"), "request": request}
