"""Refusals raised by the network's services; messages are written for the person using the page."""

from django.core.exceptions import PermissionDenied

from accounts import access

ONLY_TNA_RECORDS = "Only assessors and administrators at The National Archives can record the network's meetings."
ONLY_ASSESSORS_APPROVE = "Only assessors and administrators at The National Archives can write and approve excerpts."
ONLY_LEAD_CONSENTS = "Only a KIM lead of {department} can decide whether to share its good practice."


class NetworkError(Exception):
    """A change the rules refuse for a reason the person can fix (shown as a form error)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def require_network_manager(user, message=ONLY_TNA_RECORDS):
    if not access.can_manage_network(user):
        raise PermissionDenied(message)


def save_with_history(obj, *, by, reason, update_fields=None):
    # simple_history records the actor and the reason (outside a request there is no middleware user).
    obj._history_user = by
    obj._change_reason = reason
    obj.save(update_fields=update_fields)
