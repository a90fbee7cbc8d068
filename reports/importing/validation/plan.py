"""What the check of a file produces: the plan of each assessment, and the lookups it checks names against."""

import re
from dataclasses import dataclass, field

from accounts.models import Department
from assessments.models import Assessment, FrameworkVersion
from common.names import normalise_name

from .messages import IMPORT_TYPES, TYPE_WORDS, Type


@dataclass(frozen=True)
class RecommendationRow:
    number: int
    theme_id: int | None
    area_id: int | None
    text: str
    priority: str


@dataclass(frozen=True)
class Owner:
    """Whose recommendation: an entry of the file (written before it is needed) or an assessment in the service."""

    entry: int | None = None
    assessment_id: int | None = None


@dataclass(frozen=True)
class RecommendationRef:
    owner: Owner
    number: int


@dataclass
class PlannedAssessment:
    index: int
    department: Department
    assessment_type: str
    year: int
    framework: FrameworkVersion
    existing: Assessment | None
    baseline: Owner | None  # an earlier entry, or a published assessment in the service
    fields: dict = field(default_factory=dict)  # Assessment fields the file gives
    ratings: dict | None = None  # area id → rating level id
    themes: dict | None = None  # theme id → (situation at the time, progress or findings)
    recommendations: list | None = None  # [RecommendationRow]
    next_steps: list | None = None  # [(text, RecommendationRef or None)]

    @property
    def label(self):
        return label_of(self.department, self.assessment_type, self.year)


def label_of(department, assessment_type, year):
    return f"{department.short_name} {TYPE_WORDS.get(assessment_type, assessment_type)} {year}"


def short_label(assessment_type, year):
    """As reports label recommendations: "IMA 2013", "Review 2015"."""
    return Assessment(assessment_type=assessment_type, year=year).column_label


def _kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


class Lookups:
    """What the file is matched against, loaded once."""

    def __init__(self):
        departments = list(Department.objects.all())
        self.departments = {normalise_name(department.short_name): department for department in departments}
        self.departments.update({normalise_name(department.name): department for department in departments})
        self.types = {}
        for value, label in Type.choices:
            if value in IMPORT_TYPES:
                for name in (value, value.replace("_", " "), label, TYPE_WORDS[value]):
                    self.types[normalise_name(name)] = value
        frameworks = list(FrameworkVersion.objects.prefetch_related("levels", "themes__areas"))
        self.current = next((framework for framework in frameworks if framework.is_current), None)
        self.frameworks = {}
        self.areas, self.themes, self.levels, self.area_ids, self.theme_ids = {}, {}, {}, {}, {}
        for framework in frameworks:
            self.frameworks[normalise_name(framework.slug)] = framework
            self.frameworks[normalise_name(framework.name)] = framework
            themes = list(framework.themes.all())
            areas = [area for theme in themes for area in theme.areas.all()]
            self.areas[framework.pk] = {normalise_name(area.name): area for area in areas}
            by_name = {}
            for theme in themes:
                by_name[normalise_name(str(theme.number))] = theme
                by_name[normalise_name(theme.name)] = theme
                if theme.alternative_name:
                    by_name[normalise_name(theme.alternative_name)] = theme
            self.themes[framework.pk] = by_name
            levels = list(framework.levels.all())
            by_level = {normalise_name(level.abbreviation): level for level in levels}
            by_level.update({normalise_name(level.name): level for level in levels})
            self.levels[framework.pk] = by_level
            self.area_ids[framework.pk] = [area.pk for area in areas]
            self.theme_ids[framework.pk] = [theme.pk for theme in themes]

    def department(self, value):
        return self.departments.get(normalise_name(value)) if isinstance(value, str) else None

    def assessment_type(self, value):
        return self.types.get(normalise_name(value)) if isinstance(value, str) else None

    def key_of(self, department, assessment_type, year):
        """Which assessment a workbook row names: names match as the import matches them."""
        found = self.department(str(department))
        kind = self.assessment_type(str(assessment_type))
        return (
            found.pk if found else normalise_name(str(department)),
            kind or normalise_name(str(assessment_type)),
            _whole_number(year) or normalise_name(str(year)),
        )


def _whole_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _narrative(text):
    """Paragraphs separated by one blank line; line endings and trailing spaces tidied."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n").strip()


@dataclass
class _Identity:
    department: Department | None
    assessment_type: str | None
    year: int | None

    @property
    def key(self):
        if self.department is None or self.assessment_type is None or self.year is None:
            return None
        return (self.department.pk, self.assessment_type, self.year)
