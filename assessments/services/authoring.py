"""TNA writes its reports: the assessment's details, its texts, the statement of commitment, sharing the
draft for a factual accuracy check. Only assessors, only while TNA is writing (in review or during the
check), only for an IMA, progress review or reassessment; nothing changes after publication."""

from django.db import transaction

from accounts import access
from assessments.models import Assessment
from assessments.report.publication import fieldwork_problems
from assessments.rules import ASSESSOR_EDITABLE
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history
from common.versions import check_version, next_version

from . import notifications
from .lifecycle import check_self_assessment, copy_self_ratings, lock_assessment, publication_problems

Status = Assessment.Status

ONLY_ASSESSORS_WRITE = "Only assessors from The National Archives can write an IMA, progress review or reassessment."
NOT_TNA_LED = "A self-assessment is the department's own: it has no report for TNA to write."
NOT_EDITABLE = "This assessment is {status}. TNA's report can be changed only while it is in review or being checked."
COMMITMENT_ONLY_FULL = "Only an IMA or reassessment report has a statement of commitment."
KEY_FINDINGS_ONLY_FULL = "Only an IMA or reassessment report has key findings."
NEXT_STEPS_ONLY_REVIEW = "Only a progress review report has next steps."
COMMITMENT_INCOMPLETE = "Enter the statement, who signed it and the date it was signed"
SHARE_WRONG_STATE = (
    "This assessment is {status}. Only an assessment in review can be shared for a factual accuracy check."
)
SHARE_INCOMPLETE = "Finish the draft before you share it with the department:"

STALE_PART = "{who} changed {part} at {when}, after you opened this page. Your changes have not been saved."

# Each text of the report, with the version that guards it and how a refusal names it.
TEXT_VERSIONS = {
    "background_text": ("background_version", "the background"),
    "key_findings": ("key_findings_version", "the key findings"),
    "next_steps_text": ("next_steps_text_version", "the lead paragraph of the next steps"),
}
TEXT_FIELDS = tuple(TEXT_VERSIONS)


def _editable(assessment, by):
    """The locked assessment, if `by` may write TNA's report now."""
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS_WRITE)
    assessment = lock_assessment(assessment)
    if not assessment.is_tna_led:
        raise ServiceError(NOT_TNA_LED)
    if assessment.status not in ASSESSOR_EDITABLE:
        raise ServiceError(NOT_EDITABLE.format(status=assessment.get_status_display().lower()))
    return assessment


@transaction.atomic
def assessment_details_save(
    *, assessment, by, version, interviews_from, interviews_to, fieldwork_place, assessed_on, team, self_assessment
):
    """Fieldwork dates and place, the month assessed, TNA's team and the self-assessment used.

    `version` (here and below) is the version of this part the assessor started from: a team writes the report.
    """
    assessment = _editable(assessment, by)
    check_version(assessment, version, STALE_PART, field="details_version", part="the report details")
    if problems := fieldwork_problems(interviews_from, interviews_to):
        raise ServiceError(problems[0], field="interviews_to")
    self_assessment = check_self_assessment(department=assessment.department, self_assessment=self_assessment)
    assessment.interviews_from, assessment.interviews_to = interviews_from, interviews_to
    assessment.fieldwork_place = (fieldwork_place or "").strip()
    assessment.assessed_on = assessed_on.replace(day=1) if assessed_on else None
    changed_input = assessment.self_assessment_id != (self_assessment.pk if self_assessment else None)
    assessment.self_assessment = self_assessment
    next_version(assessment, "details_version")
    save_with_history(assessment, by=by, reason="Report details saved")
    if changed_input:
        copy_self_ratings(assessment, self_assessment)
    assessment.team.set([member for member in team if access.is_assessor(member)])
    return assessment


@transaction.atomic
def assessment_text_save(*, assessment, by, field, version, text):
    """One of the report's own texts: background, key findings (IMA), the lead of next steps (review)."""
    if field not in TEXT_FIELDS:
        raise ValueError(f"{field} is not a report text")
    assessment = _editable(assessment, by)
    if field == "key_findings" and assessment.assessment_type not in Assessment.FULL_REPORT_TYPES:
        raise ServiceError(KEY_FINDINGS_ONLY_FULL)
    if field == "next_steps_text" and assessment.assessment_type != Assessment.Type.PROGRESS_REVIEW:
        raise ServiceError(NEXT_STEPS_ONLY_REVIEW)
    version_field, part = TEXT_VERSIONS[field]
    check_version(assessment, version, STALE_PART, field=version_field, part=part)
    setattr(assessment, field, (text or "").strip())
    next_version(assessment, version_field)
    save_with_history(assessment, by=by, reason=f"{assessment._meta.get_field(field).verbose_name.capitalize()} saved")
    return assessment


@transaction.atomic
def assessment_commitment_save(*, assessment, by, version, text, signed_by, signed_on):
    """The Permanent Secretary's statement of commitment, printed at the front of an IMA report."""
    assessment = _editable(assessment, by)
    if assessment.assessment_type not in Assessment.FULL_REPORT_TYPES:
        raise ServiceError(COMMITMENT_ONLY_FULL)
    check_version(assessment, version, STALE_PART, field="commitment_version", part="the statement of commitment")
    text, signed_by = (text or "").strip(), (signed_by or "").strip()
    if not (text and signed_by and signed_on):
        raise ServiceError(COMMITMENT_INCOMPLETE)
    assessment.commitment_text, assessment.commitment_signed_by = text, signed_by
    assessment.commitment_signed_on = signed_on
    next_version(assessment, "commitment_version")
    save_with_history(assessment, by=by, reason="Statement of commitment saved")
    return assessment


@transaction.atomic
def assessment_share_for_factual_check(*, assessment, by, today):
    """Send the finished draft to the department's KIM leads to check for factual accuracy."""
    assessment = _editable(assessment, by)
    if assessment.status != Status.IN_REVIEW:
        raise ServiceError(SHARE_WRONG_STATE.format(status=assessment.get_status_display().lower()))
    if gaps := publication_problems(assessment, published_on=today, today=today):
        raise ServiceError([SHARE_INCOMPLETE, *gaps])
    assessment.status = Status.FACTUAL_CHECK
    save_with_history(assessment, by=by, reason="Shared for factual accuracy check")
    notifications.notify_shared_for_factual_check(assessment=assessment, by=by)
    return assessment
