from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Membership
from common.requests import posted  # noqa: F401 - the views import it from here


def today():
    return timezone.localdate()


def run_service(form, service, **kwargs):
    """Call a service; its refusal becomes an error in the form's error summary (what was typed is kept)."""
    try:
        return service(**kwargs), True
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None, False


def department_members(department):
    return [
        membership.user
        for membership in Membership.objects.filter(department=department, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    ]
