"""Creating an assessment: all ten (or however many the framework has) area ratings exist from the start."""

from django.db import transaction

from assessments.models import AreaRating, Assessment, ThemeSummary
from assessments.selectors.framework import framework_areas
from common.history import save_with_history


@transaction.atomic
def assessment_create(
    *,
    department,
    framework,
    assessment_type,
    year,
    by=None,
    baseline=None,
    status=Assessment.Status.DRAFT,
    **fields,
):
    """Create an assessment with one AreaRating per performance area and one ThemeSummary per theme.

    A progress review or reassessment copies its baseline's published (assessor) ratings into
    `baseline_rating`, so the two can be shown side by side without another query.
    Role checks belong to the callers (the transition services and views).
    """
    assessment = Assessment(
        department=department,
        framework=framework,
        assessment_type=assessment_type,
        year=year,
        baseline=baseline,
        status=status,
        created_by=by,
        **fields,
    )
    save_with_history(assessment, by=by, reason="Created")
    areas = framework_areas(framework)
    baseline_levels = {}
    if baseline is not None:
        baseline_levels = dict(
            AreaRating.objects.filter(assessment=baseline).values_list("area_id", "assessor_rating_id")
        )
    AreaRating.objects.bulk_create(
        [
            AreaRating(
                assessment=assessment,
                area=area,
                baseline_rating_id=baseline_levels.get(area.pk),
                updated_by=by,
            )
            for area in areas
        ]
    )
    themes = {area.theme_id: area.theme for area in areas}
    ThemeSummary.objects.bulk_create([ThemeSummary(assessment=assessment, theme=theme) for theme in themes.values()])
    return assessment
