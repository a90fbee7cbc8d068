"""The good-practice library: what may be shared, what is shown, and "who does this well".

A rating is shareable when its assessment is published, its department agreed to share
(Assessment.share_good_practice, set by the KIM lead) and the assessor rated the area Good practice
or better. Only shareable ratings with an approved excerpt are shown or counted, for everyone.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from accounts import access
from assessments.models import AreaRating, Assessment, PerformanceArea, RatingLevel
from common.names import normalise_name

# Matched with normalise_name. "Good" is the 2008–2012 risk matrix's equivalent of "Good practice".
GOOD_PRACTICE_NAMES = ("good practice", "good")
SATISFACTORY_NAMES = ("satisfactory", "acceptable")


@dataclass
class LevelThresholds:
    """Per framework version, the positions of "Good practice" and "Satisfactory" on its scale."""

    good_practice: dict = field(default_factory=dict)
    satisfactory: dict = field(default_factory=dict)
    good_practice_level_ids: set = field(default_factory=set)


def _first_position(levels, names):
    by_name = {normalise_name(level.name): level.position for level in levels}
    return next((by_name[name] for name in names if name in by_name), None)


def level_thresholds():
    """One query over every framework's scale (a few dozen rows at most)."""
    per_framework = {}
    for level in RatingLevel.objects.only("id", "framework_id", "position", "name"):
        per_framework.setdefault(level.framework_id, []).append(level)
    thresholds = LevelThresholds()
    for framework_id, levels in per_framework.items():
        good = _first_position(levels, GOOD_PRACTICE_NAMES)
        satisfactory = _first_position(levels, SATISFACTORY_NAMES)
        if good is not None:
            thresholds.good_practice[framework_id] = good
            thresholds.good_practice_level_ids |= {level.pk for level in levels if level.position >= good}
        if satisfactory is not None:
            thresholds.satisfactory[framework_id] = satisfactory
    return thresholds


def shareable_ratings(thresholds=None):
    """Ratings the library may draw on, whether or not an excerpt exists yet (assessors' work list)."""
    thresholds = thresholds or level_thresholds()
    return AreaRating.objects.filter(
        assessment__status=Assessment.Status.PUBLISHED,
        assessment__share_good_practice=True,
        assessment__department__is_active=True,
        assessor_rating_id__in=thresholds.good_practice_level_ids,
    )


def library_entries(*, text="", theme=None, area=None, thresholds=None):
    """What members see: shareable ratings with an approved excerpt, best-rated and newest first."""
    entries = shareable_ratings(thresholds).filter(good_practice_excerpt__approved_at__isnull=False)
    if theme is not None:
        entries = entries.filter(area__theme=theme)
    if area is not None:
        entries = entries.filter(area=area)
    for word in text.split():
        entries = entries.filter(
            Q(good_practice_excerpt__excerpt__icontains=word)
            | Q(area__name__icontains=word)
            | Q(area__theme__name__icontains=word)
            | Q(assessment__department__name__icontains=word)
            | Q(assessment__department__short_name__iexact=word)
        )
    return entries.select_related(
        "good_practice_excerpt", "area__theme", "assessor_rating", "assessment__department"
    ).order_by(
        "-assessor_rating__position",
        "-assessment__year",
        "assessment__department__name",
        "area__theme__number",
        "area__number",
    )


def library_filter_areas():
    """Areas (with their themes) of every framework version, for the filter's choices."""
    return PerformanceArea.objects.select_related("theme__framework").order_by(
        "theme__framework__name", "theme__number", "number"
    )


def excerpt_work_list():
    """For assessors: every shareable rating, with its excerpt if one exists (approved or not)."""
    return list(
        shareable_ratings()
        .select_related("good_practice_excerpt", "area__theme", "assessor_rating", "assessment__department")
        .order_by(
            F("good_practice_excerpt__approved_at").asc(nulls_first=True),
            "assessment__department__name",
            "-assessment__year",
            "area__theme__number",
            "area__number",
        )
    )


@dataclass
class AreaToImprove:
    rating: AreaRating
    entry_count: int


def areas_to_improve(user, thresholds=None):
    """ "Who does this well": for each department the user leads, each area whose latest published
    rating is below Satisfactory, with how many library entries exist for that area."""
    led = access.led_department_ids(user)
    if not led:
        return []
    thresholds = thresholds or level_thresholds()
    ratings = (
        AreaRating.objects.filter(
            assessment__department_id__in=led,
            assessment__status=Assessment.Status.PUBLISHED,
            assessor_rating__isnull=False,
        )
        .select_related("area__theme", "assessor_rating", "assessment__department")
        .order_by("-assessment__year", "-assessment__published_at", "-assessment_id")
    )
    latest = {}
    for rating in ratings:
        latest.setdefault((rating.assessment.department_id, rating.area_id), rating)
    below = [
        rating
        for rating in latest.values()
        if rating.assessment.framework_id in thresholds.satisfactory
        and rating.assessor_rating.position < thresholds.satisfactory[rating.assessment.framework_id]
    ]
    if not below:
        return []
    counts = dict(
        library_entries(thresholds=thresholds)
        .filter(area_id__in={rating.area_id for rating in below})
        .order_by()
        .values_list("area_id")
        .annotate(n=Count("id"))
    )
    below.sort(key=lambda r: (r.assessment.department.name, r.area.theme.number, r.area.number))
    return [AreaToImprove(rating=rating, entry_count=counts.get(rating.area_id, 0)) for rating in below]
