"""Who may read and who may change the network's record (the triad: anonymous, wrong role, right role)."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from network.models import Meeting
from network.tests.factories import DiscussionItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MEETING_FORM = {
    "title": "KIM Leaders' Network meeting",
    "date_0": "10",
    "date_1": "3",
    "date_2": "2027",
    "status": "planned",
}


def edit_urls(meeting, item):
    base = f"/network/meetings/{meeting.pk}"
    return [
        "/network/meetings/new/",
        f"{base}/edit/",
        f"{base}/items/new/",
        f"{base}/items/{item.pk}/edit/",
        f"{base}/items/{item.pk}/remove/",
        f"{base}/attendance/",
        f"{base}/papers/new/",
        f"{base}/actions/new/",
        "/network/good-practice/excerpts/",
    ]


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2015, 1, 14))


@pytest.fixture
def no_role_user(db):
    return get_user_model().objects.create_user("nobody@example.gov.uk", "pw", full_name="No Body")


def test_anonymous_is_sent_to_sign_in(client, meeting):
    item = DiscussionItemFactory(meeting=meeting)
    for url in ["/network/", f"/network/meetings/{meeting.pk}/", "/network/good-practice/", *edit_urls(meeting, item)]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["lead_a", "contributor_a"])
def test_members_read_the_record(client, meeting, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in (
        "/network/",
        f"/network/meetings/{meeting.pk}/",
        f"/network/meetings/{meeting.pk}/meeting.ics",
        "/network/good-practice/",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["lead_a", "contributor_a", "no_role_user"])
def test_members_cannot_open_or_post_to_edit_pages(client, meeting, who, request):
    item = DiscussionItemFactory(meeting=meeting, title="Original title")
    client.force_login(request.getfixturevalue(who))
    for url in edit_urls(meeting, item):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {**MEETING_FORM, "title": "Changed"}).status_code == 403, url
    item.refresh_from_db()
    assert item.title == "Original title"
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("who", ["assessor", "administrator"])
def test_assessors_and_administrators_record_meetings(client, who, request):
    client.force_login(request.getfixturevalue(who))
    response = client.post("/network/meetings/new/", {**MEETING_FORM, "agenda": "Welcome\nEmail deletion policies\n"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/network/meetings/{meeting.pk}/"
    assert [item.title for item in meeting.agenda_items.all()] == ["Welcome", "Email deletion policies"]
    response = client.post(
        f"/network/meetings/{meeting.pk}/items/new/", {"title": "Digital transfer pilots", "summary": "Two pilots."}
    )
    assert response.status_code == 302
    assert meeting.discussion_items.get().title == "Digital transfer pilots"


def test_user_without_role_reads_meetings_but_not_the_library(client, meeting, no_role_user):
    client.force_login(no_role_user)
    assert client.get("/network/").status_code == 200
    assert client.get("/network/good-practice/").status_code == 403
