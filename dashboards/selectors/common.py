"""Reads every dashboard shares: the framework shown, its levels, and departments' latest published assessments.

"Latest" orders a department's published assessments by year, then by when they were created
(as assessments.selectors.assessments.previous_published does), so pages and reports agree.
"""

from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from assessments.models import Assessment, FrameworkVersion, PerformanceArea, RatingLevel
from common.colours import needs_white_text, safe_colour

PUBLISHED = Assessment.Status.PUBLISHED
RECENCY = (F("year").desc(), F("created_at").desc(), F("pk").desc())


@dataclass(frozen=True)
class LevelInfo:
    pk: int
    framework_id: int
    position: int
    name: str
    abbreviation: str
    colour: str

    @property
    def on_dark(self):
        return needs_white_text(self.colour)


def level_info(level):
    return LevelInfo(
        pk=level.pk,
        framework_id=level.framework_id,
        position=level.position,
        name=level.name,
        abbreviation=level.abbreviation,
        colour=safe_colour(level.colour),
    )


def levels_by_id(framework_ids):
    """Every rating level of these framework versions, by primary key (one query)."""
    return {level.pk: level_info(level) for level in RatingLevel.objects.filter(framework__in=framework_ids)}


def frameworks_all():
    return list(FrameworkVersion.objects.order_by("-is_current", "-in_use_from", "name"))


def areas_of(framework_id):
    """Performance areas of one framework version in framework order, with their themes (one query)."""
    return list(
        PerformanceArea.objects.filter(theme__framework_id=framework_id)
        .select_related("theme")
        .order_by("theme__number", "number")
    )


def ranked_published(*, framework_id=None, year_to=None, department_ids=None, department_type="", types=None):
    """Published assessments of active departments, each annotated with `recency` (1 = the department's latest).

    Filter on `recency` to keep the latest (1) or the latest and the one before it (≤ 2): a window
    function, so it is one query whatever the number of departments or assessments.
    """
    queryset = Assessment.objects.filter(status=PUBLISHED, department__is_active=True)
    if framework_id is not None:
        queryset = queryset.filter(framework_id=framework_id)
    if year_to is not None:
        queryset = queryset.filter(year__lte=year_to)
    if department_ids is not None:
        queryset = queryset.filter(department_id__in=department_ids)
    if department_type:
        queryset = queryset.filter(department__department_type=department_type)
    if types is not None:
        queryset = queryset.filter(assessment_type__in=types)
    return queryset.annotate(recency=Window(RowNumber(), partition_by=[F("department_id")], order_by=RECENCY))
