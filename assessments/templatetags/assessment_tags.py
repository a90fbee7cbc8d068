"""Tags that show ratings and statuses the GOV.UK way: always the words, the colour only beside them."""

from django import template
from django.utils.html import format_html

from assessments.models import Assessment
from assessments.report.background import date_range as report_date_range
from assessments.selectors.detail import IN_PROGRESS, NOT_STARTED

register = template.Library()

# Lowest to highest. A scale with fewer levels spreads over the same colours.
LEVEL_TAG_COLOURS = ["red", "orange", "yellow", "turquoise", "green", "blue"]
STATUS_TAG_COLOURS = {
    Assessment.Status.DRAFT: "grey",
    Assessment.Status.SUBMITTED: "blue",
    Assessment.Status.IN_REVIEW: "purple",
    Assessment.Status.RETURNED: "orange",
    Assessment.Status.PUBLISHED: "green",
}
TASK_STATUS_CLASSES = {NOT_STARTED: "govuk-tag govuk-tag--blue", IN_PROGRESS: "govuk-tag govuk-tag--light-blue"}


@register.simple_tag
def rating_tag(level, scale_size=6, empty="Not rated"):
    if level is None:
        return empty
    last = len(LEVEL_TAG_COLOURS) - 1
    index = round((level.position - 1) * last / max(int(scale_size) - 1, 1))
    colour = LEVEL_TAG_COLOURS[min(max(index, 0), last)]
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, level.name)


@register.simple_tag
def status_tag(assessment):
    colour = STATUS_TAG_COLOURS.get(assessment.status, "grey")
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, assessment.get_status_display())


@register.simple_tag
def task_status(status, element_id=""):
    """A task list status: Completed is plain text, the others a tag (GOV.UK task list pattern)."""
    css = TASK_STATUS_CLASSES.get(status)
    if css is None:
        return format_html('<div class="govuk-task-list__status" id="{}">{}</div>', element_id, status)
    return format_html(
        '<div class="govuk-task-list__status" id="{}"><strong class="{}">{}</strong></div>', element_id, css, status
    )


@register.filter
def filesize(size):
    size = int(size or 0)
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.simple_tag
def date_range(start, end):
    """GOV.UK style: "14 to 16 May 2013", "30 April to 2 May 2013", or one day."""
    return report_date_range(start, end)
