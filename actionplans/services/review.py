from django.db import transaction
from django.utils import timezone

from actionplans.choices import PlanStatus, ReviewDecision
from actionplans.models import Action, ActionComment, PlanReview, Recommendation
from common.errors import ServiceError
from common.history import save_with_history
from notifications.recipients import kim_lead_emails
from notifications.services import notify

from .common import lock_plan, plan_email_context, require_assessor
from .snapshot import build_snapshot

PLAN_NOT_SUBMITTED = "You can review a plan only after the department has submitted it"
RETURN_NEEDS_COMMENT = "Enter a comment saying what the department should change"
PLAN_NOT_ACCEPTED = "Only an accepted plan can be closed by agreement"


def plan_snapshot(plan, *, decided_at):
    recommendations = list(Recommendation.objects.filter(assessment_id=plan.assessment_id))
    actions = list(Action.objects.filter(plan=plan).select_related("recommendation", "owner_user"))
    return build_snapshot(plan=plan, recommendations=recommendations, actions=actions, decided_at=decided_at), actions


def _record_review(plan, *, by, decision, comment, action_comments):
    now = timezone.now()
    snapshot, actions = plan_snapshot(plan, decided_at=now)
    review = PlanReview.objects.create(
        plan=plan, reviewer=by, decision=decision, comment=(comment or "").strip(), snapshot=snapshot
    )
    comments = {key: (text or "").strip() for key, text in (action_comments or {}).items()}
    ActionComment.objects.bulk_create(
        [
            ActionComment(review=review, action=action, action_label=action.label, comment=comments[action.pk])
            for action in actions
            if comments.get(action.pk)
        ]
    )
    return review, now


def _check_submitted(plan):
    if plan.status != PlanStatus.SUBMITTED:
        raise ServiceError(PLAN_NOT_SUBMITTED)


@transaction.atomic
def plan_return(*, plan, by, comment, action_comments=None):
    """`action_comments`: {action id: comment}; blank comments and other plans' actions are ignored."""
    require_assessor(by)
    plan = lock_plan(plan)
    _check_submitted(plan)
    if not (comment or "").strip():
        raise ServiceError(RETURN_NEEDS_COMMENT, field="comment")
    review, _ = _record_review(
        plan, by=by, decision=ReviewDecision.RETURNED, comment=comment, action_comments=action_comments
    )
    plan.status = PlanStatus.RETURNED
    save_with_history(plan, by=by, reason="Returned for changes")
    notify(
        recipients=kim_lead_emails(plan.assessment.department),
        template="actionplan_returned",
        context=plan_email_context(plan, review=review, by=by),
    )
    return review


@transaction.atomic
def plan_accept(*, plan, by, comment="", action_comments=None):
    require_assessor(by)
    plan = lock_plan(plan)
    _check_submitted(plan)
    review, now = _record_review(
        plan, by=by, decision=ReviewDecision.ACCEPTED, comment=comment, action_comments=action_comments
    )
    plan.status = PlanStatus.ACCEPTED
    plan.accepted_at = now
    plan.changed_since_accepted = False
    save_with_history(plan, by=by, reason="Accepted")
    notify(
        recipients=kim_lead_emails(plan.assessment.department),
        template="actionplan_accepted",
        context=plan_email_context(plan, review=review, by=by),
    )
    return review


@transaction.atomic
def plan_close(*, plan, by, comment=""):
    """Closed by agreement: TNA and the department agree enough progress has been made."""
    require_assessor(by)
    plan = lock_plan(plan)
    if plan.status != PlanStatus.ACCEPTED:
        raise ServiceError(PLAN_NOT_ACCEPTED)
    plan.status = PlanStatus.CLOSED
    plan.closed_at = timezone.now()
    plan.closing_comment = (comment or "").strip()
    save_with_history(plan, by=by, reason="Closed by agreement")
    notify(
        recipients=kim_lead_emails(plan.assessment.department),
        template="actionplan_closed",
        context=plan_email_context(plan, by=by),
    )
    return plan
