from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts import access
from actionplans.choices import ActionStatus
from actionplans.models import Action, ProgressUpdate

NOT_MEMBER = "Only people in the department can record progress on its actions"
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
    if not access.is_member(by, action.plan.assessment.department):
        raise PermissionDenied(NOT_MEMBER)
    if not action.plan.tracks_progress:
        raise ValidationError(PLAN_NOT_TRACKING)
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise ValidationError(DATE_IN_FUTURE)
    if not (commentary or "").strip():
        raise ValidationError(COMMENTARY_REQUIRED)
    update = ProgressUpdate(action=action, date=date, author=by, commentary=commentary.strip())
    if status and status != action.status:
        update.status_from, update.status_to = action.status, status
        action.status = status
        action.completion_date = date if status == ActionStatus.COMPLETE else None
        action.version += 1
        action._history_user = by
        action.save()
    update.save()
    return update
