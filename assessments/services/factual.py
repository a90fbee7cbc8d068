"""The factual accuracy check: the department's KIM lead comments per section of the shared draft;
an assessor resolves each comment (saying what was done) before publishing."""

from django.db import transaction
from django.utils import timezone

from accounts import access
from assessments.models import Assessment, FactualComment
from assessments.report.sections import report_sections
from assessments.selectors.framework import framework_themes
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history

from . import notifications
from .lifecycle import lock_assessment

Status = Assessment.Status

ONLY_LEAD_COMMENTS = "Only a KIM lead of {department} can comment on its draft report."
NOT_SHARED = "This assessment is {status}. Comments are taken only while TNA's draft is shared for a factual check."
UNKNOWN_SECTION = "Select the section of the report your comment is about"
COMMENT_REQUIRED = "Enter your comment"
ONLY_ASSESSORS_RESOLVE = "Only assessors from The National Archives can resolve a comment."
RESPONSE_REQUIRED = "Enter what you did about the comment"
ALREADY_RESOLVED = "This comment has already been resolved."
NOT_RESOLVABLE = "This assessment is {status}: its comments can no longer be resolved."


@transaction.atomic
def factual_comment_add(*, assessment, by, section, text):
    assessment = lock_assessment(assessment)
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_COMMENTS.format(department=assessment.department.name))
    if assessment.status != Status.FACTUAL_CHECK:
        raise ServiceError(NOT_SHARED.format(status=assessment.get_status_display().lower()))
    sections = {item.key for item in report_sections(assessment, framework_themes(assessment.framework))}
    if section not in sections:
        raise ServiceError(UNKNOWN_SECTION, field="section")
    text = (text or "").strip()
    if not text:
        raise ServiceError(COMMENT_REQUIRED, field="text")
    comment = FactualComment(assessment=assessment, section=section, text=text, author=by)
    save_with_history(comment, by=by, reason="Factual accuracy comment")
    notifications.notify_factual_comment(assessment=assessment, by=by)
    return comment


@transaction.atomic
def factual_comment_resolve(*, comment, by, response):
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS_RESOLVE)
    comment = FactualComment.objects.select_for_update(of=("self",)).select_related("assessment").get(pk=comment.pk)
    if comment.assessment.status not in (Status.IN_REVIEW, Status.FACTUAL_CHECK):
        raise ServiceError(NOT_RESOLVABLE.format(status=comment.assessment.get_status_display().lower()))
    if comment.is_resolved:
        raise ServiceError(ALREADY_RESOLVED)
    response = (response or "").strip()
    if not response:
        raise ServiceError(RESPONSE_REQUIRED, field="response")
    comment.response, comment.resolved_by, comment.resolved_at = response, by, timezone.now()
    save_with_history(comment, by=by, reason="Factual accuracy comment resolved")
    return comment
