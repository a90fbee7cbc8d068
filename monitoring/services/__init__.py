"""Every write of departmental KIM monitoring: one function per operation, checking who and from which state."""

from accounts import access
from common.errors import NotAllowed

ONLY_KIM_LEAD = "Only the department's KIM lead can do this"


def require_manager(by, department):
    if not access.may_manage_monitoring(by, department):
        raise NotAllowed(ONLY_KIM_LEAD)
