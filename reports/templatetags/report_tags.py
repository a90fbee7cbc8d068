from datetime import date

from django import template
from django.utils.dateformat import format as format_date

from common.colours import safe_colour

register = template.Library()


@register.filter
def as_date(value):
    """An ISO date from a snapshot as a date (snapshots hold JSON, so dates are strings)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.simple_tag
def date_range(start, end):
    """GOV.UK style: "14 to 16 May 2013", "30 April to 2 May 2013", or one day."""
    start, end = as_date(start), as_date(end)
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return format_date(start or end, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {format_date(end, 'j F Y')}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')} to {format_date(end, 'j F Y')}"
    return f"{format_date(start, 'j F Y')} to {format_date(end, 'j F Y')}"


@register.filter
def rating_words(rating):
    return rating["name"] if rating else "Not rated"


@register.filter
def assessment_word(assessment):
    """How the text names an assessment: "IMA" or "reassessment"."""
    if not assessment:
        return "IMA"
    return "reassessment" if assessment.get("type") == "reassessment" else "IMA"


@register.filter
def swatch_colour(rating):
    """A framework colour for the swatch beside the words, only if it is a plain hex colour."""
    return safe_colour((rating or {}).get("colour"))


@register.filter
def with_article(name):
    """ "the Home Office", "the Department for Education", but "HM Treasury"."""
    if not name or name.startswith(("HM ", "His Majesty", "Her Majesty", "The ", "the ")):
        return name
    return f"the {name}"
