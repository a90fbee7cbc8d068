"""The assessor writes the report's Next steps: items in order, optionally linked to a recommendation,
frozen when the assessment is published (the issued report prints them as written)."""

from django.db import transaction
from django.db.models import Max

from accounts import access
from actionplans.models import NextStep
from assessments.models import Assessment
from assessments.report.publication import Gap
from assessments.report.sections import NEXT_STEPS
from assessments.rules import ASSESSOR_EDITABLE
from common.errors import NotAllowed, ServiceError
from common.history import delete_with_history, save_with_history
from common.versions import check_version, next_version

ONLY_ASSESSORS = "Only assessors from The National Archives can write a report's next steps."
ONLY_REVIEWS = "Only a progress review report has next steps."
NOT_EDITABLE = "This assessment is {status}. Its next steps can be changed only while TNA is writing the report."
TEXT_REQUIRED = "Enter the next step"
TEXT_TOO_LONG = "The next step must be 2,000 characters or fewer"
RECOMMENDATION_NOT_THIS_DEPARTMENT = "Choose a recommendation made to {department}"
GAP_NO_ITEMS = "Next steps: add at least one thing the department should focus on"
STALE_NEXT_STEP = (
    "{who} changed next step {position} at {when}, after you opened this page. Your changes have not been saved."
)
MAX_TEXT = 2000


def _check(assessment, by):
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS)
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)
    if assessment.assessment_type != Assessment.Type.PROGRESS_REVIEW:
        raise ServiceError(ONLY_REVIEWS)
    if assessment.status not in ASSESSOR_EDITABLE:
        raise ServiceError(NOT_EDITABLE.format(status=assessment.get_status_display().lower()))
    return assessment


def _clean(assessment, text, recommendation):
    text = (text or "").strip()
    if not text:
        raise ServiceError(TEXT_REQUIRED, field="text")
    if len(text) > MAX_TEXT:
        raise ServiceError(TEXT_TOO_LONG, field="text")
    if recommendation is not None and recommendation.assessment.department_id != assessment.department_id:
        raise ServiceError(
            RECOMMENDATION_NOT_THIS_DEPARTMENT.format(department=assessment.department.name), field="recommendation"
        )
    return text


@transaction.atomic
def next_step_add(*, assessment, by, text, recommendation=None):
    assessment = _check(assessment, by)
    text = _clean(assessment, text, recommendation)
    last = NextStep.objects.filter(assessment=assessment).aggregate(last=Max("position"))["last"] or 0
    step = NextStep(assessment=assessment, position=last + 1, text=text, recommendation=recommendation, created_by=by)
    return save_with_history(step, by=by, reason="Next step added")


@transaction.atomic
def next_step_update(*, step, by, version, text, recommendation=None):
    """`version` is the one the assessor started from: any assessor writing the report may change an item."""
    assessment = _check(step.assessment, by)
    # The bare row: on PostgreSQL a locking query that waited keeps the joined rows it read before the wait.
    step = NextStep.objects.select_for_update().get(pk=step.pk)
    check_version(step, version, STALE_NEXT_STEP, position=step.position)
    step.text = _clean(assessment, text, recommendation)
    step.recommendation = recommendation
    next_version(step)
    return save_with_history(step, by=by, reason="Next step changed")


@transaction.atomic
def next_step_remove(*, step, by):
    assessment = _check(step.assessment, by)
    delete_with_history(step, by=by, reason="Next step removed")
    _renumber(assessment, by)


@transaction.atomic
def next_step_move(*, step, by, offset):
    """Move an item up (-1) or down (+1) the list."""
    assessment = _check(step.assessment, by)
    steps = list(NextStep.objects.filter(assessment=assessment).order_by("position", "pk"))
    index = next(i for i, item in enumerate(steps) if item.pk == step.pk)
    target = index + offset
    if 0 <= target < len(steps):
        steps[index], steps[target] = steps[target], steps[index]
    _renumber(assessment, by, steps)


@transaction.atomic
def next_steps_add_suggested(*, assessment, by, recommendations):
    """Add an item for each chosen recommendation, worded "<label>: <text>" for the assessor to edit."""
    for recommendation in recommendations:
        next_step_add(
            assessment=assessment,
            by=by,
            text=f"{recommendation.full_label}: {recommendation.text}",
            recommendation=recommendation,
        )


def _renumber(assessment, by, steps=None):
    steps = (
        steps if steps is not None else list(NextStep.objects.filter(assessment=assessment).order_by("position", "pk"))
    )
    for position, step in enumerate(steps, start=1):
        if step.position != position:
            step.position = position
            save_with_history(step, by=by, reason="Next steps reordered", update_fields=["position"])


def next_steps_gaps(sender, *, assessment, **_signal):
    """Receiver of assessments.signals.publication_gaps: a progress review prints at least one item."""
    if assessment.assessment_type != Assessment.Type.PROGRESS_REVIEW:
        return []
    if NextStep.objects.filter(assessment=assessment).exists():
        return []
    return [Gap(NEXT_STEPS, GAP_NO_ITEMS)]
