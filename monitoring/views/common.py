"""What every monitoring view asks first: which department or round, and may this person manage it."""

from django.core.exceptions import PermissionDenied

from accounts import access
from monitoring.selectors import round_get_for_user_or_404


def managed_department(request, slug):
    """The department's monitoring, for its KIM lead: 404 outside the person's departments, 403 for other roles."""
    department = access.get_monitoring_department_or_404(request.user, slug)
    if not access.may_manage_monitoring(request.user, department):
        raise PermissionDenied
    return department


def managed_round(request, pk):
    round_ = round_get_for_user_or_404(request.user, pk)
    if not access.may_manage_monitoring(request.user, round_.department):
        raise PermissionDenied
    return round_
