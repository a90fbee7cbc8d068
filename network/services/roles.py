"""Who may write in the network's record; anyone else is refused with a 403 (common.errors.NotAllowed)."""

from accounts import access
from common.errors import NotAllowed

ONLY_TNA_RECORDS = "Only assessors and administrators at The National Archives can record the network's meetings."
ONLY_ASSESSORS_APPROVE = "Only assessors and administrators at The National Archives can write and approve excerpts."
ONLY_LEAD_CONSENTS = "Only a KIM lead of {department} can decide whether to share its good practice."


def require_network_manager(user, message=ONLY_TNA_RECORDS):
    if not access.can_manage_network(user):
        raise NotAllowed(message)
