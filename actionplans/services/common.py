"""What the transition services share: locking, role checks and who is told."""

from django.conf import settings

from accounts import access
from actionplans.models import ActionPlan
from common.errors import NotAllowed
from notifications.recipients import absolute_url

NOT_ASSESSOR = "Only an assessor from The National Archives can do this"
NOT_LEAD = "Only a KIM lead of the department can change its action plan"
NOT_MEMBER = "Only people in the department can record progress on its actions"
NOT_PROGRESS_AUTHOR = "Only the action's owner or a KIM lead of the department can record progress on it"


def require_assessor(user):
    """Services and views alike: anyone but a TNA assessor gets the 403 page."""
    if not access.is_assessor(user):
        raise NotAllowed(NOT_ASSESSOR)


def require_lead(user, department):
    if not access.is_kim_lead(user, department):
        raise NotAllowed(NOT_LEAD)


def require_member(user, department):
    if not access.is_member(user, department):
        raise NotAllowed(NOT_MEMBER)


def require_progress_author(user, action):
    """The action's linked owner or a KIM lead of its department (accounts.access.may_record_progress)."""
    department = action.plan.assessment.department
    if not access.may_record_progress(user, department=department, owner_user_id=action.owner_user_id):
        raise NotAllowed(NOT_PROGRESS_AUTHOR)


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
