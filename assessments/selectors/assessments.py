"""Reads of assessments that pages share, always scoped through accounts.access.

Visibility (see accounts.access.assessment_scope_q): members see their own departments'
assessments; assessors and administrators see every department's, except a self-assessment that
its department has not yet submitted (the department's working draft). An assessment outside a
person's scope answers 404.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.http import Http404

from accounts import access
from assessments.models import AreaRating, Assessment

Status = Assessment.Status

WAITING = (Status.SUBMITTED, Status.IN_REVIEW, Status.FACTUAL_CHECK)


def assessments_visible_to(user):
    return Assessment.objects.filter(access.assessment_scope_q(user)).select_related(
        "department", "framework", "baseline", "published_by"
    )


def assessment_get_for_user_or_404(user, pk):
    assessment = assessments_visible_to(user).filter(pk=pk).first()
    if assessment is None:
        raise Http404("No such assessment")
    return assessment


def assessments_listed_for(user):
    """Every assessment the user may see, by department then newest first, without progress: page it first,
    then `progress_add` to the page's rows, so the work does not grow with the number of assessments."""
    return (
        assessments_visible_to(user)
        .filter(department__is_active=True)
        # pk last: a page boundary must fall in the same place on every request.
        .order_by("department__name", "-year", "-created_at", "-pk")
    )


def progress_add(assessments):
    """Sets `area_count` and `completed_count` on each of these assessments (one query for them all)."""
    counts = {
        row["assessment_id"]: row
        for row in AreaRating.objects.filter(assessment__in=[assessment.pk for assessment in assessments])
        .values("assessment_id")
        .annotate(area_count=Count("pk"), completed_count=Count("pk", filter=Q(is_complete=True)))
        .order_by()
    }
    for assessment in assessments:
        row = counts.get(assessment.pk, {})
        assessment.area_count = row.get("area_count", 0)
        assessment.completed_count = row.get("completed_count", 0)
    return assessments


def assessment_list_for(user):
    """Every assessment the user may see, newest year first, with its progress (completed areas)."""
    return assessments_listed_for(user).annotate(
        area_count=Count("ratings"),
        completed_count=Count("ratings", filter=Q(ratings__is_complete=True)),
    )


def assessor_queue(user):
    """The assessor's work to do: self-assessments submitted or in review, and TNA's own reports being written
    or checked; oldest first (by submission, or by opening for TNA's own)."""
    if not access.is_assessor(user):
        return Assessment.objects.none()
    waiting_since = Coalesce("submitted_at", "created_at")
    return assessment_list_for(user).filter(status__in=WAITING).order_by(waiting_since, "pk")


def department_assessments(user, department):
    return assessment_list_for(user).filter(department=department).order_by("-year", "-created_at")


def unfinished_for_departments(user, department_ids):
    return assessment_list_for(user).filter(department__in=department_ids).exclude(status=Status.PUBLISHED)


def home_panels_for(user):
    """What the role's home page shows about assessments."""
    if access.is_assessor(user):
        return {"assessment_queue": list(assessor_queue(user))}
    if access.is_kim_lead(user):
        led = access.led_department_ids(user)
        return {
            "lead_assessments": list(
                assessment_list_for(user).filter(department__in=led).order_by("department__name", "-year")[:10]
            )
        }
    return {}


def previous_published(assessment):
    """The department's latest published assessment before this one, in the same framework.

    "Before" means an earlier year, or the same year and created earlier. Ratings can only be
    compared area by area within one framework version.
    """
    return (
        Assessment.objects.filter(
            department_id=assessment.department_id,
            framework_id=assessment.framework_id,
            status=Status.PUBLISHED,
        )
        .filter(Q(year__lt=assessment.year) | Q(year=assessment.year, pk__lt=assessment.pk))
        .order_by("-year", "-published_on", "-pk")
        .first()
    )


def published_levels_by_area(assessment):
    """{area id: the assessor's RatingLevel} for a published assessment (one query)."""
    if assessment is None:
        return {}
    ratings = AreaRating.objects.filter(assessment=assessment, assessor_rating__isnull=False).select_related(
        "assessor_rating"
    )
    return {rating.area_id: rating.assessor_rating for rating in ratings}


def usable_self_assessments(department):
    """The department's self-assessments an assessor may use as input: submitted ones (never a draft)."""
    return (
        Assessment.objects.filter(department=department, assessment_type=Assessment.Type.SELF_ASSESSMENT)
        .exclude(status=Assessment.Status.DRAFT)
        .order_by("-year")
    )


@dataclass(frozen=True)
class SelfAssessmentStart:
    """What a KIM lead may start for one department: the years still free, or the unfinished one to continue."""

    department: object
    years: tuple
    unfinished: object = None

    @property
    def can_start(self):
        return bool(self.years) and self.unfinished is None


def self_assessment_starts(departments, *, today):
    """For each department, the years (this year and next) it may start a self-assessment for (one query).

    The same rules as `self_assessment_start`: one self-assessment a year, and none while another is unfinished.
    """
    existing = Assessment.objects.filter(
        department__in=departments, assessment_type=Assessment.Type.SELF_ASSESSMENT
    ).order_by("-year", "-pk")
    taken, unfinished = {}, {}
    for assessment in existing:
        taken.setdefault(assessment.department_id, set()).add(assessment.year)
        if assessment.status != Status.PUBLISHED:
            unfinished.setdefault(assessment.department_id, assessment)
    candidates = (today.year, today.year + 1)
    return [
        SelfAssessmentStart(
            department=department,
            years=tuple(year for year in candidates if year not in taken.get(department.pk, set())),
            unfinished=unfinished.get(department.pk),
        )
        for department in departments
    ]
