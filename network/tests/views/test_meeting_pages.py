"""The meeting pages and the home page's next-meeting panel: planned, held and rearranged meetings."""

import datetime

import pytest
from django.utils import timezone

from network.models import AgendaItem, Meeting
from network.tests.factories import DiscussionItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_page_shows_planned_held_and_rearranged_with_original_date(lead_a_client):
    held = MeetingFactory(date=datetime.date(2015, 1, 14), status=Meeting.Status.HELD)
    DiscussionItemFactory(meeting=held, title="Email deletion policies")
    MeetingFactory(date=days(14), status=Meeting.Status.PLANNED)
    moved = MeetingFactory(date=days(40), status=Meeting.Status.REARRANGED, original_date=days(33))
    page = lead_a_client.get("/network/").content.decode()
    assert ">Planned<" in page and ">Rearranged<" in page
    assert f"Rearranged from {moved.original_date:%-d %B %Y}" in page
    assert "Email deletion policies" in page
    assert ">Held<" in lead_a_client.get(f"/network/meetings/{held.pk}/").content.decode()
    detail = lead_a_client.get(f"/network/meetings/{moved.pk}/").content.decode()
    assert f"Rearranged from {moved.original_date:%-d %B %Y}" in detail


def test_held_meeting_that_was_rearranged_still_says_so(lead_a_client):
    meeting = MeetingFactory(date=datetime.date(2020, 6, 10), original_date=datetime.date(2020, 3, 25))
    page = lead_a_client.get(f"/network/meetings/{meeting.pk}/").content.decode()
    assert ">Held<" in page and "Rearranged from 25 March 2020" in page


def test_next_meeting_and_agenda_on_every_members_home_page(client, lead_a, contributor_a, assessor, administrator):
    meeting = MeetingFactory(date=days(21), status=Meeting.Status.PLANNED)
    AgendaItem.objects.create(meeting=meeting, order=1, title="Microsoft 365 retention labels")
    for user in (lead_a, contributor_a, assessor, administrator):
        client.force_login(user)
        page = client.get("/").content.decode()
        assert "Next KIM Leaders' Network meeting" in page, user
        assert f"{meeting.date:%-d %B %Y}" in page
        assert "Microsoft 365 retention labels" in page
        assert "/network/next-meeting.ics" in page


def test_home_page_says_when_no_meeting_is_planned(lead_a_client):
    page = lead_a_client.get("/").content.decode()
    assert "No meeting is planned yet" in page


def test_user_without_role_home_has_no_network_panel(client, django_user_model):
    user = django_user_model.objects.create_user("nobody@example.gov.uk", "pw", full_name="No Body")
    client.force_login(user)
    assert "Next KIM Leaders" not in client.get("/").content.decode()


def test_unknown_meeting_is_404(lead_a_client):
    assert lead_a_client.get("/network/meetings/999/").status_code == 404
