"""Criteria: chosen from the starter set or written by the department; reworded as a new version, never in place."""

from django.db import IntegrityError, transaction
from django.db.models import Max

from common.errors import ServiceError
from monitoring.models import Criterion, CriterionVersion
from monitoring.starter import STARTER_CRITERIA

from . import require_manager

ALREADY_CHOSEN = "Your department already uses the criterion {title}"
UNKNOWN_STARTER = "Select a criterion from the list"
NOTHING_CHANGED = "Change the question or the evidence guidance, or go back"


def _next_position(department):
    return (Criterion.objects.filter(department=department).aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def criterion_add(*, department, by, key, title=None, question=None, evidence_guidance=None):
    """A criterion from the starter set (`key`), or the department's own (`key` None, with its wording)."""
    require_manager(by, department)
    if key is None:
        key = f"custom-{Criterion.objects.filter(department=department).count() + 1}"
        while Criterion.objects.filter(department=department, key=key).exists():
            key += "-1"
    else:
        if key not in STARTER_CRITERIA:
            raise ServiceError(UNKNOWN_STARTER, field="key")
        title, question, evidence_guidance = STARTER_CRITERIA[key]
    try:
        with transaction.atomic():
            criterion = Criterion.objects.create(
                department=department, key=key, title=title, position=_next_position(department)
            )
    except IntegrityError:
        raise ServiceError(ALREADY_CHOSEN.format(title=title), field="key") from None
    CriterionVersion.objects.create(
        criterion=criterion, number=1, question=question, evidence_guidance=evidence_guidance, created_by=by
    )
    return criterion


@transaction.atomic
def criterion_revise(*, criterion, by, title, question, evidence_guidance, is_active):
    """A new version when the wording changes: rounds already opened keep answering the version they had."""
    require_manager(by, criterion.department)
    criterion = Criterion.objects.select_for_update().get(pk=criterion.pk)
    current = criterion.versions.order_by("-number").first()
    reworded = current is None or (current.question, current.evidence_guidance) != (question, evidence_guidance)
    if not reworded and (criterion.title, criterion.is_active) == (title, is_active):
        raise ServiceError(NOTHING_CHANGED)
    criterion.title, criterion.is_active = title, is_active
    criterion.save(update_fields=["title", "is_active"])
    if reworded:
        CriterionVersion.objects.create(
            criterion=criterion,
            number=(current.number + 1) if current else 1,
            question=question,
            evidence_guidance=evidence_guidance,
            created_by=by,
        )
    return criterion
