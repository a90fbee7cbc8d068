"""Saving ratings and theme summaries with optimistic concurrency.

Every form carries the `version` it was based on. A save whose version is older than the row's is
refused with StaleVersion, naming who changed it and when; nothing is overwritten.
"""

from django.db import transaction

from accounts import access
from assessments.models import AreaRating, ThemeSummary
from assessments.rules import ASSESSOR_EDITABLE, DEPARTMENT_EDITABLE
from common.errors import NotAllowed, ServiceError, StaleVersion
from common.history import save_with_history
from common.versions import check_version, next_version, when_label, who_label

ONLY_LEAD_RATES = "Only a KIM lead of {department} can change its self-assessment."
LEAD_WRONG_STATE = "This assessment is {status}. The department can change it only while it is a draft or returned."
ONLY_ASSESSORS_RATE = "Only assessors from The National Archives can give assessor ratings and commentary."
ASSESSOR_WRONG_STATE = "This assessment is {status}. Assessor ratings can be changed only while it is in review."
LEVEL_NOT_IN_FRAMEWORK = "Choose a rating from this assessment's framework."
STALE_RATING = "{who} changed {area} at {when}, after you opened this page. Your changes have not been saved."
STALE_SUMMARY = (
    "{who} changed the summary of {theme} at {when}, after you opened this page. Your changes have not been saved."
)


def _check_lead(rating, by):
    assessment = rating.assessment
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_RATES.format(department=assessment.department.name))
    if assessment.status not in DEPARTMENT_EDITABLE:
        raise ServiceError(LEAD_WRONG_STATE.format(status=assessment.get_status_display().lower()))


def _check_assessor(assessment, by):
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS_RATE)
    if assessment.status not in ASSESSOR_EDITABLE:
        raise ServiceError(ASSESSOR_WRONG_STATE.format(status=assessment.get_status_display().lower()))


def _check_level(assessment, level, field):
    if level is not None and level.framework_id != assessment.framework_id:
        raise ServiceError(LEVEL_NOT_IN_FRAMEWORK, field=field)


def _locked_rating(rating):
    # Lock the row alone, then read it with its relations. On PostgreSQL a locking query that had to wait
    # re-reads the locked row but keeps the joined rows it saw before the wait: the refusal would name
    # "Somebody" and show the ratings as they were, not as the other person saved them.
    AreaRating.objects.select_for_update().filter(pk=rating.pk).values_list("pk", flat=True).get()
    return AreaRating.objects.select_related(
        "assessment__department", "area__theme", "updated_by", "self_rating", "assessor_rating"
    ).get(pk=rating.pk)


def _check_version(rating, version):
    if int(version) != rating.version:
        raise StaleVersion(
            STALE_RATING.format(
                who=who_label(rating.updated_by), area=rating.area.name, when=when_label(rating.updated_at)
            ),
            current=rating,
            changed_by=rating.updated_by,
            changed_at=rating.updated_at,
        )


def _save_rating(rating, *, by, reason):
    rating.version += 1
    rating.updated_by = by
    return save_with_history(rating, by=by, reason=reason)


@transaction.atomic
def area_rating_save_self(*, rating, by, version, self_rating, narrative, complete):
    """The department's rating, narrative and completeness of one area.

    `complete=True` is "Save and continue" (the form has required a rating and a narrative);
    `complete=False` is "Save as draft"; `complete=None` keeps the area's completeness as it was.
    """
    rating = _locked_rating(rating)
    _check_lead(rating, by)
    _check_version(rating, version)
    _check_level(rating.assessment, self_rating, "self_rating")
    rating.self_rating = self_rating
    rating.narrative = (narrative or "").strip()
    if complete is not None:
        rating.is_complete = complete
    elif rating.self_rating is None or not rating.narrative:
        rating.is_complete = False
    return _save_rating(rating, by=by, reason="Self-assessment saved")


@transaction.atomic
def area_rating_save_assessor(*, rating, by, version, assessor_rating, assessor_commentary):
    rating = _locked_rating(rating)
    _check_assessor(rating.assessment, by)
    _check_version(rating, version)
    _check_level(rating.assessment, assessor_rating, "assessor_rating")
    rating.assessor_rating = assessor_rating
    rating.assessor_commentary = (assessor_commentary or "").strip()
    return _save_rating(rating, by=by, reason="Assessor rating saved")


@transaction.atomic
def theme_summary_save(*, summary, by, version, progress_narrative, situation_at_time=None):
    """A theme's narratives; an IMA report has no "situation at the time" (None keeps what is stored)."""
    summary = (
        ThemeSummary.objects.select_for_update(of=("self",))
        .select_related("assessment__department", "theme")
        .get(pk=summary.pk)
    )
    _check_assessor(summary.assessment, by)
    # ThemeSummary has no updated_by column: its history knows who saved the current version.
    check_version(summary, version, STALE_SUMMARY, theme=summary.theme.name)
    if situation_at_time is not None:
        summary.situation_at_time = situation_at_time.strip()
    summary.progress_narrative = (progress_narrative or "").strip()
    next_version(summary)
    return save_with_history(summary, by=by, reason="Theme summary saved")
