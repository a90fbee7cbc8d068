"""Writes for the good-practice library: assessors' excerpts, and each department's consent to share."""

from django.db import transaction
from django.utils import timezone

from accounts import access
from assessments.models import AreaRating, Assessment
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history
from common.versions import check_version, next_version
from network.models import GoodPracticeExcerpt
from network.selectors.library import shareable_ratings

from .roles import ONLY_ASSESSORS_APPROVE, ONLY_LEAD_CONSENTS, require_network_manager

NOT_SHAREABLE = (
    "This area cannot go into the library: its assessment must be published, rated Good practice or better, "
    "and its department must agree to share."
)
STALE = "{who} changed {what} at {when}, after you opened this page. Your changes have not been saved."


@transaction.atomic
def excerpt_save(*, rating, by, version, excerpt, approve):
    """Write or change the excerpt for a rating; `approve` says whether members may see it.

    Changing the words of an approved excerpt without approving again withdraws it from the library,
    so members never see text that no assessor approved. `version` is the excerpt's version the assessor
    started from, 0 when there was none yet: two assessors writing the first excerpt do not overwrite
    each other either.
    """
    require_network_manager(by, ONLY_ASSESSORS_APPROVE)
    if not shareable_ratings().filter(pk=rating.pk).exists():
        raise ServiceError(NOT_SHAREABLE)
    # Lock the rating: with no excerpt yet there is no row to lock, and two first saves must queue.
    AreaRating.objects.select_for_update().filter(pk=rating.pk).values_list("pk", flat=True).get()
    record = GoodPracticeExcerpt.objects.select_for_update(of=("self",)).filter(rating=rating).first()
    if record is None:
        record = GoodPracticeExcerpt(rating=rating, written_by=by)
    else:
        check_version(record, version, STALE, what=f"the excerpt for {rating.area.name}")
        next_version(record)
    text_changed = record.excerpt != excerpt
    record.excerpt = excerpt
    if approve and (text_changed or not record.is_approved):
        record.approved_by, record.approved_at = by, timezone.now()
    elif not approve:
        record.approved_by, record.approved_at = None, None
    save_with_history(record, by=by, reason="Excerpt approved" if record.is_approved else "Excerpt saved")
    return record


@transaction.atomic
def good_practice_consent_set(*, assessment, by, version, share):
    """The department's KIM lead decides whether good practice from this assessment is shared.

    A department may have several KIM leads: a decision sent from a page older than another lead's
    (`version` is the share_good_practice_version it showed) is refused, not silently reversed.
    """
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_CONSENTS.format(department=assessment.department.name))
    what = f"whether good practice from {assessment.short_label} is shared"
    check_version(assessment, version, STALE, field="share_good_practice_version", what=what)
    if assessment.share_good_practice != share:
        assessment.share_good_practice = share
        next_version(assessment, "share_good_practice_version")
        save_with_history(
            assessment,
            by=by,
            reason="Agreed to share good practice" if share else "Withdrew agreement to share good practice",
            update_fields=["share_good_practice", "share_good_practice_version", "updated_at"],
        )
    return assessment
