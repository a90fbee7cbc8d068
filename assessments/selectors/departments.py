from django.db.models import Count, Q

from accounts import access
from accounts.models import Membership
from accounts.selectors import active_kim_lead_q


def department_list_for(user):
    """Departments the user may see, with how many KIM leads and contributors each has."""
    return (
        access.visible_departments(user)
        .filter(is_active=True)
        .annotate(
            lead_count=Count("memberships", filter=active_kim_lead_q("memberships__")),
            contributor_count=Count("memberships", filter=Q(memberships__role=Membership.Role.CONTRIBUTOR)),
        )
        .order_by("name")
    )


def department_people(department):
    return list(
        Membership.objects.filter(department=department).select_related("user").order_by("role", "user__full_name")
    )
