"""Recording meetings through the pages: what the forms accept and refuse, in GOV.UK words."""

import datetime

import pytest
from django.utils import timezone

from network.models import Attendance, Meeting
from network.services.meetings import meeting_attendance_set
from network.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def form_data(when, **extra):
    return {
        "title": "KIM Leaders' Network meeting",
        "date_0": when.day,
        "date_1": when.month,
        "date_2": when.year,
        "status": "planned",
        **extra,
    }


def future(n=30):
    return timezone.localdate() + datetime.timedelta(days=n)


def post_new(client, data):
    return client.post("/network/meetings/new/", data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date_0": "", "date_1": "", "date_2": ""}, "Enter the date of the meeting"),
        ({"date_0": "31", "date_1": "2", "date_2": "2027"}, "The date of the meeting must be a real date"),
        ({"date_0": "3", "date_1": "", "date_2": "2027"}, "Enter the date of the meeting"),
        ({"date_0": "x", "date_1": "2", "date_2": "2027"}, "The date of the meeting must be a real date"),
        ({"start_time": "25:00"}, "Enter the start time using the 24-hour clock"),
        ({"end_time": "11:00"}, "Enter a start time, or leave the end time empty"),
        ({"start_time": "11:00", "end_time": "10:00"}, "The end time must be after the start time"),
        ({"status": "rearranged"}, "Enter the date the meeting was first planned"),
        ({"status": "held"}, "A meeting can be recorded as held only on or after its date"),
        ({"status": "cancelled"}, "Select whether the meeting is planned, rearranged or held"),
        ({"agenda": "x" * 301}, "Each agenda item must be 300 characters or fewer: item 1 is longer"),
        ({"title": ""}, "Enter a title for the meeting"),
    ],
)
def test_meeting_form_errors(assessor_client, data, message):
    response = post_new(assessor_client, {**form_data(future()), **data})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "<title>Error: " in page and 'class="govuk-error-summary' in page
    assert not Meeting.objects.exists()


def test_timed_meeting_with_agenda(assessor_client):
    post_new(
        assessor_client,
        form_data(future(), start_time="10:00", end_time="12.30", location="Kew", agenda="One\n\n Two \n"),
    )
    meeting = Meeting.objects.get()
    assert (meeting.start_time, meeting.end_time) == (datetime.time(10), datetime.time(12, 30))
    assert [item.title for item in meeting.agenda_items.all()] == ["One", "Two"]


def test_rearranging_keeps_the_previous_date_when_none_is_given(assessor_client):
    meeting = MeetingFactory(date=future(30), status=Meeting.Status.PLANNED)
    response = assessor_client.post(
        f"/network/meetings/{meeting.pk}/edit/", form_data(future(44), status="rearranged", version=meeting.version)
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.date, meeting.original_date) == ("rearranged", future(44), future(30))


def test_edit_form_shows_current_values(assessor_client):
    meeting = MeetingFactory(date=future(30), status=Meeting.Status.PLANNED, location="Room 101")
    meeting.agenda_items.create(order=1, title="Records transfer report")
    page = assessor_client.get(f"/network/meetings/{meeting.pk}/edit/").content.decode()
    assert "Room 101" in page and "Records transfer report" in page


def test_attendance_is_exactly_the_selected_departments(assessor, assessor_client, department_a, department_b):
    meeting = MeetingFactory(date=datetime.date(2026, 1, 14))
    meeting_attendance_set(meeting=meeting, by=assessor, version=1, departments=[department_a])
    response = assessor_client.post(
        f"/network/meetings/{meeting.pk}/attendance/", {"departments": [department_b.pk], "version": 2}
    )
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("department__name", flat=True)) == ["Home Office"]
    page = assessor_client.get(f"/network/meetings/{meeting.pk}/").content.decode()
    assert "1 department represented" in page


def test_attendance_refuses_unknown_departments(assessor_client):
    meeting = MeetingFactory()
    page = assessor_client.post(
        f"/network/meetings/{meeting.pk}/attendance/", {"departments": ["999"], "version": 1}
    ).content.decode()
    assert "Select departments from the list" in page


def test_items_discussed_are_numbered_in_order_and_can_be_changed_and_removed(assessor_client):
    meeting = MeetingFactory()
    for title in ("Email deletion policies", "Machinery of government changes"):
        assessor_client.post(f"/network/meetings/{meeting.pk}/items/new/", {"title": title})
    first, second = meeting.discussion_items.all()
    assert (first.order, second.order) == (1, 2)
    assessor_client.post(
        f"/network/meetings/{meeting.pk}/items/{first.pk}/edit/", {"title": "Email retention", "version": first.version}
    )
    assessor_client.post(f"/network/meetings/{meeting.pk}/items/{second.pk}/remove/")
    assert [item.title for item in meeting.discussion_items.all()] == ["Email retention"]
    assert assessor_client.post(f"/network/meetings/{meeting.pk}/items/new/", {"title": ""}).status_code == 200


def test_attendance_is_refused_before_the_meeting(assessor_client, department_a):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=7), status=Meeting.Status.PLANNED)
    page = assessor_client.get(f"/network/meetings/{meeting.pk}/").content.decode()
    assert "Record attendance" not in page
    response = assessor_client.post(
        f"/network/meetings/{meeting.pk}/attendance/", {"departments": [department_a.pk], "version": 1}
    )
    assert "Attendance can be recorded on or after the day of the meeting" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_planned_meeting_cannot_be_dated_in_the_past(assessor_client):
    response = assessor_client.post(
        "/network/meetings/new/",
        {"title": "Meeting", "date_0": "1", "date_1": "1", "date_2": "2010", "status": "planned"},
    )
    assert "The date of a planned meeting must be today or in the future" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_planned_meeting_is_cancelled_and_stays_on_record(assessor_client):
    meeting = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=30), status=Meeting.Status.PLANNED)
    page = assessor_client.get(f"/network/meetings/{meeting.pk}/").content.decode()
    assert f"/network/meetings/{meeting.pk}/cancel/" in page
    assert "Keep the meeting" in assessor_client.get(f"/network/meetings/{meeting.pk}/cancel/").content.decode()
    response = assessor_client.post(f"/network/meetings/{meeting.pk}/cancel/", follow=True)
    assert "Meeting cancelled" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    assert meeting.history.first().history_change_reason == "Meeting cancelled"
    calendar = assessor_client.get(f"/network/meetings/{meeting.pk}/meeting.ics").content.decode()
    assert "STATUS:CANCELLED" in calendar


def test_a_held_meeting_cannot_be_cancelled(assessor_client):
    meeting = MeetingFactory(date=datetime.date(2025, 1, 14), status=Meeting.Status.HELD)
    response = assessor_client.post(f"/network/meetings/{meeting.pk}/cancel/")
    assert "A meeting that has been held cannot be cancelled" in response.content.decode()
