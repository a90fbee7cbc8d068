"""Who hears about an assessment's transitions; the emails go out through a worker after commit."""

from django.conf import settings

from notifications.recipients import absolute_url, assessor_emails, kim_lead_emails
from notifications.services import notify


def _link(name, assessment):
    return absolute_url(name, assessment.pk)


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
        recipients=assessor_emails(),
        template="assessment_submitted",
        context=_context(
            assessment, by, resubmitted=resubmitted, link=_link("assessments:assessment_review", assessment)
        ),
    )


def notify_returned(*, assessment, by):
    return notify(
        recipients=kim_lead_emails(assessment.department),
        template="assessment_returned",
        context=_context(assessment, by, link=_link("assessments:task_list", assessment)),
    )


def notify_published(*, assessment, by):
    return notify(
        recipients=kim_lead_emails(assessment.department),
        template="assessment_published",
        context=_context(assessment, by, link=_link("assessments:assessment_detail", assessment)),
    )


def notify_shared_for_factual_check(*, assessment, by):
    return notify(
        recipients=kim_lead_emails(assessment.department),
        template="assessment_factual_check",
        context=_context(assessment, by, link=_link("assessments:factual_check", assessment)),
    )


def notify_factual_comment(*, assessment, by):
    return notify(
        recipients=list(assessment.team.filter(is_active=True).values_list("email", flat=True)) or assessor_emails(),
        template="assessment_factual_comment",
        context=_context(assessment, by, link=_link("assessments:factual_check", assessment)),
    )
