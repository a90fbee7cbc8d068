from django.db import IntegrityError, transaction
from django.utils import timezone

from actionplans.choices import EDITABLE_PLAN_STATUSES, PlanStatus, RecommendationStatus
from actionplans.models import ActionPlan
from assessments.models import Assessment
from common.errors import ServiceError
from common.history import save_with_history
from notifications.recipients import assessor_emails
from notifications.services import notify

from .common import lock_plan, plan_email_context, require_lead

ASSESSMENT_NOT_PUBLISHED = "You can start an action plan only for a published assessment"
NO_RECOMMENDATIONS = "This assessment has no recommendations yet, so there is nothing to plan for"
PLAN_EXISTS = "This assessment already has an action plan"
PLAN_NOT_EDITABLE = (
    "You can change the plan only while it is a draft or returned for changes. "
    "To change an accepted plan, reopen it for changes first"
)
PLAN_HAS_NO_ACTIONS = "Add at least one action before you submit the plan"
RECOMMENDATIONS_WITHOUT_ACTIONS = "Add at least one action for {labels} before you submit the plan"
PLAN_NOT_ACCEPTED = "Only an accepted plan can be reopened for changes"


def check_editable(plan):
    if plan.status not in EDITABLE_PLAN_STATUSES:
        raise ServiceError(PLAN_NOT_EDITABLE)


def mark_changed(plan, by):
    """Editing a plan TNA had accepted flags it until TNA accepts it again."""
    if plan.accepted_at is not None and not plan.changed_since_accepted:
        plan.changed_since_accepted = True
        save_with_history(
            plan, by=by, reason="Changed since accepted", update_fields=["changed_since_accepted", "updated_at"]
        )


@transaction.atomic
def plan_create(*, assessment, by):
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)
    require_lead(by, assessment.department)
    if assessment.status != Assessment.Status.PUBLISHED:
        raise ServiceError(ASSESSMENT_NOT_PUBLISHED)
    if not assessment.recommendations.exists():
        raise ServiceError(NO_RECOMMENDATIONS)
    if ActionPlan.objects.filter(assessment=assessment).exists():
        raise ServiceError(PLAN_EXISTS)
    try:
        with transaction.atomic():
            return save_with_history(
                ActionPlan(assessment=assessment, created_by=by), by=by, reason="Action plan started"
            )
    except IntegrityError as error:  # another lead started it a moment ago
        raise ServiceError(PLAN_EXISTS) from error


@transaction.atomic
def plan_submit(*, plan, by):
    plan = lock_plan(plan)
    require_lead(by, plan.assessment.department)
    check_editable(plan)
    if not plan.actions.exists():
        raise ServiceError(PLAN_HAS_NO_ACTIONS)
    unanswered = [
        recommendation.label
        for recommendation in plan.assessment.recommendations.filter(
            status=RecommendationStatus.OPEN, actions__isnull=True
        ).order_by("number")
    ]
    if unanswered:
        raise ServiceError(RECOMMENDATIONS_WITHOUT_ACTIONS.format(labels=", ".join(unanswered)))
    plan.status = PlanStatus.SUBMITTED
    plan.submitted_at = timezone.now()
    save_with_history(plan, by=by, reason="Submitted for review")
    notify(recipients=assessor_emails(), template="actionplan_submitted", context=plan_email_context(plan, by=by))
    return plan


@transaction.atomic
def plan_reopen(*, plan, by):
    """The lead's way to change an accepted plan: back to draft; progress keeps being recorded meanwhile."""
    plan = lock_plan(plan)
    require_lead(by, plan.assessment.department)
    if plan.status != PlanStatus.ACCEPTED:
        raise ServiceError(PLAN_NOT_ACCEPTED)
    plan.status = PlanStatus.DRAFT
    save_with_history(plan, by=by, reason="Reopened for changes")
    return plan
