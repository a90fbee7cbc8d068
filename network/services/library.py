"""Writes for the good-practice library: assessors' excerpts, and each department's consent to share."""

from django.db import transaction
from django.utils import timezone

from accounts import access
from assessments.models import Assessment
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history
from network.models import GoodPracticeExcerpt
from network.selectors.library import shareable_ratings

from .roles import ONLY_ASSESSORS_APPROVE, ONLY_LEAD_CONSENTS, require_network_manager

NOT_SHAREABLE = (
    "This area cannot go into the library: its assessment must be published, rated Good practice or better, "
    "and its department must agree to share."
)


@transaction.atomic
def excerpt_save(*, rating, by, excerpt, approve):
    """Write or change the excerpt for a rating; `approve` says whether members may see it.

    Changing the words of an approved excerpt without approving again withdraws it from the library,
    so members never see text that no assessor approved.
    """
    require_network_manager(by, ONLY_ASSESSORS_APPROVE)
    if not shareable_ratings().filter(pk=rating.pk).exists():
        raise ServiceError(NOT_SHAREABLE)
    record = GoodPracticeExcerpt.objects.select_for_update(of=("self",)).filter(rating=rating).first()
    if record is None:
        record = GoodPracticeExcerpt(rating=rating, written_by=by)
    text_changed = record.excerpt != excerpt
    record.excerpt = excerpt
    if approve and (text_changed or not record.is_approved):
        record.approved_by, record.approved_at = by, timezone.now()
    elif not approve:
        record.approved_by, record.approved_at = None, None
    save_with_history(record, by=by, reason="Excerpt approved" if record.is_approved else "Excerpt saved")
    return record


@transaction.atomic
def good_practice_consent_set(*, assessment, by, share):
    """The department's KIM lead decides whether good practice from this assessment is shared."""
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_CONSENTS.format(department=assessment.department.name))
    if assessment.share_good_practice != share:
        assessment.share_good_practice = share
        save_with_history(
            assessment,
            by=by,
            reason="Agreed to share good practice" if share else "Withdrew agreement to share good practice",
            update_fields=["share_good_practice", "updated_at"],
        )
    return assessment
