"""Progress updates: by people in the department, on accepted plans, optionally moving the status."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from actionplans.models import ProgressUpdate
from actionplans.services import progress as services
from actionplans.services.progress import progress_update_create
from actionplans.services.review import plan_close
from actionplans.tests import steps
from common.errors import NotAllowed, ServiceError

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(assessor, lead_a, assessment_a, contributor_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    action.owner_user = contributor_a
    action.save()
    return action


@pytest.mark.parametrize("who", ["lead_a", "contributor_a"])
def test_the_owner_and_the_kim_lead_record_progress(request, action, who):
    update = progress_update_create(action=action, by=request.getfixturevalue(who), commentary="Workshops held")
    assert update.date == timezone.localdate() and not update.changes_status


@pytest.mark.parametrize("who", ["lead_b", "assessor"])
def test_others_cannot_record_progress(request, action, who):
    with pytest.raises(NotAllowed, match=services.NOT_PROGRESS_AUTHOR):
        progress_update_create(action=action, by=request.getfixturevalue(who), commentary="x")
    assert not ProgressUpdate.objects.exists()


def test_a_contributor_cannot_record_progress_on_an_action_they_do_not_own(action, contributor_a):
    other = action.plan.actions.exclude(pk=action.pk).first()
    with pytest.raises(NotAllowed, match=services.NOT_PROGRESS_AUTHOR):
        progress_update_create(action=other, by=contributor_a, commentary="Not mine")
    assert not ProgressUpdate.objects.exists()


def test_completing_sets_the_completion_date(action, contributor_a):
    on = timezone.localdate() - timedelta(days=3)
    update = progress_update_create(action=action, by=contributor_a, commentary="Done", date=on, status="complete")
    action.refresh_from_db()
    assert (update.status_from, update.status_to) == ("not_started", "complete")
    assert action.status == "complete" and action.completion_date == on and action.version == 2


def test_moving_away_from_complete_clears_the_completion_date(action, contributor_a):
    progress_update_create(action=action, by=contributor_a, commentary="Done", status="complete")
    progress_update_create(action=action, by=contributor_a, commentary="Reopened: more to do", status="underway")
    action.refresh_from_db()
    assert action.status == "underway" and action.completion_date is None


def test_same_status_is_not_a_change(action, contributor_a):
    update = progress_update_create(action=action, by=contributor_a, commentary="Still", status="not_started")
    assert not update.changes_status


def test_future_dates_are_refused(action, contributor_a):
    with pytest.raises(ServiceError, match=services.DATE_IN_FUTURE):
        progress_update_create(
            action=action, by=contributor_a, commentary="x", date=timezone.localdate() + timedelta(days=1)
        )


def test_no_progress_before_acceptance(assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    with pytest.raises(ServiceError, match=services.PLAN_NOT_TRACKING):
        progress_update_create(action=plan.actions.first(), by=lead_a, commentary="x")


def test_no_progress_after_closure(action, assessor, lead_a):
    plan_close(plan=action.plan, by=assessor)
    with pytest.raises(ServiceError, match=services.PLAN_NOT_TRACKING):
        progress_update_create(action=action, by=lead_a, commentary="x")


def test_progress_continues_while_an_accepted_plan_is_being_changed(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    assert progress_update_create(action=plan.actions.first(), by=lead_a, commentary="Carrying on").pk


def test_database_refuses_complete_without_a_completion_date(action):
    action.status = "complete"
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()
    action.status, action.completion_date = "underway", date(2026, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()
