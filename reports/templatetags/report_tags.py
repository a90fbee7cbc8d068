"""Filters the report templates use to print snapshot values (dates are ISO text in a snapshot)."""

import re
from datetime import date

from django import template
from django.utils.dateformat import format as format_date

from common.colours import safe_colour

register = template.Library()

NBSP = "\u00a0"
# A word this short stays on the line of its neighbour ("good practice", "Development area").
SHORT_WORD = 4


@register.filter
def as_date(value):
    """An ISO date from a snapshot as a date (snapshots hold JSON, so dates are strings)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def month_year(value):
    """ "May 2013" from an ISO date; "" when there is none."""
    value = as_date(value)
    return format_date(value, "F Y") if value else ""


@register.filter
def long_date(value):
    """ "14 May 2013" from an ISO date; "" when there is none."""
    value = as_date(value)
    return format_date(value, "j F Y") if value else ""


@register.filter
def year_of(value):
    value = as_date(value)
    return value.year if value else ""


def keep_short_words_together(words):
    """A short word keeps the next word on its line (and a short last word its previous one), so a narrow
    cell breaks "Progressing towards / good practice", never "good / practice" or "Development / area"."""
    parts = words.split()
    if len(parts) < 2:
        return words
    joined = parts[0]
    last = len(parts) - 1
    for index in range(1, len(parts)):
        short = len(parts[index - 1]) <= SHORT_WORD or (index == last and len(parts[index]) <= SHORT_WORD)
        joined += (NBSP if short else " ") + parts[index]
    return joined


@register.filter
def rating_words(rating):
    return keep_short_words_together(rating["name"]) if rating else "Not rated"


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


@register.filter
def next_step_line(item):
    """A Next steps item as written, led by the reference of the recommendation it follows up unless the
    text already starts with it (the suggested wording is "IMA 2013 R3: ...")."""
    text, reference = item.get("text", ""), item.get("reference", "")
    if not reference or re.match(rf"{re.escape(reference)}\b", text):
        return text
    return f"{reference}: {text}"
