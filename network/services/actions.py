"""Actions arising from network meetings. Status values are actionplans' ActionStatus; overdue and RAG are
derived by actionplans.rules when read, never stored."""

from django.db import transaction

from common.history import save_with_history
from common.versions import check_version, next_version
from network.models import MeetingAction

from .roles import require_network_manager

FIELDS = ("description", "owner", "owner_user", "due_date", "status")
STALE_ACTION = "{who} changed this action at {when}, after you opened this page. Your changes have not been saved."


@transaction.atomic
def meeting_action_create(*, meeting, by, **fields):
    require_network_manager(by)
    action = MeetingAction(meeting=meeting, **{name: fields[name] for name in FIELDS if name in fields})
    save_with_history(action, by=by, reason="Action arising added")
    return action


@transaction.atomic
def meeting_action_update(*, action, by, version, **fields):
    require_network_manager(by)
    # The bare row: on PostgreSQL a locking query that waited keeps the joined rows it read before the wait.
    action = MeetingAction.objects.select_for_update().get(pk=action.pk)
    check_version(action, version, STALE_ACTION)
    for name in FIELDS:
        if name in fields:
            setattr(action, name, fields[name])
    next_version(action)
    save_with_history(action, by=by, reason="Action arising changed")
    return action
