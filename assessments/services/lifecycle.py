"""The assessment lifecycle: one function per transition.

A department's self-assessment: draft → submitted (KIM lead) → in_review (assessor) → returned
(assessor, with comments) → submitted again (KIM lead) … → published (assessor).
An IMA, progress review or reassessment is TNA's: opened in_review by an assessor, who writes it
(services/authoring.py), optionally shares it for a factual accuracy check (factual_check), and
publishes it once every section the report prints is written (assessments/report/publication.py).

Every function checks who is acting, for which department and from which state, writes history
(simple_history, with the actor and a change reason) and queues its emails for after the commit.
Refused because of who is acting: NotAllowed (a 403 page); because of the state or what was typed:
ServiceError (an error on the form).
"""

from django.db import transaction
from django.utils import timezone

from accounts import access
from assessments.models import AreaRating, Assessment, ThemeSummary
from assessments.report.publication import content_gaps, fieldwork_problems, publication_date_problems
from assessments.rules import ASSESSOR_EDITABLE, DEPARTMENT_EDITABLE
from assessments.selectors.framework import framework_current, framework_themes
from assessments.signals import assessment_published
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history

from . import notifications
from .creation import assessment_create

Status = Assessment.Status
Type = Assessment.Type

ASSESSOR_TYPES = (Type.IMA, Type.PROGRESS_REVIEW, Type.REASSESSMENT)

ONLY_ASSESSORS_OPEN = "Only assessors from The National Archives can open an IMA, progress review or reassessment."
OPEN_TYPE_NOT_ALLOWED = "Choose an IMA, a progress review or a reassessment. Departments start self-assessments."
NO_CURRENT_FRAMEWORK = "There is no current framework version. Ask an administrator to load one."
NO_BASELINE = (
    "{department} has no published IMA or reassessment to measure a {type} against. Publish or import one first."
)
BASELINE_NOT_VALID = "The baseline must be a published IMA or reassessment of {department}."
ALREADY_EXISTS = "{department} already has a {type} for {year}."
YEAR_NOT_PLAUSIBLE = "The year must be between 2000 and 2100."

ONLY_LEAD_STARTS = "Only a KIM lead of {department} can start its self-assessment."
SELF_ASSESSMENT_IN_PROGRESS = (
    "{department} already has a self-assessment that is not yet published. Finish that one before starting another."
)

ONLY_LEAD_SUBMITS = "Only a KIM lead of {department} can submit its assessment."
SUBMIT_WRONG_STATE = "This assessment is {status}. Only a draft or returned assessment can be submitted."
RESUBMIT_WRONG_STATE = "This assessment is {status}. Only a returned assessment can be resubmitted."
SUBMIT_INCOMPLETE = "Complete every performance area before you submit. Still to complete: {areas}."

ONLY_ASSESSORS_REVIEW = "Only assessors from The National Archives can review, return or publish an assessment."
START_REVIEW_WRONG_STATE = "This assessment is {status}. Only a submitted assessment can be taken into review."
RETURN_WRONG_STATE = "This assessment is {status}. Only an assessment in review can be returned."
RETURN_NEEDS_COMMENT = "Enter a comment telling the department what to change."
PUBLISH_WRONG_STATE = (
    "This assessment is {status}. Only an assessment in review or shared for a factual accuracy check can be published."
)
RETURN_TNA_LED = (
    "A {type} is written by The National Archives: there is nothing to return. Share the draft with the department "
    "for a factual accuracy check instead."
)
SELF_ASSESSMENT_NOT_USABLE = "Choose a self-assessment of {department} that it has submitted."
PUBLISH_UNRATED = "Give an assessor rating to every performance area before publishing. Not yet rated: {areas}."


def _status_words(assessment):
    return assessment.get_status_display().lower()


def _area_names(ratings):
    return ", ".join(f"{rating.area.reference} {rating.area.name}" for rating in ratings)


