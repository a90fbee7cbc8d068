from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from actionplans.choices import RecommendationStatus
from actionplans.models import Recommendation
from assessments.models import Assessment
from assessments.rules import RECOMMENDATIONS_WRITTEN
from common.errors import ServiceError
from common.history import save_with_history
from common.versions import check_version, next_version

from .common import require_assessor

ASSESSMENT_NOT_OPEN = (
    "You can write recommendations only while the assessment is in review, being checked for accuracy or published"
)
AREA_NOT_IN_FRAMEWORK = "Select a performance area from this assessment's framework"
THEME_NOT_IN_FRAMEWORK = "Select a theme from this assessment's framework"
AREA_NOT_IN_THEME = "Select a performance area in the theme you chose, or leave the theme empty"
ALREADY_CLOSED = "This recommendation is already closed"
ALREADY_OPEN = "This recommendation is already open"
STALE_RECOMMENDATION = "{who} changed {label} at {when}, after you opened this page. Your changes have not been saved."

OPEN_ASSESSMENT_STATUSES = RECOMMENDATIONS_WRITTEN


def _check_assessment(assessment):
    if assessment.status not in OPEN_ASSESSMENT_STATUSES:
        raise ServiceError(ASSESSMENT_NOT_OPEN)


def _theme_and_area(assessment, theme, area):
    """An area implies its theme; both must come from the assessment's framework."""
    if area is not None:
        if area.theme.framework_id != assessment.framework_id:
            raise ServiceError(AREA_NOT_IN_FRAMEWORK, field="area")
        if theme is not None and theme.pk != area.theme_id:
            raise ServiceError(AREA_NOT_IN_THEME, field="area")
        return area.theme, area
    if theme is not None and theme.framework_id != assessment.framework_id:
        raise ServiceError(THEME_NOT_IN_FRAMEWORK, field="theme")
    return theme, None


@transaction.atomic
def recommendation_create(*, assessment, by, text, priority, theme=None, area=None):
    require_assessor(by)
    # Locking the assessment serialises numbering: two assessors adding at once get R4 and R5.
    assessment = Assessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    _check_assessment(assessment)
    theme, area = _theme_and_area(assessment, theme, area)
    highest = assessment.recommendations.aggregate(highest=Max("number"))["highest"] or 0
    recommendation = Recommendation(
        assessment=assessment,
        number=highest + 1,
        text=text.strip(),
        priority=priority,
        theme=theme,
        area=area,
        created_by=by,
    )
    save_with_history(recommendation, by=by, reason="Recommendation added")
    return recommendation


@transaction.atomic
def recommendation_update(*, recommendation, by, version, text, priority, theme=None, area=None):
    """`version` is the one the assessor started from: any assessor may change a recommendation."""
    require_assessor(by)
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",)).select_related("assessment").get(pk=recommendation.pk)
    )
    _check_assessment(recommendation.assessment)
    check_version(recommendation, version, STALE_RECOMMENDATION, label=recommendation.label)
    recommendation.theme, recommendation.area = _theme_and_area(recommendation.assessment, theme, area)
    recommendation.text = text.strip()
    recommendation.priority = priority
    next_version(recommendation)
    save_with_history(recommendation, by=by, reason="Recommendation changed")
    return recommendation


@transaction.atomic
def recommendation_close(*, recommendation, by):
    require_assessor(by)
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",)).select_related("assessment").get(pk=recommendation.pk)
    )
    _check_assessment(recommendation.assessment)
    if recommendation.status == RecommendationStatus.CLOSED:
        raise ServiceError(ALREADY_CLOSED)
    recommendation.status = RecommendationStatus.CLOSED
    recommendation.closed_at = timezone.now()
    save_with_history(recommendation, by=by, reason="Recommendation closed")
    return recommendation


@transaction.atomic
def recommendation_reopen(*, recommendation, by):
    require_assessor(by)
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",)).select_related("assessment").get(pk=recommendation.pk)
    )
    _check_assessment(recommendation.assessment)
    if recommendation.status == RecommendationStatus.OPEN:
        raise ServiceError(ALREADY_OPEN)
    recommendation.status = RecommendationStatus.OPEN
    recommendation.closed_at = None
    save_with_history(recommendation, by=by, reason="Recommendation reopened")
    return recommendation
