"""Dates and times in GOV.UK style: "4 March 2026", "4:42am", "2 to 4 March 2026"."""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date


def date_label(value):
    """ "4 March 2026", or "" for no date."""
    return format_date(value, "j F Y") if value else ""


def time_label(value):
    """GOV.UK style: "4:42am", "12pm" (midday), "12am" (midnight), "5:30pm"; a datetime in local time."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def datetime_label(value):
    """ "4 March 2026 at 4:42am"."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_label(local)} at {time_label(local)}"


def date_range_label(start, end):
    """GOV.UK style: "14 to 16 May 2013", "30 April to 2 May 2013", or one day when both are the same."""
    if start is None and end is None:
        return ""
    if start is None or end is None or start == end:
        return date_label(start or end)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {date_label(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')} to {date_label(end)}"
    return f"{date_label(start)} to {date_label(end)}"


def age_label(value, *, today=None):
    """How long ago a date or datetime was: "today", "1 day ago", "12 days ago"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    days = ((today or timezone.localdate()) - value).days
    if days <= 0:
        return "today"
    return "1 day ago" if days == 1 else f"{days} days ago"
