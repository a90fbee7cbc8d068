from django.db import transaction
from django.utils import timezone

from actionplans.choices import ActionStatus
from actionplans.models import Action, ProgressUpdate
from common.errors import ServiceError
from common.history import save_with_history

from .common import NOT_PROGRESS_AUTHOR, require_progress_author

__all__ = [
    "COMMENTARY_REQUIRED",
    "DATE_IN_FUTURE",
    "NOT_PROGRESS_AUTHOR",
    "PLAN_NOT_TRACKING",
    "progress_update_create",
]

PLAN_NOT_TRACKING = "You can record progress only on an accepted action plan that has not been closed"
DATE_IN_FUTURE = "The date of the update must be today or in the past"
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
