"""Who may move a plan from which state, and what each transition records and tells."""

import pytest

from actionplans.choices import PlanStatus
from actionplans.models import ActionPlan, PlanReview
from actionplans.services import plans as plan_services
from actionplans.services import review as review_services
from actionplans.services.plans import plan_create, plan_reopen, plan_submit
from actionplans.services.review import plan_accept, plan_close, plan_return
from actionplans.tests import steps
from assessments.models import Assessment
from assessments.tests.factories import published_assessment
from common.errors import NotAllowed, ServiceError

pytestmark = pytest.mark.django_db


def refused(exception, message, call):
    with pytest.raises(exception) as raised:
        call()
    assert message in raised.value.message


# Creating


def test_lead_starts_a_plan_for_a_published_assessment_with_recommendations(assessor, lead_a, assessment_a):
    steps.recommend(assessor, assessment_a)
    plan = plan_create(assessment=assessment_a, by=lead_a)
    assert plan.status == PlanStatus.DRAFT and plan.assessment == assessment_a


def test_plan_needs_recommendations(lead_a, assessment_a):
    refused(ServiceError, plan_services.NO_RECOMMENDATIONS, lambda: plan_create(assessment=assessment_a, by=lead_a))


def test_plan_needs_a_published_assessment(assessor, lead_a, framework, department_a):
    assessment = published_assessment(department_a, framework, year=2020)
    steps.recommend(assessor, assessment)
    Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.IN_REVIEW)
    refused(ServiceError, plan_services.ASSESSMENT_NOT_PUBLISHED, lambda: plan_create(assessment=assessment, by=lead_a))


def test_only_one_plan_per_assessment(assessor, lead_a, assessment_a):
    steps.draft(assessor, lead_a, assessment_a)
    refused(ServiceError, plan_services.PLAN_EXISTS, lambda: plan_create(assessment=assessment_a, by=lead_a))


@pytest.mark.parametrize("who", ["lead_b", "contributor_a", "assessor"])
def test_only_the_departments_lead_starts_a_plan(request, assessor, assessment_a, who):
    steps.recommend(assessor, assessment_a)
    user = request.getfixturevalue(who)
    refused(NotAllowed, "KIM lead", lambda: plan_create(assessment=assessment_a, by=user))


# Submitting


def test_lead_submits_and_assessors_are_told(assessor, lead_a, assessment_a, broker):
    plan = steps.draft(assessor, lead_a, assessment_a)
    with broker.after_commit():
        plan_submit(plan=plan, by=lead_a)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_at
    assert [m.to for m in broker.emails] == [[assessor.email]]
    assert "submitted for review" in broker.emails[0].subject
    assert f"/action-plans/plans/{plan.pk}/review/" in broker.emails[0].body


