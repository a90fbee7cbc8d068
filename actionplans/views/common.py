from django.utils import timezone

from accounts.models import Membership


def today():
    return timezone.localdate()


def department_members(department):
    return [
        membership.user
        for membership in Membership.objects.filter(department=department, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    ]
