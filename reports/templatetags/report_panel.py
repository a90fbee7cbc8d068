from django import template

from reports.selectors import report_panel as panel_for

register = template.Library()


@register.inclusion_tag("reports/includes/report_panel.html", takes_context=True)
def report_panel(context, assessment):
    """`{% load report_panel %}{% report_panel assessment %}` on any page that shows an assessment."""
    request = context["request"]
    return {"panel": panel_for(request.user, assessment), "csrf_token": context.get("csrf_token"), "request": request}
