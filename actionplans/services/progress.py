from django.db import transaction
from django.utils import timezone

from accounts import access
from actionplans.choices import ActionStatus
from actionplans.models import Action, ProgressUpdate
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history

from .common import NOT_PROGRESS_AUTHOR, require_progress_author

__all__ = [
    "COMMENTARY_REQUIRED",
    "DATE_IN_FUTURE",
    "NOT_PROGRESS_AUTHOR",
    "PLAN_NOT_TRACKING",
    "progress_update_correct",
    "progress_update_create",
]

PLAN_NOT_TRACKING = "You can record progress only on an accepted action plan that has not been closed"
DATE_IN_FUTURE = "The date of the update must be today or in the past"
NOT_CORRECTOR = "Only the person who wrote the update, or a KIM lead of the department, can correct it"
COMMENTARY_REQUIRED = "Enter what has happened since the last update"


@transaction.atomic
def progress_update_create(*, action, by, commentary, date=None, status=""):
    """A dated note; with `status` it also moves the action (Complete sets its completion date to `date`)."""
    action = (
        Action.objects.select_for_update(of=("self",))
        .select_related("plan__assessment__department", "recommendation")
        .get(pk=action.pk)
    )
    require_progress_author(by, action)
    if not action.plan.tracks_progress:
        raise ServiceError(PLAN_NOT_TRACKING)
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise ServiceError(DATE_IN_FUTURE, field="date")
    if not (commentary or "").strip():
        raise ServiceError(COMMENTARY_REQUIRED, field="commentary")
    update = ProgressUpdate(action=action, date=date, author=by, commentary=commentary.strip())
    if status and status != action.status:
        update.status_from, update.status_to = action.status, status
        action.status = status
        action.completion_date = date if status == ActionStatus.COMPLETE else None
        action.version += 1
        save_with_history(action, by=by, reason="Progress update")
    update.save()
    return update


@transaction.atomic
def progress_update_correct(*, update, by, commentary, date):
    """Correct the text or date of an update (its status change stays); the earlier wording stays in its history."""
    update = (
        ProgressUpdate.objects.select_for_update(of=("self",))
        .select_related("action__plan__assessment__department")
        .get(pk=update.pk)
    )
    action = update.action
    require_progress_author(by, action)
    if update.author_id != by.pk and not access.is_kim_lead(by, action.plan.assessment.department):
        raise NotAllowed(NOT_CORRECTOR)
    if not action.plan.tracks_progress:
        raise ServiceError(PLAN_NOT_TRACKING)
    if date > timezone.localdate():
        raise ServiceError(DATE_IN_FUTURE, field="date")
    if not (commentary or "").strip():
        raise ServiceError(COMMENTARY_REQUIRED, field="commentary")
    update.commentary, update.date = commentary.strip(), date
    update.corrected_at = timezone.now()
    if update.status_to == ActionStatus.COMPLETE and action.status == ActionStatus.COMPLETE:
        action.completion_date = date
        save_with_history(action, by=by, reason="Completion date corrected", update_fields=["completion_date"])
    save_with_history(update, by=by, reason="Progress update corrected")
    return update
