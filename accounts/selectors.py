"""Reads about people that every app shares."""

from django.db.models import Q

from .models import Membership, User


def active_kim_lead_q(prefix=""):
    """The one definition of an active KIM lead: an active person leading an active department.

    `prefix` reaches Membership from another model, e.g. "memberships__" from User or Department.
    """
    return Q(
        **{
            f"{prefix}role": Membership.Role.KIM_LEAD,
            f"{prefix}user__is_active": True,
            f"{prefix}department__is_active": True,
        }
    )


def active_kim_leads(*, departments=None):
    """Memberships of active KIM leads, optionally of some departments (objects, ids or a queryset)."""
    memberships = Membership.objects.filter(active_kim_lead_q())
    if departments is not None:
        memberships = memberships.filter(department__in=departments)
    return memberships


def active_assessors():
    """TNA's assessors who may still sign in, by name."""
    return User.objects.filter(is_assessor=True, is_active=True).order_by("full_name", "email")