def lock_assessment(assessment):
    """Re-read the assessment inside the transaction so two people cannot move it from the same state."""
    return Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)


def latest_baseline(department, *, before_year=None):
    """The latest published IMA or reassessment of a department: the default baseline."""
    candidates = Assessment.objects.filter(
        department=department, status=Status.PUBLISHED, assessment_type__in=Assessment.BASELINE_TYPES
    )
    if before_year is not None:
        candidates = candidates.filter(year__lte=before_year)
    return candidates.order_by("-year", "-published_on", "-pk").first()


def _check_baseline(*, department, assessment_type, baseline, year):
    if assessment_type not in Assessment.TYPES_WITH_BASELINE:
        return None
    if baseline is None:
        baseline = latest_baseline(department, before_year=year)
        if baseline is None:
            type_words = Type(assessment_type).label.lower()
            raise ServiceError(NO_BASELINE.format(department=department.name, type=type_words))
    valid = (
        baseline.department_id == department.pk
        and baseline.status == Status.PUBLISHED
        and baseline.assessment_type in Assessment.BASELINE_TYPES
    )
    if not valid:
        raise ServiceError(BASELINE_NOT_VALID.format(department=department.name))
    return baseline


def _check_unique(*, department, assessment_type, year):
    # The import of historic ratings relies on one assessment per (department, type, year).
    if Assessment.objects.filter(department=department, assessment_type=assessment_type, year=year).exists():
        type_words = Type(assessment_type).label.lower()
        raise ServiceError(ALREADY_EXISTS.format(department=department.name, type=type_words, year=year))


def latest_self_assessment(department, *, year):
    """The department's latest submitted self-assessment of that year or the year before, if any (the default input)."""
    return (
        Assessment.objects.filter(
            department=department, assessment_type=Type.SELF_ASSESSMENT, year__in=(year - 1, year)
        )
        .exclude(status=Status.DRAFT)
        .order_by("-year", "-created_at")
        .first()
    )


def check_self_assessment(*, department, self_assessment):
    if self_assessment is None:
        return None
    usable = (
        self_assessment.department_id == department.pk
        and self_assessment.assessment_type == Type.SELF_ASSESSMENT
        and self_assessment.status != Status.DRAFT
    )
    if not usable:
        raise ServiceError(SELF_ASSESSMENT_NOT_USABLE.format(department=department.name), field="self_assessment")
    return self_assessment


def copy_self_ratings(assessment, self_assessment):
    """Beside TNA's ratings, the department's own view from `self_assessment` (or none, when it is None)."""
    own = {}
    if self_assessment is not None:
        own = dict(AreaRating.objects.filter(assessment=self_assessment).values_list("area_id", "self_rating_id"))
    for rating in AreaRating.objects.filter(assessment=assessment):
        if rating.self_rating_id != own.get(rating.area_id):
            rating.self_rating_id = own.get(rating.area_id)
            rating.save(update_fields=["self_rating"])


def _prefill_from_inputs(assessment, *, self_assessment):
    """The department's own ratings (when it gave them); the baseline's findings as the starting text of each
    theme's "situation at the time"."""
    copy_self_ratings(assessment, self_assessment)
    if assessment.baseline_id:
        findings = dict(
            ThemeSummary.objects.filter(assessment_id=assessment.baseline_id).values_list(
                "theme_id", "progress_narrative"
            )
        )
        for summary in ThemeSummary.objects.filter(assessment=assessment):
            if findings.get(summary.theme_id):
                summary.situation_at_time = findings[summary.theme_id]
                summary.save(update_fields=["situation_at_time"])


