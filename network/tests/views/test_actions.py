"""Actions arising: overdue and RAG come from actionplans.rules, shown on the meeting and the network page."""

import datetime

import pytest
from django.utils import timezone

from actionplans.choices import ActionStatus
from network.models import MeetingAction
from network.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def test_assessor_adds_and_changes_an_action(assessor_client, lead_a):
    meeting = MeetingFactory()
    due = ago(-60)
    response = assessor_client.post(
        f"/network/meetings/{meeting.pk}/actions/new/",
        {
            "description": "Circulate the email retention survey",
            "owner": "The National Archives",
            "owner_user": lead_a.pk,
            "due_date_0": due.day,
            "due_date_1": due.month,
            "due_date_2": due.year,
            "status": "not_started",
        },
    )
    assert response.status_code == 302
    action = MeetingAction.objects.get()
    assert (action.owner_user, action.due_date) == (lead_a, due)
    assessor_client.post(
        f"/network/meetings/{meeting.pk}/actions/{action.pk}/edit/",
        {"description": action.description, "owner": action.owner, "status": "complete", "version": action.version},
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.COMPLETE and action.due_date is None


def test_overdue_and_rag_follow_the_action_plan_rules(lead_a_client):
    meeting = MeetingFactory()
    MeetingAction.objects.create(meeting=meeting, description="Late by a lot", owner="DfE", due_date=ago(45))
    MeetingAction.objects.create(meeting=meeting, description="Late by a little", owner="HO", due_date=ago(3))
    MeetingAction.objects.create(
        meeting=meeting, description="Done long ago", owner="TNA", due_date=ago(90), status=ActionStatus.COMPLETE
    )
    page = lead_a_client.get(f"/network/meetings/{meeting.pk}/").content.decode()
    assert "Overdue by 45 days" in page and "Overdue by 3 days" in page
    assert page.count("govuk-tag--red") == 1 and page.count("govuk-tag--orange") == 1
    network = lead_a_client.get("/network/").content.decode()
    assert "Late by a lot" in network and "Done long ago" not in network  # open actions only


def test_action_form_errors(assessor_client):
    meeting = MeetingFactory()
    page = assessor_client.post(
        f"/network/meetings/{meeting.pk}/actions/new/", {"due_date_0": "40", "due_date_1": "1", "due_date_2": "2027"}
    ).content.decode()
    for message in (
        "Describe the action",
        "Enter who owns the action",
        "The due date must be a real date",
        "Select the action",
    ):
        assert message in page
