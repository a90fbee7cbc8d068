from datetime import date

from django import template

from actionplans.choices import ActionStatus, PlanStatus, Priority, Rag

register = template.Library()

RAG_CLASSES = {Rag.RED: "govuk-tag--red", Rag.AMBER: "govuk-tag--orange", Rag.GREEN: "govuk-tag--green"}
ACTION_STATUS_CLASSES = {
    ActionStatus.NOT_STARTED: "govuk-tag--grey",
    ActionStatus.UNDERWAY: "govuk-tag--blue",
    ActionStatus.COMPLETE: "govuk-tag--green",
    ActionStatus.NOT_APPLICABLE: "govuk-tag--grey",
}
PLAN_STATUS_CLASSES = {
    PlanStatus.DRAFT: "govuk-tag--grey",
    PlanStatus.SUBMITTED: "govuk-tag--blue",
    PlanStatus.RETURNED: "govuk-tag--orange",
    PlanStatus.ACCEPTED: "govuk-tag--green",
    PlanStatus.CLOSED: "govuk-tag--purple",
}
PRIORITY_CLASSES = {
    Priority.HIGH: "govuk-tag--red",
    Priority.MEDIUM: "govuk-tag--yellow",
    Priority.LOW: "govuk-tag--grey",
}


def _tag(css, text):
    return {"css": css, "text": text}


@register.inclusion_tag("actionplans/includes/tag.html")
def rag_tag(rag):
    return _tag(RAG_CLASSES.get(rag, ""), Rag(rag).label)


@register.inclusion_tag("actionplans/includes/tag.html")
def action_status_tag(status):
    return _tag(ACTION_STATUS_CLASSES.get(status, ""), ActionStatus(status).label)


@register.inclusion_tag("actionplans/includes/tag.html")
def plan_status_tag(status):
    return _tag(PLAN_STATUS_CLASSES.get(status, ""), PlanStatus(status).label)


@register.inclusion_tag("actionplans/includes/tag.html")
def priority_tag(priority):
    return _tag(PRIORITY_CLASSES.get(priority, ""), Priority(priority).label)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def priority_label(value):
    return Priority(value).label if value in Priority.values else value


@register.filter
def action_status_label(value):
    return ActionStatus(value).label if value in ActionStatus.values else value


@register.filter
def isodate(value):
    """Dates kept as ISO text in review snapshots, back to dates for the |date filter."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
