"""Template filters for dates and times in GOV.UK style (common/dates.py)."""

from django import template

from common import dates

register = template.Library()


@register.filter
def govuk_time(value):
    """{{ job.finished_at|govuk_time }} → "4:42am"."""
    return dates.time_label(value)


@register.filter
def govuk_datetime(value):
    """{{ job.finished_at|govuk_datetime }} → "4 March 2026 at 4:42am"."""
    return dates.datetime_label(value)


@register.simple_tag
def govuk_date_range(start, end):
    """{% govuk_date_range a.interviews_from a.interviews_to %} → "2 March 2026" or "2 to 4 March 2026"."""
    return dates.date_range_label(start, end)


@register.filter
def age(value):
    """{{ plan.submitted_at|age }} → "3 days ago"."""
    return dates.age_label(value)