def test_submit_refused_without_actions(assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    refused(ServiceError, plan_services.PLAN_HAS_NO_ACTIONS, lambda: plan_submit(plan=plan, by=lead_a))


def test_submit_refused_while_an_open_recommendation_has_no_action(assessor, lead_a, assessment_a):
    r1, _, _ = steps.recommend(assessor, assessment_a, 3)
    plan = plan_create(assessment=assessment_a, by=lead_a)
    steps.add_action(plan, lead_a, r1)
    expected = plan_services.RECOMMENDATIONS_WITHOUT_ACTIONS.format(labels="R2, R3")
    refused(ServiceError, expected, lambda: plan_submit(plan=plan, by=lead_a))


def test_submit_refused_when_already_submitted(assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    refused(ServiceError, plan_services.PLAN_NOT_EDITABLE, lambda: plan_submit(plan=plan, by=lead_a))


def test_contributor_cannot_submit(assessor, lead_a, contributor_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a)
    refused(NotAllowed, "KIM lead", lambda: plan_submit(plan=plan, by=contributor_a))


# Returning


def test_assessor_returns_with_overall_and_per_action_comments(assessor, lead_a, assessment_a, broker):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    first, second = plan.actions.order_by("recommendation__number")
    with broker.after_commit():
        review = plan_return(
            plan=plan, by=assessor, comment="Add dates", action_comments={first.pk: "Too vague", second.pk: "  "}
        )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.RETURNED
    assert [(c.action_label, c.comment) for c in review.action_comments.all()] == [("1A", "Too vague")]
    assert review.snapshot["recommendations"][0]["actions"][0]["label"] == "1A"
    assert [m.to for m in broker.emails] == [[lead_a.email]]
    assert "1A: Too vague" in broker.emails[0].body


def test_return_needs_a_comment(assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    refused(
        ServiceError, review_services.RETURN_NEEDS_COMMENT, lambda: plan_return(plan=plan, by=assessor, comment=" ")
    )


def test_lead_cannot_return_or_accept(assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    refused(NotAllowed, "assessor", lambda: plan_return(plan=plan, by=lead_a, comment="x"))
    refused(NotAllowed, "assessor", lambda: plan_accept(plan=plan, by=lead_a))


def test_returned_plan_can_be_changed_and_resubmitted(assessor, lead_a, assessment_a):
    plan = steps.returned(assessor, lead_a, assessment_a)
    steps.add_action(plan, lead_a, plan.assessment.recommendations.first(), "Better action")
    plan = plan_submit(plan=plan, by=lead_a)
    assert plan.status == PlanStatus.SUBMITTED


# Accepting


def test_assessor_accepts_and_leads_are_told(assessor, lead_a, assessment_a, broker):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    with broker.after_commit():
        plan_accept(plan=plan, by=assessor, comment="Good plan")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACCEPTED and plan.accepted_at and not plan.changed_since_accepted
    assert [m.to for m in broker.emails] == [[lead_a.email]]
    assert "accepted" in broker.emails[0].subject


@pytest.mark.parametrize("state", ["draft", "returned", "accepted"])
def test_only_a_submitted_plan_can_be_decided(assessor, lead_a, assessment_a, state):
    plan = getattr(steps, state)(assessor, lead_a, assessment_a)
    refused(ServiceError, review_services.PLAN_NOT_SUBMITTED, lambda: plan_accept(plan=plan, by=assessor))
    refused(ServiceError, review_services.PLAN_NOT_SUBMITTED, lambda: plan_return(plan=plan, by=assessor, comment="x"))


# Reopening and closing


def test_lead_reopens_an_accepted_plan_to_draft(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    assert plan.status == PlanStatus.DRAFT and plan.accepted_at is not None


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_only_an_accepted_plan_is_reopened(assessor, lead_a, assessment_a, state):
    plan = getattr(steps, state)(assessor, lead_a, assessment_a)
    refused(ServiceError, plan_services.PLAN_NOT_ACCEPTED, lambda: plan_reopen(plan=plan, by=lead_a))


def test_assessor_closes_an_accepted_plan_by_agreement(assessor, lead_a, assessment_a, broker):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    with broker.after_commit():
        plan_close(plan=plan, by=assessor, comment="Enough progress")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CLOSED and plan.closed_at and plan.closing_comment == "Enough progress"
    assert "closed by agreement" in broker.emails[0].subject


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_only_an_accepted_plan_is_closed(assessor, lead_a, assessment_a, state):
    plan = getattr(steps, state)(assessor, lead_a, assessment_a)
    refused(ServiceError, review_services.PLAN_NOT_ACCEPTED, lambda: plan_close(plan=plan, by=assessor))


def test_lead_cannot_close(assessor, lead_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    refused(NotAllowed, "assessor", lambda: plan_close(plan=plan, by=lead_a))


def test_transitions_are_in_the_plan_history(assessor, lead_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    statuses = list(ActionPlan.history.filter(id=plan.pk).order_by("history_date").values_list("status", flat=True))
    assert statuses == ["draft", "submitted", "accepted"]
    assert PlanReview.objects.filter(plan=plan).count() == 1
