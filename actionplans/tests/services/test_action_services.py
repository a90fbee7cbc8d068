"""Adding, changing and deleting actions: only the lead, only in draft or returned; accepted plans flag changes."""

import re
from datetime import date

import pytest

from actionplans.models import Action, PlanReview
from actionplans.services import actions as action_services
from actionplans.services import plans as plan_services
from actionplans.services.actions import action_delete, action_update
from actionplans.services.plans import plan_submit
from actionplans.services.progress import progress_update_create
from actionplans.services.recommendations import recommendation_close
from actionplans.services.review import plan_accept
from actionplans.tests import steps
from common.errors import NotAllowed, ServiceError, StaleVersion

pytestmark = pytest.mark.django_db


def _update(action, by, **changes):
    fields = {
        "description": action.description,
        "owner_text": action.owner_text,
        "owner_user": action.owner_user,
        "priority": action.priority,
        "due_date": action.due_date,
        "version": action.version,
    }
    fields.update(changes)
    return action_update(action=action, by=by, **fields)


def test_lead_adds_an_action_with_an_owner_from_the_department(assessor, lead_a, contributor_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    recommendation = assessment_a.recommendations.first()
    action = steps.add_action(plan, lead_a, recommendation, owner_user=contributor_a)
    assert action.owner_user == contributor_a and action.status == "not_started" and action.version == 1
    assert Action.history.filter(id=action.pk).get().history_user == lead_a


def test_owner_must_belong_to_the_department(assessor, lead_a, lead_b, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    with pytest.raises(ServiceError, match=action_services.OWNER_NOT_MEMBER):
        steps.add_action(plan, lead_a, assessment_a.recommendations.first(), owner_user=lead_b)


def test_action_must_answer_one_of_the_plans_recommendations(assessor, lead_a, assessment_a, assessment_b):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    elsewhere = steps.recommend(assessor, assessment_b, 1)[0]
    with pytest.raises(ServiceError, match=action_services.RECOMMENDATION_NOT_IN_PLAN):
        steps.add_action(plan, lead_a, elsewhere)


def test_closed_recommendation_gets_no_new_actions(assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    recommendation = recommendation_close(recommendation=assessment_a.recommendations.first(), by=assessor)
    with pytest.raises(ServiceError, match="R1 is closed"):
        steps.add_action(plan, lead_a, recommendation)


@pytest.mark.parametrize("who", ["contributor_a", "assessor", "lead_b"])
def test_only_the_lead_adds_changes_or_deletes(request, assessor, lead_a, assessment_a, who):
    plan = steps.draft(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    user = request.getfixturevalue(who)
    with pytest.raises(NotAllowed):
        steps.add_action(plan, user, action.recommendation)
    with pytest.raises(NotAllowed):
        _update(action, user, description="Changed")
    with pytest.raises(NotAllowed):
        action_delete(action=action, by=user)


@pytest.mark.parametrize("state", ["submitted", "accepted"])
def test_no_edits_while_submitted_or_accepted(assessor, lead_a, assessment_a, state):
    plan = getattr(steps, state)(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    for call in (
        lambda: steps.add_action(plan, lead_a, action.recommendation),
        lambda: _update(action, lead_a, description="Changed"),
        lambda: action_delete(action=action, by=lead_a),
    ):
        with pytest.raises(ServiceError, match=plan_services.PLAN_NOT_EDITABLE):
            call()


def test_stale_edit_is_refused_and_nothing_is_overwritten(assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    stale_version = action.version
    _update(action, lead_a, description="First editor")
    with pytest.raises(StaleVersion) as refused:
        _update(action, lead_a, description="Second editor", version=stale_version)
    assert re.fullmatch(
        r"Lena Lead-A changed action 1A at \d{1,2}(:\d\d)?[ap]m on \d{1,2} \w+ \d{4}, after you opened this page\. "
        r"Your changes have not been saved\.",
        refused.value.message,
    ), refused.value.message
    assert refused.value.current.description == "First editor" and refused.value.current.version == stale_version + 1
    # Who saved the current version, and when: the history record of that save.
    saved = Action.history.get(id=action.pk, version=stale_version + 1)
    assert (refused.value.changed_by, refused.value.changed_at) == (lead_a, saved.history_date)
    action.refresh_from_db()
    assert action.description == "First editor" and action.version == stale_version + 1


def test_saving_without_changes_keeps_the_version(assessor, lead_a, assessment_a):
    action = steps.draft(assessor, lead_a, assessment_a).actions.first()
    assert _update(action, lead_a).version == action.version


def test_action_with_progress_cannot_be_deleted(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    progress_update_create(action=action, by=lead_a, commentary="Started")
    with pytest.raises(ServiceError, match="already has progress updates"):
        action_delete(action=action, by=lead_a)


# Changed since accepted, and what was accepted


def test_accept_keeps_a_snapshot_of_the_plan_as_accepted(assessor, lead_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    review = PlanReview.objects.get(plan=plan)
    action = plan.actions.select_related("recommendation").first()
    entry = review.snapshot["recommendations"][0]["actions"][0]
    assert review.decision == "accepted"
    assert entry["id"] == action.pk
    assert entry["label"] == "1A"
    assert entry["description"] == action.description
    assert entry["due_date"] == "2030-03-31"
    assert [r["label"] for r in review.snapshot["recommendations"]] == ["R1", "R2"]


def test_reopening_alone_does_not_flag_the_plan(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    assert not plan.changed_since_accepted


def test_editing_a_reopened_plan_flags_it_and_the_snapshot_is_unchanged(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    _update(action, lead_a, due_date=date(2031, 1, 31))
    plan.refresh_from_db()
    assert plan.changed_since_accepted
    accepted = PlanReview.objects.get(plan=plan)
    assert accepted.snapshot["recommendations"][0]["actions"][0]["due_date"] == "2030-03-31"


def test_adding_after_acceptance_flags_the_plan(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    steps.add_action(plan, lead_a, assessment_a.recommendations.first(), "Extra")
    plan.refresh_from_db()
    assert plan.changed_since_accepted


def test_deleting_after_acceptance_flags_the_plan(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    action_delete(action=plan.actions.first(), by=lead_a)
    plan.refresh_from_db()
    assert plan.changed_since_accepted


def test_reaccepting_clears_the_flag_and_keeps_both_snapshots(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    _update(plan.actions.first(), lead_a, description="Moved on")
    plan_submit(plan=plan, by=lead_a)
    plan_accept(plan=plan, by=assessor)
    plan.refresh_from_db()
    assert not plan.changed_since_accepted and plan.status == "accepted"
    first, second = PlanReview.objects.filter(plan=plan).order_by("created_at")
    assert first.snapshot["recommendations"][0]["actions"][0]["description"] == "Do the thing"
    assert second.snapshot["recommendations"][0]["actions"][0]["description"] == "Moved on"
