"""Who hears about an assessment's transitions; the emails go out through a worker after commit."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Membership
from notifications.services import notify


def _link(name, assessment):
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[assessment.pk])


def assessor_addresses():
    return list(get_user_model().objects.filter(is_assessor=True, is_active=True).values_list("email", flat=True))


def kim_lead_addresses(department):
    return list(
        Membership.objects.filter(
            department=department, role=Membership.Role.KIM_LEAD, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def _context(assessment, by, **extra):
    return {
        "assessment": assessment,
        "department": assessment.department,
        "by": by,
        "service_name": settings.SERVICE_NAME,
        **extra,
    }


def notify_submitted(*, assessment, by, resubmitted=False):
    return notify(
        recipients=assessor_addresses(),
        template="assessment_submitted",
        context=_context(
            assessment, by, resubmitted=resubmitted, link=_link("assessments:assessment_review", assessment)
        ),
    )


def notify_returned(*, assessment, by):
    return notify(
        recipients=kim_lead_addresses(assessment.department),
        template="assessment_returned",
        context=_context(assessment, by, link=_link("assessments:task_list", assessment)),
    )


def notify_published(*, assessment, by):
    return notify(
        recipients=kim_lead_addresses(assessment.department),
        template="assessment_published",
        context=_context(assessment, by, link=_link("assessments:assessment_detail", assessment)),
    )
