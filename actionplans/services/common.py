"""What the transition services share: locking, role checks and who is told."""

from django.conf import settings
from django.core.exceptions import PermissionDenied

from accounts import access
from actionplans.models import ActionPlan
from notifications.recipients import absolute_url

NOT_ASSESSOR = "Only an assessor from The National Archives can do this"
NOT_LEAD = "Only a KIM lead of the department can change its action plan"


def audited(instance, by):
    """Name the person in the instance's history record, in a request or not (Celery, commands, tests)."""
    instance._history_user = by
    return instance


def require_assessor(user):
    if not access.is_assessor(user):
        raise PermissionDenied(NOT_ASSESSOR)


def require_lead(user, department):
    if not access.is_kim_lead(user, department):
        raise PermissionDenied(NOT_LEAD)


def lock_plan(plan):
    """Re-read the plan inside the transaction, locking its row so two changes cannot interleave."""
    return (
        ActionPlan.objects.select_for_update(of=("self",))
        .select_related("assessment__department", "assessment__framework")
        .get(pk=plan.pk)
    )


def plan_email_context(plan, **extra):
    return {
        "plan": plan,
        "department": plan.assessment.department,
        "assessment": plan.assessment,
        "plan_url": absolute_url("actionplans:plan_detail", plan.pk),
        "service_name": settings.SERVICE_NAME,
        **extra,
    }
