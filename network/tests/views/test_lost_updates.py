"""Two people editing the same network record (a meeting, its attendance, an item discussed, an action arising,
a good-practice excerpt, a department's consent): the second save is refused, names who saved first and when,
shows their version and keeps what the second person typed; a POST without its version is refused too."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import kim_lead_of
from assessments.models import Assessment
from assessments.tests.factories import published_assessment
from network.models import DiscussionItem, GoodPracticeExcerpt, Meeting, MeetingAction
from network.tests.factories import GUIDANCE, DiscussionItemFactory, MeetingFactory, approved_excerpt, rating_for
from tests.support.editing import EditPage, assert_incomplete, assert_stale_refusal

pytestmark = pytest.mark.django_db

# Assessors and administrators both record the network's meetings.
FIRST, SECOND = "Priya Shah", "Sam Okafor"


def future(days=30):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def meeting(db):
    meeting = MeetingFactory(date=future(), status=Meeting.Status.PLANNED, location="Kew")
    meeting.agenda_items.create(order=1, title="Records transfer report")
    return meeting


# The meeting's details and agenda


def test_second_save_of_a_meeting_is_refused_naming_who_and_keeping_the_text(meeting, assessor, administrator):
    url = reverse("network:meeting_edit", args=[meeting.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(location="Room 101, Kew", agenda="Records transfer report\nEmail").status_code == 302
    refused = second.send(location="Sam's <i>room</i>", agenda="Sam's agenda")
    page = assert_stale_refusal(refused, who=FIRST, typed="Sam's <i>room</i>")

    assert "<strong>Location:</strong> Room 101, Kew" in page
    assert "<strong>Agenda:</strong> Records transfer report<br>Email" in page
    meeting.refresh_from_db()
    assert meeting.location == "Room 101, Kew"
    assert [item.title for item in meeting.agenda_items.all()] == ["Records transfer report", "Email"]
    # The refused page is based on the first person's version: saving it again is a deliberate replacement.
    second.read(refused)
    assert second.send(location="Sam's room").status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).location == "Sam's room"


def test_a_meeting_edit_without_its_version_is_refused(meeting, assessor):
    page = EditPage(assessor, reverse("network:meeting_edit", args=[meeting.pk]))
    assert_incomplete(page.send(without=("version",), location="Changed without a version"))
    assert Meeting.objects.get(pk=meeting.pk).location == "Kew"


# Attendance


def test_second_save_of_attendance_is_refused_naming_who(meeting, assessor, administrator, department_a, department_b):
    Meeting.objects.filter(pk=meeting.pk).update(date=datetime.date(2026, 1, 14), status=Meeting.Status.HELD)
    url = reverse("network:attendance_edit", args=[meeting.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(departments=[department_a.pk]).status_code == 302
    response = second.send(departments=[department_b.pk])
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert f"{FIRST} changed the attendance at " in page and 'id="conflict"' in page
    assert f"<strong>Departments represented:</strong> {department_a.name}" in page
    assert list(meeting.attendance.values_list("department_id", flat=True)) == [department_a.pk]


def test_attendance_sent_without_its_version_is_refused(meeting, assessor, department_a):
    page = EditPage(assessor, reverse("network:attendance_edit", args=[meeting.pk]))
    assert_incomplete(page.send(without=("version",), departments=[department_a.pk]))
    assert not meeting.attendance.exists()


# Items discussed (the minutes)


@pytest.fixture
def item(db):
    return DiscussionItemFactory(title="Email", summary="Members compared email policies.")


def test_second_save_of_an_item_discussed_is_refused_naming_who_and_keeping_the_text(item, assessor, administrator):
    url = reverse("network:item_edit", args=[item.meeting_id, item.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(summary="Members agreed a common email policy.").status_code == 302
    page = assert_stale_refusal(second.send(summary="Sam's minute."), who=FIRST, typed="Sam's minute.")

    assert "<strong>Summary:</strong> Members agreed a common email policy." in page
    item.refresh_from_db()
    assert item.summary == "Members agreed a common email policy."


def test_an_item_edit_without_its_version_is_refused(item, assessor):
    page = EditPage(assessor, reverse("network:item_edit", args=[item.meeting_id, item.pk]))
    assert_incomplete(page.send(without=("version",), summary="Changed without a version."))
    assert DiscussionItem.objects.get(pk=item.pk).summary == "Members compared email policies."


# Actions arising


@pytest.fixture
def meeting_action(meeting):
    return MeetingAction.objects.create(meeting=meeting, description="Circulate the survey", owner="TNA")


def test_second_save_of_an_action_arising_is_refused_naming_who_and_keeping_the_text(
    meeting_action, assessor, administrator
):
    url = reverse("network:action_edit", args=[meeting_action.meeting_id, meeting_action.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(description="Circulate the survey by May.", status="underway").status_code == 302
    page = assert_stale_refusal(second.send(description="Sam's action."), who=FIRST, typed="Sam's action.")

    assert "<strong>Action:</strong> Circulate the survey by May." in page
    assert "<strong>Status:</strong> Underway" in page
    meeting_action.refresh_from_db()
    assert (meeting_action.description, meeting_action.status) == ("Circulate the survey by May.", "underway")


def test_an_action_arising_edit_without_its_version_is_refused(meeting_action, assessor):
    page = EditPage(assessor, reverse("network:action_edit", args=[meeting_action.meeting_id, meeting_action.pk]))
    assert_incomplete(page.send(without=("version",), description="Changed without a version."))
    assert MeetingAction.objects.get(pk=meeting_action.pk).description == "Circulate the survey"


# Good-practice excerpts, written and approved by assessors


@pytest.fixture
def shared_rating(framework, department_b):
    assessment = published_assessment(
        department_b, framework, year=2015, share_good_practice=True, ratings={GUIDANCE: "Good practice"}
    )
    return rating_for(assessment, GUIDANCE)


def test_second_save_of_an_excerpt_is_refused_naming_who_and_keeping_the_text(shared_rating, assessor, administrator):
    approved_excerpt(shared_rating, assessor, text="A one-page guide.")
    url = reverse("network:excerpt_edit", args=[shared_rating.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(excerpt="A one-page guide to email.").status_code == 302
    page = assert_stale_refusal(second.send(excerpt="Sam's excerpt."), who=FIRST, typed="Sam's excerpt.")

    assert "<strong>Excerpt:</strong> A one-page guide to email." in page
    assert GoodPracticeExcerpt.objects.get(rating=shared_rating).excerpt == "A one-page guide to email."


def test_two_first_excerpts_of_the_same_rating_the_second_is_refused(shared_rating, assessor, administrator):
    url = reverse("network:excerpt_edit", args=[shared_rating.pk])
    first, second = EditPage(assessor, url), EditPage(administrator, url)

    assert first.send(excerpt="Priya's first excerpt.").status_code == 302
    assert_stale_refusal(second.send(excerpt="Sam's first excerpt."), who=FIRST, typed="Sam's first excerpt.")
    assert GoodPracticeExcerpt.objects.get(rating=shared_rating).excerpt == "Priya's first excerpt."


def test_an_excerpt_edit_without_its_version_is_refused(shared_rating, assessor):
    approved_excerpt(shared_rating, assessor, text="A one-page guide.")
    page = EditPage(assessor, reverse("network:excerpt_edit", args=[shared_rating.pk]))
    assert_incomplete(page.send(without=("version",), excerpt="Changed without a version."))
    assert GoodPracticeExcerpt.objects.get(rating=shared_rating).excerpt == "A one-page guide."


# A department's consent to share good practice: any of its KIM leads decides


@pytest.fixture
def consent_assessment(framework, department_a):
    return published_assessment(department_a, framework, year=2015, share_good_practice=True)


def test_second_consent_decision_from_an_older_page_is_refused_naming_who(consent_assessment, lead_a, department_a):
    second_lead = kim_lead_of(department_a, user__email="lead.two@example.gov.uk", user__full_name="Kai Second-Lead")
    url = reverse("network:consent_edit", args=[consent_assessment.pk])
    first, second = EditPage(lead_a, url), EditPage(second_lead, url)

    assert first.send(share="no").status_code == 302
    response = second.send(share="yes")
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page
    assert "Lena Lead-A changed whether good practice from IMA 2015 is shared at " in page
    assert 'id="conflict"' in page and "<strong>Share good practice:</strong> No" in page
    assert Assessment.objects.get(pk=consent_assessment.pk).share_good_practice is False


def test_a_consent_decision_without_its_version_is_refused(consent_assessment, lead_a):
    page = EditPage(lead_a, reverse("network:consent_edit", args=[consent_assessment.pk]))
    assert_incomplete(page.send(without=("version",), share="no"))
    assert Assessment.objects.get(pk=consent_assessment.pk).share_good_practice is True