@transaction.atomic
def assessment_open(
    *,
    by,
    department,
    assessment_type,
    year,
    baseline=None,
    framework=None,
    interviews_from=None,
    interviews_to=None,
    fieldwork_place="",
    assessed_on=None,
    team=(),
    self_assessment=None,
):
    """An assessor opens an IMA, progress review or reassessment, which TNA writes from then on (in review).

    The department's self-assessment, when one is named, is an input: its ratings are shown beside TNA's.
    """
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS_OPEN)
    if assessment_type not in ASSESSOR_TYPES:
        raise ServiceError(OPEN_TYPE_NOT_ALLOWED, field="assessment_type")
    if not 2000 <= int(year) <= 2100:
        raise ServiceError(YEAR_NOT_PLAUSIBLE, field="year")
    framework = framework or framework_current()
    if framework is None:
        raise ServiceError(NO_CURRENT_FRAMEWORK)
    _check_unique(department=department, assessment_type=assessment_type, year=year)
    baseline = _check_baseline(department=department, assessment_type=assessment_type, baseline=baseline, year=year)
    if self_assessment is None:
        self_assessment = latest_self_assessment(department, year=int(year))
    self_assessment = check_self_assessment(department=department, self_assessment=self_assessment)
    if problems := fieldwork_problems(interviews_from, interviews_to):
        raise ServiceError(problems[0], field="interviews_to")
    assessment = assessment_create(
        department=department,
        framework=framework,
        assessment_type=assessment_type,
        year=year,
        baseline=baseline,
        by=by,
        status=Status.IN_REVIEW,
        interviews_from=interviews_from,
        interviews_to=interviews_to,
        fieldwork_place=fieldwork_place or "",
        assessed_on=assessed_on.replace(day=1) if assessed_on else None,
        self_assessment=self_assessment,
    )
    assessment.team.set(team or [by])
    _prefill_from_inputs(assessment, self_assessment=self_assessment)
    return assessment


@transaction.atomic
def self_assessment_start(*, by, department, year=None):
    """A KIM lead starts a self-assessment of their own department, at any time."""
    if not access.is_kim_lead(by, department):
        raise NotAllowed(ONLY_LEAD_STARTS.format(department=department.name))
    year = year or timezone.localdate().year
    unfinished = Assessment.objects.filter(department=department, assessment_type=Type.SELF_ASSESSMENT).exclude(
        status=Status.PUBLISHED
    )
    if unfinished.exists():
        raise ServiceError(SELF_ASSESSMENT_IN_PROGRESS.format(department=department.name))
    _check_unique(department=department, assessment_type=Type.SELF_ASSESSMENT, year=year)
    framework = framework_current()
    if framework is None:
        raise ServiceError(NO_CURRENT_FRAMEWORK)
    return assessment_create(
        department=department, framework=framework, assessment_type=Type.SELF_ASSESSMENT, year=year, by=by
    )


def _submit(*, assessment, by, allowed, wrong_state_message):
    assessment = lock_assessment(assessment)
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_SUBMITS.format(department=assessment.department.name))
    if assessment.status not in allowed:
        raise ServiceError(wrong_state_message.format(status=_status_words(assessment)))
    incomplete = list(AreaRating.objects.filter(assessment=assessment, is_complete=False).select_related("area__theme"))
    if incomplete:
        raise ServiceError(SUBMIT_INCOMPLETE.format(areas=_area_names(incomplete)))
    was_returned = assessment.status == Status.RETURNED
    assessment.status = Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    save_with_history(assessment, by=by, reason="Resubmitted" if was_returned else "Submitted")
    notifications.notify_submitted(assessment=assessment, by=by, resubmitted=was_returned)
    return assessment


@transaction.atomic
def assessment_submit(*, assessment, by):
    """The KIM lead submits a draft (or a returned assessment) once every area is complete."""
    return _submit(assessment=assessment, by=by, allowed=DEPARTMENT_EDITABLE, wrong_state_message=SUBMIT_WRONG_STATE)


@transaction.atomic
def assessment_resubmit(*, assessment, by):
    """The KIM lead sends a returned assessment back to the assessors."""
    return _submit(assessment=assessment, by=by, allowed=(Status.RETURNED,), wrong_state_message=RESUBMIT_WRONG_STATE)


