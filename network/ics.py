"""iCalendar (RFC 5545) for network meetings: one VEVENT per file, so a member adds it to any calendar."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

PRODID = "-//The National Archives//IMA Portal KIM Leaders' Network//EN"
CRLF = "\r\n"
MAX_LINE_OCTETS = 75
# A timed meeting without an end time is shown as two hours long.
DEFAULT_DURATION = timedelta(hours=2)


def escape_text(value):
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped; newlines as \\n."""
    value = (value or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """Fold a content line to at most 75 octets, never splitting a UTF-8 character (RFC 5545 3.1)."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_LINE_OCTETS if not parts else MAX_LINE_OCTETS - 1  # continuation lines start with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def _utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _host():
    return urlsplit(settings.SITE_URL).hostname or "ima-portal"


def _timing_lines(meeting):
    if meeting.start_time is None:
        return [
            f"DTSTART;VALUE=DATE:{meeting.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{meeting.date + timedelta(days=1):%Y%m%d}",
        ]
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
    end = (
        datetime.combine(meeting.date, meeting.end_time, tzinfo=zone) if meeting.end_time else start + DEFAULT_DURATION
    )
    return [f"DTSTART:{_utc_stamp(start)}", f"DTEND:{_utc_stamp(end)}"]


def _description(meeting, agenda):
    lines = []
    if agenda:
        lines.append("Agenda:")
        lines += [f"{number}. {item.title}" for number, item in enumerate(agenda, start=1)]
    if meeting.was_rearranged:
        lines.append(f"Rearranged from {meeting.original_date:%-d %B %Y}.")
    return "\n".join(lines)


def meeting_calendar(meeting, *, agenda, now=None):
    """The .ics text for one meeting; `agenda` is its agenda items in order."""
    now = now or timezone.now()
    url = settings.SITE_URL.rstrip("/") + reverse("network:meeting_detail", args=[meeting.pk])
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(PRODID)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:kim-network-meeting-{meeting.pk}@{_host()}",
        f"DTSTAMP:{_utc_stamp(now)}",
        *_timing_lines(meeting),
        f"SEQUENCE:{meeting.sequence}",
        f"SUMMARY:{escape_text(meeting.title)}",
    ]
    if meeting.location:
        lines.append(f"LOCATION:{escape_text(meeting.location)}")
    description = _description(meeting, agenda)
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += [
        f"URL:{url}",
        "STATUS:CANCELLED" if meeting.status == "cancelled" else "STATUS:CONFIRMED",
        f"LAST-MODIFIED:{_utc_stamp(meeting.updated_at)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return CRLF.join(fold(line) for line in lines) + CRLF


def calendar_filename(meeting):
    return f"kim-leaders-network-{meeting.date:%Y-%m-%d}.ics"
