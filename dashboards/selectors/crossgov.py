"""The cross-government dashboard's data: each department's latest published ratings, and the one before.

Four queries whatever the number of departments: the framework versions, the areas shown, their
levels, the latest two published assessments of every department (a window function), and the
ratings of those assessments.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from accounts.models import Department
from assessments.models import AreaRating, Assessment

from ..rules import department_score, score_shown
from .common import areas_of, levels_by_id, ranked_published

LISTED_FIELDS = ("pk", "year", "assessment_type", "recency", "department_id", "department__name", "department__slug")
SORTS = {
    "name": "Department name (A to Z)",
    "score_desc": "IMA Portal score (highest first)",
    "score_asc": "IMA Portal score (lowest first)",
}


def sorts():
    """The ways to sort: by score only while the service's score is shown (setting DASHBOARD_SCORE)."""
    return SORTS if score_shown() else {"name": SORTS["name"]}


@dataclass
class Filters:
    framework: object
    theme: int | None = None
    department_type: str = ""
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "name"

    def describe(self, themes):
        """The filters in words, for the page and the export's About sheet."""
        lines = [f"Framework version: {self.framework.name}"]
        theme_names = {theme.number: f"{theme.number}. {theme.name}" for theme in themes}
        lines.append(f"Theme: {theme_names.get(self.theme, 'All themes')}")
        types = dict(Department.Type.choices)
        lines.append(f"Department type: {types.get(self.department_type, 'All types')}")
        if self.year_from or self.year_to:
            lines.append(f"Latest published assessment from {self.year_from or 'any year'} to {self.year_to or 'now'}")
        else:
            lines.append("Latest published assessment: any year")
        lines.append(f"Sorted by: {SORTS.get(self.sort, SORTS['name'])}")
        return lines


@dataclass(frozen=True, slots=True)
class ListedDepartment:
    pk: int
    name: str
    slug: str


@dataclass(frozen=True, slots=True)
class ListedAssessment:
    """What the tables show of an assessment: read as values, as model instances cost several times more."""

    pk: int
    year: int
    assessment_type: str
    recency: int
    department: ListedDepartment

    Type = Assessment.Type
    short_label = property(Assessment.short_label.fget)  # the model's own wording ("IMA 2013")
    column_label = property(Assessment.column_label.fget)

    @property
    def department_id(self):
        return self.department.pk


def _listed(rows):
    departments = {}
    for pk, year, assessment_type, recency, department_id, name, slug in rows:
        if department_id not in departments:
            departments[department_id] = ListedDepartment(pk=department_id, name=name, slug=slug)
        yield ListedAssessment(pk, year, assessment_type, recency, departments[department_id])


@dataclass
class DepartmentRatings:
    department: object
    latest: object
    previous: object = None
    levels: dict = field(default_factory=dict)  # area id → LevelInfo | None
    previous_levels: dict = field(default_factory=dict)
    score: Fraction | None = None
    previous_score: Fraction | None = None


@dataclass
class CrossGovernmentData:
    filters: Filters
    all_areas: list
    areas: list
    themes: list
    levels: list
    rows: list
    lowest_level: object = None


def _sort(rows, how):
    by_name = sorted(rows, key=lambda row: row.department.name.casefold())
    if how == "name":
        return by_name
    rated = [row for row in by_name if row.score is not None]
    unrated = [row for row in by_name if row.score is None]
    rated.sort(key=lambda row: row.score, reverse=how == "score_desc")  # stable: ties stay by name
    return rated + unrated


def crossgov_data(filters):
    framework = filters.framework
    all_areas = areas_of(framework.pk)
    areas = [area for area in all_areas if filters.theme is None or area.theme.number == filters.theme]
    themes = list({area.theme.pk: area.theme for area in all_areas}.values())
    levels = levels_by_id([framework.pk])
    ordered_levels = sorted(levels.values(), key=lambda level: level.position)

    assessments = list(
        _listed(
            ranked_published(
                framework_id=framework.pk, year_to=filters.year_to, department_type=filters.department_type
            )
            .filter(recency__lte=2)
            .values_list(*LISTED_FIELDS)
        )
    )
    ratings = defaultdict(dict)
    area_ids = [area.pk for area in areas]
    for assessment_id, area_id, level_id in (
        AreaRating.objects.filter(assessment__in=[assessment.pk for assessment in assessments], area__in=area_ids)
        .order_by()  # the model's default order joins areas and themes to sort rows read into a dict
        .values_list("assessment_id", "area_id", "assessor_rating_id")
    ):
        ratings[assessment_id][area_id] = levels.get(level_id)

    by_department = {}
    for assessment in assessments:
        if assessment.recency == 1 and not (filters.year_from and assessment.year < filters.year_from):
            by_department[assessment.department_id] = DepartmentRatings(
                department=assessment.department, latest=assessment
            )
    for assessment in assessments:
        if assessment.recency == 2 and assessment.department_id in by_department:
            by_department[assessment.department_id].previous = assessment
    for row in by_department.values():
        row.levels = {area_id: ratings[row.latest.pk].get(area_id) for area_id in area_ids}
        row.score = department_score([level.position for level in row.levels.values() if level])
        if row.previous is not None:
            row.previous_levels = {area_id: ratings[row.previous.pk].get(area_id) for area_id in area_ids}
            row.previous_score = department_score([level.position for level in row.previous_levels.values() if level])
    return CrossGovernmentData(
        filters=filters,
        all_areas=all_areas,
        areas=areas,
        themes=themes,
        levels=ordered_levels,
        rows=_sort(list(by_department.values()), filters.sort),
        lowest_level=ordered_levels[0] if ordered_levels else None,
    )