def _assessor_check(assessment, by, allowed, wrong_state_message):
    if not access.is_assessor(by):
        raise NotAllowed(ONLY_ASSESSORS_REVIEW)
    if assessment.status not in allowed:
        raise ServiceError(wrong_state_message.format(status=_status_words(assessment)))


@transaction.atomic
def assessment_start_review(*, assessment, by):
    assessment = lock_assessment(assessment)
    _assessor_check(assessment, by, (Status.SUBMITTED,), START_REVIEW_WRONG_STATE)
    assessment.status = Status.IN_REVIEW
    save_with_history(assessment, by=by, reason="Review started")
    return assessment


@transaction.atomic
def assessment_return(*, assessment, by, comment, area_comments=None):
    """Return to the department with an overall comment and optional comments per area.

    `area_comments` maps AreaRating ids to text. Areas with a comment are marked not complete, so
    the task list shows the department exactly which areas to revisit before resubmitting.
    """
    assessment = lock_assessment(assessment)
    _assessor_check(assessment, by, (Status.IN_REVIEW,), RETURN_WRONG_STATE)
    if assessment.is_tna_led:
        raise ServiceError(RETURN_TNA_LED.format(type=assessment.get_assessment_type_display().lower()))
    comment = (comment or "").strip()
    if not comment:
        raise ServiceError(RETURN_NEEDS_COMMENT, field="comment")
    area_comments = {int(key): (text or "").strip() for key, text in (area_comments or {}).items()}
    for rating in AreaRating.objects.filter(assessment=assessment):
        new_comment = area_comments.get(rating.pk, "")
        if new_comment == rating.return_comment and not new_comment:
            continue
        rating.return_comment = new_comment
        if new_comment:
            rating.is_complete = False
        rating.version += 1
        rating.updated_by = by
        save_with_history(rating, by=by, reason="Returned with comments")
    assessment.status = Status.RETURNED
    assessment.return_comment = comment
    save_with_history(assessment, by=by, reason="Returned to the department")
    notifications.notify_returned(assessment=assessment, by=by)
    return assessment


def publication_problems(assessment, *, published_on, today):
    """Every reason the assessment cannot be published on that date, as GOV.UK messages (empty: it can)."""
    problems = []
    unrated = list(
        AreaRating.objects.filter(assessment=assessment, assessor_rating__isnull=True).select_related("area__theme")
    )
    if unrated:
        problems.append(PUBLISH_UNRATED.format(areas=_area_names(unrated)))
    problems += publication_date_problems(assessment, published_on, today=today)
    summaries = {summary.theme_id: summary for summary in ThemeSummary.objects.filter(assessment=assessment)}
    gaps = content_gaps(assessment, themes=framework_themes(assessment.framework), summaries=summaries)
    return problems + [gap.message for gap in gaps]


@transaction.atomic
def assessment_publish(*, assessment, by, published_on=None):
    """Publish: refused, naming every gap at once, while the report would print an empty section or a
    date that cannot be true. After this, type, year, department, framework and every text are fixed."""
    assessment = lock_assessment(assessment)
    _assessor_check(assessment, by, ASSESSOR_EDITABLE, PUBLISH_WRONG_STATE)
    now = timezone.now()
    today = timezone.localdate(now)
    published_on = published_on or today
    if problems := publication_problems(assessment, published_on=published_on, today=today):
        raise ServiceError(problems)
    assessment.status = Status.PUBLISHED
    assessment.published_at = now
    assessment.published_by = by
    assessment.published_on = published_on
    assessment.published_precision = Assessment.DatePrecision.DAY
    save_with_history(assessment, by=by, reason="Published")
    notifications.notify_published(assessment=assessment, by=by)
    assessment_published.send(sender=Assessment, assessment=assessment, by=by)
    return assessment
