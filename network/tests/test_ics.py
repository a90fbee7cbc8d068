import datetime

import pytest
from django.utils import timezone

from network import ics
from network.models import AgendaItem, Meeting
from network.services.meetings import meeting_update
from network.tests.factories import MeetingFactory
from network.tests.ical import ICalError, parse

pytestmark = pytest.mark.django_db


def future(n=30):
    return timezone.localdate() + datetime.timedelta(days=n)


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kim-leaders-network-')
    assert response["Cache-Control"] == "private, no-store"
    return parse(response.content)


def test_next_meeting_ics_is_valid_with_escaped_text(lead_a_client):
    meeting = MeetingFactory(
        date=future(),
        status=Meeting.Status.PLANNED,
        title="Network meeting; records, email\\policy",
        location="Kew, Richmond",
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title="Welcome, and minutes of the last meeting")
    (event,) = download(lead_a_client, "/network/next-meeting.ics")
    assert event["SUMMARY"][1] == "Network meeting; records, email\\policy"
    assert event["LOCATION"][1] == "Kew, Richmond"
    assert "1. Welcome, and minutes of the last meeting" in event["DESCRIPTION"][1]
    assert event["UID"][1] == f"kim-network-meeting-{meeting.pk}@127.0.0.1"
    assert event["DTSTART"] == ({"VALUE": "DATE"}, f"{meeting.date:%Y%m%d}")
    assert event["DTEND"] == ({"VALUE": "DATE"}, f"{meeting.date + datetime.timedelta(days=1):%Y%m%d}")


def test_timed_meeting_starts_at_the_london_time_in_utc(lead_a_client):
    # 10:00 in London in July is 09:00 UTC (British Summer Time).
    meeting = MeetingFactory(
        date=datetime.date(2027, 7, 14),
        status=Meeting.Status.PLANNED,
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
    )
    (event,) = download(lead_a_client, f"/network/meetings/{meeting.pk}/meeting.ics")
    assert event["DTSTART"] == ({}, "20270714T090000Z")
    assert event["DTEND"] == ({}, "20270714T113000Z")


def test_long_and_non_ascii_lines_are_folded_at_75_octets(lead_a_client):
    meeting = MeetingFactory(
        date=future(), status=Meeting.Status.PLANNED, title="Café – " + "information governance " * 8
    )
    (event,) = download(lead_a_client, f"/network/meetings/{meeting.pk}/meeting.ics")  # parse() checks 75 octets
    assert event["SUMMARY"][1] == meeting.title


def test_rearranged_meeting_says_so_and_sequence_goes_up_on_change(assessor):
    meeting = MeetingFactory(date=future(30), status=Meeting.Status.PLANNED)
    meeting = meeting_update(
        meeting=meeting, by=assessor, version=meeting.version, date=future(37), status=Meeting.Status.REARRANGED
    )
    text = ics.meeting_calendar(meeting, agenda=[])
    (event,) = parse(text.encode())
    assert event["SEQUENCE"][1] == "1"
    assert f"Rearranged from {future(30):%-d %B %Y}" in event["DESCRIPTION"][1]


def test_no_planned_meeting_gives_404(lead_a_client):
    MeetingFactory(date=datetime.date(2015, 1, 1))
    assert lead_a_client.get("/network/next-meeting.ics").status_code == 404


def test_the_parser_itself_refuses_bare_newlines_and_unescaped_commas():
    with pytest.raises(ICalError):
        parse(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    bad = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:x",
            "BEGIN:VEVENT",
            "UID:1",
            "DTSTAMP:20260101T000000Z",
            "DTSTART;VALUE=DATE:20260101",
            "SUMMARY:a, b",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    with pytest.raises(ICalError):
        parse(bad.encode())
