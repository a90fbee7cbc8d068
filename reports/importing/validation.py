"""Checking a report file against itself and the database before anything is written.

Every problem is collected with its place, so the person can fix the whole file at once; the result is
a plan (one PlannedAssessment per entry, in file order) that the import writes without further checks.

What an entry leaves out is left as it is when the assessment already exists: a part that is given
(a list included) replaces what is stored, so `"ratings": []` clears the ratings but no "ratings" keeps them.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from accounts.models import Department
from actionplans.choices import Priority
from actionplans.models import Action, NextStep, Recommendation
from actionplans.services.next_steps import MAX_TEXT as MAX_NEXT_STEP
from assessments.models import Assessment, FrameworkVersion
from assessments.report.background import month_year
from assessments.report.publication import fieldwork_problems, publication_date_problems
from common.names import normalise_name

from .problems import Problem, ReportImportError, shown

Type = Assessment.Type
Status = Assessment.Status
Precision = Assessment.DatePrecision

FIRST_YEAR = 2000  # the database refuses earlier years (assessments began in 2008)
MAX_TEXT = 50_000
MAX_SHORT_TEXT = 200  # fieldwork place, who signed the statement of commitment

IMPORT_TYPES = (Type.IMA, Type.PROGRESS_REVIEW, Type.REASSESSMENT)
TYPE_WORDS = {Type.IMA: "IMA", Type.PROGRESS_REVIEW: "progress review", Type.REASSESSMENT: "reassessment"}

FILE_PARTS = ("assessments",)
ASSESSMENT_PARTS = (
    "department",
    "type",
    "year",
    "framework",
    "baseline",
    "fieldwork",
    "assessed",
    "published_on",
    "ratings",
    "themes",
    "background",
    "key_findings",
    "commitment",
    "next_steps",
    "recommendations",
)
BASELINE_PARTS = ("type", "year")
FIELDWORK_PARTS = ("from", "to", "place")
COMMITMENT_PARTS = ("text", "signed_by", "signed_on")
NEXT_STEPS_PARTS = ("lead", "items")
RATING_PARTS = ("area", "rating")
THEME_PARTS = ("theme", "situation", "progress")
NEXT_STEP_PARTS = ("text", "recommendation")
RECOMMENDATION_PARTS = ("number", "area", "text", "priority")

# Messages (GOV.UK style: what is wrong and how to put it right). Each is shown after its place. Tests assert them.
ERROR_TOP_LEVEL = 'The file must hold an object with a list of assessments, like {"assessments": [ ]}'
ERROR_NO_ASSESSMENTS = "The list of assessments is empty: add at least one assessment"
ERROR_NOT_OBJECT = "Enter an object in braces {{ }}, not {kind}"
ERROR_NOT_LIST = "Enter a list in square brackets [ ], not {kind}"
ERROR_NOT_TEXT = "Enter text in double quotes, not {kind}"
ERROR_UNKNOWN_PART = "{key} is not a part of {what}: use {parts}"
ERROR_REPEATED_PART = "{key} is given more than once: give it once"
ERROR_REQUIRED = "Enter the {what}"
ERROR_TOO_LONG = "The text must be {limit:,} characters or fewer"
ERROR_DEPARTMENT_UNKNOWN = "{value} is not a department in the service: use a department's name or short name"
ERROR_TYPE_UNKNOWN = "{value} is not a type of assessment the import knows: use ima, progress_review or reassessment"
ERROR_YEAR_INVALID = "{value} is not a valid year: enter a year from 2000 to {last}, like 2013"
ERROR_DUPLICATE = "{label} is already in the file at {other}: list each assessment once"
ERROR_EXISTING_SEVERAL = "{label} exists more than once in the service: correct it there first"
ERROR_EXISTING_NOT_PUBLISHED = (
    "{label} exists in the service and is {status}: an import only updates published assessments"
)
ERROR_FRAMEWORK_UNKNOWN = (
    "{value} is not a framework version: use a version's name or identifier, or leave it out for the current one"
)
ERROR_NO_CURRENT_FRAMEWORK = "No framework version is marked as current: name the framework of this assessment"
ERROR_FRAMEWORK_CHANGED = (
    "{label} is published against {framework}: an import cannot change the framework of an assessment"
)
ERROR_DATE_INVALID = "{value} is not a date: enter it as YYYY-MM-DD, like 2013-05-14"
ERROR_MONTH_INVALID = "{value} is not a month: enter it as YYYY-MM, like 2013-06"
ERROR_PUBLISHED_INVALID = (
    "{value} is not a date of publication: enter YYYY-MM-DD, or YYYY-MM when only the month is known"
)
ERROR_ASSESSED_AFTER_PUBLICATION = "The month assessed must be the same as or before the month of publication ({month})"
ERROR_BASELINE_FOR_IMA = "An IMA is not measured against a baseline: remove the baseline"
ERROR_BASELINE_TYPE = "{value} cannot be a baseline: use ima or reassessment"
ERROR_BASELINE_NOT_FOUND = (
    "{label} is neither earlier in the file nor published in the service: add it to the file before this entry"
)
ERROR_BASELINE_LATER = "{label} is later in the file, at {other}: list a baseline before what is measured against it"
ERROR_BASELINE_NOT_PUBLISHED = "{label} is {status} in the service: a baseline must be published"
ERROR_BASELINE_AFTER = "A baseline must be from {year} or earlier: {label} is after this {word}"
ERROR_BASELINE_ITSELF = "An assessment cannot be its own baseline: name the IMA or reassessment it is measured against"
ERROR_BASELINE_MISSING = (
    "{department} has no published IMA or reassessment from {year} or earlier, in the file before this entry "
    "or in the service: add the IMA to the file before this progress review"
)
ERROR_AREA_UNKNOWN = "{value} is not a performance area of {framework}"
ERROR_AREA_REPEATED = "{value} is already rated at {other}: rate each area once"
ERROR_RATING_UNKNOWN = "{value} is not a rating of {framework}: use one of {levels}"
ERROR_THEME_UNKNOWN = "{value} is not a theme of {framework}: use a theme number from 1 to {last}"
ERROR_THEME_REPEATED = "Theme {number} is already at {other}: write each theme once"
ERROR_SITUATION_NOT_REVIEW = (
    "Only a progress review has a situation at the time of the IMA: put the theme's findings in progress"
)
ERROR_FULL_REPORT_ONLY = "Only an IMA or reassessment report has {what}: remove it from this progress review"
ERROR_REVIEW_ONLY = "Only a progress review report has next steps: remove them from this {word}"
ERROR_NUMBER_INVALID = "{value} is not a recommendation number: enter a whole number from 1, like 3 or R3"
ERROR_NUMBER_REPEATED = "R{number} is already at {other}: number each recommendation once"
ERROR_AREA_OR_THEME_UNKNOWN = "{value} is not a performance area or theme of {framework}"
ERROR_PRIORITY_UNKNOWN = "{value} is not a priority: use High, Medium or Low"
ERROR_REFERENCE_INVALID = "{value} is not a recommendation: use its number, like R3, or IMA 2013 R3 for the baseline's"
ERROR_REFERENCE_UNKNOWN = "There is no recommendation {value} in {where}"
ERROR_REFERENCE_AMBIGUOUS = "{value} could be {first} or {second}: write {first} or {second}"
ERROR_RECOMMENDATION_HAS_ACTIONS = (
    "{label} R{number} is not in the file, but the department's action plan has actions for it: keep it in the file"
)
ERROR_RECOMMENDATION_LINKED = (
    "{label} R{number} is not in the file, but the next steps of {other} link to it: keep it in the file"
)

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
NUMBER = re.compile(r"r?\s*(\d{1,4})")
REFERENCE = re.compile(r"(?:(.*?)\s+)?r\s*(\d{1,4})")


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
    return Assessment(assessment_type=assessment_type, year=year).short_label


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


class _Checker:
    def __init__(self, document, lookups, today):
        self.document = document
        self.lookups = lookups
        self.today = today
        self.problems = list(document.problems)
        self.orders = [-1] * len(self.problems)  # the entry each problem is about (-1: the file), to list them in order
        self.planned = {}
        self.unsure_numbers = set()  # entries whose recommendations had a problem: their numbers may be wrong
        self.unidentified = []
        self.recommendation_numbers = {}  # entry index → numbers the entry will have (its own or the stored ones)

    # --- reporting and shapes ------------------------------------------------------------------

    def problem(self, path, message):
        self.problems.append(Problem(self.document.place(path), message))
        self.orders.append(path[1] if len(path) > 1 and isinstance(path[1], int) else -1)

    def problems_in_file_order(self):
        order = sorted(range(len(self.problems)), key=lambda number: (self.orders[number], number))
        return [self.problems[number] for number in order]

    def object(self, path, value, parts, what):
        if not isinstance(value, dict):
            self.problem(path, ERROR_NOT_OBJECT.format(kind=_kind(value)))
            return None
        for key in getattr(value, "repeated", ()):
            self.problem(path, ERROR_REPEATED_PART.format(key=shown(key)))
        for key in value:
            if key not in parts:
                self.problem(path, ERROR_UNKNOWN_PART.format(key=shown(key), what=what, parts=", ".join(parts)))
        return value

    def list(self, path, value):
        if not isinstance(value, list):
            self.problem(path, ERROR_NOT_LIST.format(kind=_kind(value)))
            return []
        return value

    def text(self, path, value, *, what=None, limit=MAX_TEXT, narrative=True):
        """Text, tidied; None when it is not text, or when it is empty and `what` (required) is named."""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.document.source == "xlsx":
            value = str(value)  # a cell that holds only a number
        if not isinstance(value, str):
            self.problem(path, ERROR_NOT_TEXT.format(kind=_kind(value)))
            return None
        value = _narrative(value) if narrative else " ".join(value.split())
        if what and not value:
            self.problem(path, ERROR_REQUIRED.format(what=what))
            return None
        if len(value) > limit:
            self.problem(path, ERROR_TOO_LONG.format(limit=limit))
            return None
        return value

    def required(self, path, entry, key, what):
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem((*path, key), ERROR_REQUIRED.format(what=what))
            return None
        return value

    def date(self, path, value):
        if isinstance(value, str) and DATE.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(path, ERROR_DATE_INVALID.format(value=shown(value)))
        return None

    def month(self, path, value):
        if isinstance(value, str) and MONTH.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip() + "-01")
            except ValueError:
                pass
        self.problem(path, ERROR_MONTH_INVALID.format(value=shown(value)))
        return None

    # --- the file -------------------------------------------------------------------------------

    def check(self):
        data = self.document.data
        if not isinstance(data, dict) or "assessments" not in data:
            self.problem((), ERROR_TOP_LEVEL)
            return []
        self.object((), data, FILE_PARTS, "the file")
        entries = self.list(("assessments",), data["assessments"])
        if not entries and isinstance(data["assessments"], list):
            self.problem(("assessments",), ERROR_NO_ASSESSMENTS)
        identities = [self._identity(index, entry) for index, entry in enumerate(entries)]
        # An entry whose identity is wrong cannot be anyone's baseline: say nothing more about those it would be.
        self.unidentified = [index for index, identity in enumerate(identities) if identity.key is None]
        self._load(identities)
        firsts = {}
        for index, (entry, identity) in enumerate(zip(entries, identities, strict=True)):
            if not isinstance(entry, dict):
                continue
            key = identity.key
            if key is not None and key in firsts:
                other = self.document.place(("assessments", firsts[key]))
                label = label_of(identity.department, identity.assessment_type, identity.year)
                self.problem(("assessments", index), ERROR_DUPLICATE.format(label=label, other=other))
                continue
            if key is not None:
                firsts[key] = index
            self._entry(index, entry, identity)
        self._check_removed_recommendations()
        return [self.planned[index] for index in sorted(self.planned)]

    def _identity(self, index, entry):
        path = ("assessments", index)
        identity = _Identity(None, None, None)
        if self.object(path, entry, ASSESSMENT_PARTS, "an assessment") is None:
            return identity
        value = self.required(path, entry, "department", "department (its name or short name)")
        if value is not None:
            identity.department = self.lookups.department(value)
            if identity.department is None:
                self.problem((*path, "department"), ERROR_DEPARTMENT_UNKNOWN.format(value=shown(value)))
        value = self.required(path, entry, "type", "type of assessment (ima, progress_review or reassessment)")
        if value is not None:
            identity.assessment_type = self.lookups.assessment_type(value)
            if identity.assessment_type is None:
                self.problem((*path, "type"), ERROR_TYPE_UNKNOWN.format(value=shown(value)))
        value = self.required(path, entry, "year", "year of the assessment, like 2013")
        if value is not None:
            identity.year = self._year((*path, "year"), value)
        return identity

    def _year(self, path, value):
        year = _whole_number(value)
        last = self.today.year
        if year is None or not FIRST_YEAR <= year <= last:
            self.problem(path, ERROR_YEAR_INVALID.format(value=shown(value), last=last))
            return None
        return year

    def _load(self, identities):
        """The stored assessments the file names, and every IMA and reassessment of its departments."""
        departments = {identity.department.pk for identity in identities if identity.department}
        years = {identity.year for identity in identities if identity.year}
        self.existing = defaultdict(list)
        for assessment in Assessment.objects.filter(department__in=departments, year__in=years).select_related(
            "framework", "department"
        ):
            self.existing[(assessment.department_id, assessment.assessment_type, assessment.year)].append(assessment)
        self.stored_baselines = defaultdict(list)
        self.stored_by_pk = {}
        for assessment in Assessment.objects.filter(
            department__in=departments, assessment_type__in=Assessment.BASELINE_TYPES
        ).select_related("department"):
            self.stored_baselines[assessment.department_id].append(assessment)
            self.stored_by_pk[assessment.pk] = assessment
        self.entry_keys = {}  # key → index of its first entry
        for index, identity in enumerate(identities):
            if identity.key is not None:
                self.entry_keys.setdefault(identity.key, index)
        self.stored_numbers = {}

    # --- one entry ------------------------------------------------------------------------------

    def _entry(self, index, entry, identity):
        path = ("assessments", index)
        existing = self._existing(path, identity)
        framework = self._framework(path, entry, existing, identity)
        plan = PlannedAssessment(
            index=index,
            department=identity.department,
            assessment_type=identity.assessment_type,
            year=identity.year,
            framework=framework,
            existing=existing,
            baseline=None,
        )
        self._dates(path, entry, existing, plan)
        if identity.key is not None:
            plan.baseline = self._baseline(path, entry, identity, existing, plan)
        self._texts(path, entry, identity, plan)
        if framework is not None:
            self._ratings(path, entry, framework, plan)
            self._themes(path, entry, framework, identity, plan)
            before = len(self.problems)
            self._recommendations(path, entry, framework, plan)
            if len(self.problems) > before:
                self.unsure_numbers.add(index)
        else:
            self.unsure_numbers.add(index)
        if index not in self.recommendation_numbers:
            self.recommendation_numbers[index] = self._stored_numbers(existing)
        # A reference to a recommendation that is missing because of a problem already listed is not one more.
        baseline_failed = plan.baseline is None and (
            identity.assessment_type == Type.PROGRESS_REVIEW or entry.get("baseline") is not None
        )
        quiet = (
            identity.key is None
            or index in self.unsure_numbers
            or baseline_failed
            or (plan.baseline is not None and plan.baseline.entry in self.unsure_numbers)
        )
        self._next_steps(path, entry, identity, plan, quiet=quiet)
        if identity.key is not None and framework is not None:
            self.planned[index] = plan

    def _existing(self, path, identity):
        if identity.key is None:
            return None
        found = self.existing.get(identity.key, [])
        label = label_of(identity.department, identity.assessment_type, identity.year)
        if len(found) > 1:
            self.problem(path, ERROR_EXISTING_SEVERAL.format(label=label))
            return None
        if found and found[0].status != Status.PUBLISHED:
            status = found[0].get_status_display().lower()
            self.problem(path, ERROR_EXISTING_NOT_PUBLISHED.format(label=label, status=status))
            return None
        return found[0] if found else None

    def _framework(self, path, entry, existing, identity):
        value = entry.get("framework")
        if value is None or (isinstance(value, str) and not value.strip()):
            if existing is not None:
                return existing.framework
            if self.lookups.current is None:
                self.problem(path, ERROR_NO_CURRENT_FRAMEWORK)
            return self.lookups.current
        framework = self.lookups.frameworks.get(normalise_name(value)) if isinstance(value, str) else None
        if framework is None:
            self.problem((*path, "framework"), ERROR_FRAMEWORK_UNKNOWN.format(value=shown(value)))
            return None
        if existing is not None and existing.framework_id != framework.pk:
            label = label_of(identity.department, identity.assessment_type, identity.year)
            message = ERROR_FRAMEWORK_CHANGED.format(label=label, framework=existing.framework.name)
            self.problem((*path, "framework"), message)
            return None
        return framework

    def _dates(self, path, entry, existing, plan):
        fields = plan.fields
        published, precision = None, None
        value = self.required(path, entry, "published_on", "date of publication (YYYY-MM-DD, or YYYY-MM)")
        if value is not None:
            text = value.strip() if isinstance(value, str) else ""
            if MONTH.fullmatch(text):
                published, precision = self._month_or_none(text), Precision.MONTH
            elif DATE.fullmatch(text):
                published, precision = self._date_or_none(text), Precision.DAY
            if published is None:
                self.problem((*path, "published_on"), ERROR_PUBLISHED_INVALID.format(value=shown(value)))
            else:
                fields.update(published_on=published, published_precision=precision)
        started = ended = None
        if entry.get("fieldwork") is not None:
            fieldwork = self.object((*path, "fieldwork"), entry["fieldwork"], FIELDWORK_PARTS, "the fieldwork")
            if fieldwork is not None:
                where = (*path, "fieldwork")
                if (value := self.required(where, fieldwork, "from", "date the fieldwork started")) is not None:
                    started = self.date((*where, "from"), value)
                if (value := self.required(where, fieldwork, "to", "date the fieldwork ended")) is not None:
                    ended = self.date((*where, "to"), value)
                for message in fieldwork_problems(started, ended):
                    self.problem((*where, "to"), message)
                    started = ended = None
                if started and ended:
                    fields.update(interviews_from=started, interviews_to=ended)
                    fields["assessed_on"] = ended.replace(day=1)
                if fieldwork.get("place") is not None:
                    place = self.text((*where, "place"), fieldwork["place"], limit=MAX_SHORT_TEXT, narrative=False)
                    if place is not None:
                        fields["fieldwork_place"] = place
        elif existing is not None:
            started, ended = existing.interviews_from, existing.interviews_to
        if entry.get("assessed") is not None:
            assessed = self.month((*path, "assessed"), entry["assessed"])
            if assessed is not None:
                fields["assessed_on"] = assessed
                if published and (assessed.year, assessed.month) > (published.year, published.month):
                    message = ERROR_ASSESSED_AFTER_PUBLICATION.format(month=month_year(published))
                    self.problem((*path, "assessed"), message)
        if published is not None:
            when = SimpleNamespace(interviews_from=started, interviews_to=ended)
            for message in publication_date_problems(when, published, today=self.today, precision=precision):
                self.problem((*path, "published_on"), message)

    @staticmethod
    def _month_or_none(text):
        try:
            return datetime.date.fromisoformat(text + "-01")
        except ValueError:
            return None

    @staticmethod
    def _date_or_none(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return None

    # --- the baseline ---------------------------------------------------------------------------

    def _baseline(self, path, entry, identity, existing, plan):
        value = entry.get("baseline")
        if identity.assessment_type not in Assessment.TYPES_WITH_BASELINE:
            if value is not None:
                self.problem((*path, "baseline"), ERROR_BASELINE_FOR_IMA)
            return None
        if value is not None:
            return self._named_baseline((*path, "baseline"), value, identity)
        if existing is not None and existing.baseline_id:
            return self._owner_of(path, existing.baseline, identity)
        return self._default_baseline(path, identity, plan)

    def _named_baseline(self, path, value, identity):
        if self.object(path, value, BASELINE_PARTS, "a baseline") is None:
            return None
        kind = year = None
        if (raw := self.required(path, value, "type", "type of the baseline (ima or reassessment)")) is not None:
            kind = self.lookups.assessment_type(raw)
            if kind not in Assessment.BASELINE_TYPES:
                self.problem((*path, "type"), ERROR_BASELINE_TYPE.format(value=shown(raw)))
                kind = None
        if (raw := self.required(path, value, "year", "year of the baseline")) is not None:
            year = self._year((*path, "year"), raw)
        if kind is None or year is None:
            return None
        label = label_of(identity.department, kind, year)
        if (kind, year) == (identity.assessment_type, identity.year):
            self.problem(path, ERROR_BASELINE_ITSELF)
            return None
        if year > identity.year:
            word = TYPE_WORDS[identity.assessment_type]
            self.problem(path, ERROR_BASELINE_AFTER.format(year=identity.year, label=label, word=word))
            return None
        index = self.entry_keys.get((identity.department.pk, kind, year))
        if index is not None:
            return self._entry_owner(path, index, label)
        stored = [
            assessment
            for assessment in self.stored_baselines[identity.department.pk]
            if (assessment.assessment_type, assessment.year) == (kind, year)
        ]
        if not stored:
            if not any(index < path[1] for index in self.unidentified):
                self.problem(path, ERROR_BASELINE_NOT_FOUND.format(label=label))
            return None
        published = [assessment for assessment in stored if assessment.status == Status.PUBLISHED]
        if not published:
            status = stored[0].get_status_display().lower()
            self.problem(path, ERROR_BASELINE_NOT_PUBLISHED.format(label=label, status=status))
            return None
        return Owner(assessment_id=published[0].pk)

    def _entry_owner(self, path, index, label):
        if index >= path[1]:
            other = self.document.place(("assessments", index))
            self.problem(path, ERROR_BASELINE_LATER.format(label=label, other=other))
            return None
        return Owner(entry=index)

    def _owner_of(self, path, assessment, identity):
        """The stored baseline of a stored review: the file's entry for it when the file has one."""
        index = self.entry_keys.get((assessment.department_id, assessment.assessment_type, assessment.year))
        if index is not None:
            label = label_of(identity.department, assessment.assessment_type, assessment.year)
            return self._entry_owner((*path, "baseline"), index, label)
        return Owner(assessment_id=assessment.pk)

    def _default_baseline(self, path, identity, plan):
        """The latest published IMA or reassessment of the department up to the year: the rule of the service."""
        department, year = identity.department, identity.year
        candidates = []  # (year, published_on, owner)
        own = (identity.assessment_type, year)
        for (department_id, kind, entry_year), index in self.entry_keys.items():
            if index == plan.index or department_id != department.pk:
                continue
            if kind in Assessment.BASELINE_TYPES and entry_year <= year:
                published = self.planned[index].fields.get("published_on") if index in self.planned else None
                candidates.append((entry_year, published or datetime.date.min, Owner(entry=index), index))
        in_file = {index for *_, index in candidates}
        for assessment in self.stored_baselines[department.pk]:
            index = self.entry_keys.get((department.pk, assessment.assessment_type, assessment.year))
            if index in in_file or assessment.status != Status.PUBLISHED or assessment.year > year:
                continue
            if (assessment.assessment_type, assessment.year) == own:
                continue
            candidates.append(
                (assessment.year, assessment.published_on or datetime.date.min, Owner(assessment_id=assessment.pk), -1)
            )
        if not candidates:
            if plan.assessment_type == Type.PROGRESS_REVIEW and not any(i < plan.index for i in self.unidentified):
                self.problem(path, ERROR_BASELINE_MISSING.format(department=department.name, year=year))
            return None
        *_, owner, index = max(candidates, key=lambda candidate: candidate[:2])
        if owner.entry is not None:
            label = label_of(department, self._entry_type(index), self._entry_year(index))
            return self._entry_owner((*path, "baseline"), index, label)
        return owner

    def _entry_type(self, index):
        return next(key[1] for key, found in self.entry_keys.items() if found == index)

    def _entry_year(self, index):
        return next(key[2] for key, found in self.entry_keys.items() if found == index)

    # --- texts ----------------------------------------------------------------------------------

    def _texts(self, path, entry, identity, plan):
        fields = plan.fields
        full_report = identity.assessment_type in Assessment.FULL_REPORT_TYPES
        if entry.get("background") is not None:
            text = self.text((*path, "background"), entry["background"])
            if text is not None:
                fields["background_text"] = text
        if entry.get("key_findings") is not None:
            if identity.assessment_type and not full_report:
                self.problem((*path, "key_findings"), ERROR_FULL_REPORT_ONLY.format(what="key findings"))
            elif (text := self.text((*path, "key_findings"), entry["key_findings"])) is not None:
                fields["key_findings"] = text
        if entry.get("commitment") is not None:
            where = (*path, "commitment")
            if identity.assessment_type and not full_report:
                self.problem(where, ERROR_FULL_REPORT_ONLY.format(what="a statement of commitment"))
            elif (commitment := self.object(where, entry["commitment"], COMMITMENT_PARTS, "a commitment")) is not None:
                text = None if commitment.get("text") is None else self.text((*where, "text"), commitment["text"])
                if text is not None:
                    fields["commitment_text"] = text
                if commitment.get("signed_by") is not None:
                    signed_by = self.text(
                        (*where, "signed_by"), commitment["signed_by"], limit=MAX_SHORT_TEXT, narrative=False
                    )
                    if signed_by is not None:
                        fields["commitment_signed_by"] = signed_by
                signed_on = commitment.get("signed_on")
                signed_on = None if signed_on is None else self.date((*where, "signed_on"), signed_on)
                if signed_on is not None:
                    fields["commitment_signed_on"] = signed_on

    # --- ratings and themes ---------------------------------------------------------------------

    def _ratings(self, path, entry, framework, plan):
        if entry.get("ratings") is None:
            return
        ratings = {}
        seen = {}
        areas = self.lookups.areas[framework.pk]
        levels = self.lookups.levels[framework.pk]
        for number, item in enumerate(self.list((*path, "ratings"), entry["ratings"])):
            where = (*path, "ratings", number)
            if self.object(where, item, RATING_PARTS, "a rating") is None:
                continue
            area = level = None
            if (value := self.required(where, item, "area", "performance area")) is not None:
                area = areas.get(normalise_name(value)) if isinstance(value, str) else None
                if area is None:
                    message = ERROR_AREA_UNKNOWN.format(value=shown(value), framework=framework.name)
                    self.problem((*where, "area"), message)
                elif area.pk in seen:
                    other = self.document.place(seen[area.pk])
                    self.problem((*where, "area"), ERROR_AREA_REPEATED.format(value=shown(value), other=other))
                    area = None
                else:
                    seen[area.pk] = where
            if (value := self.required(where, item, "rating", "rating")) is not None:
                level = levels.get(normalise_name(value)) if isinstance(value, str) else None
                if level is None:
                    names = ", ".join(level.name for level in framework.levels.all())
                    message = ERROR_RATING_UNKNOWN.format(value=shown(value), framework=framework.name, levels=names)
                    self.problem((*where, "rating"), message)
            if area is not None and level is not None:
                ratings[area.pk] = level.pk
        plan.ratings = ratings

    def _themes(self, path, entry, framework, identity, plan):
        if entry.get("themes") is None:
            return
        themes = {}
        seen = {}
        by_name = self.lookups.themes[framework.pk]
        is_review = identity.assessment_type == Type.PROGRESS_REVIEW
        for number, item in enumerate(self.list((*path, "themes"), entry["themes"])):
            where = (*path, "themes", number)
            if self.object(where, item, THEME_PARTS, "a theme") is None:
                continue
            theme = None
            if (value := self.required(where, item, "theme", "theme number, like 1")) is not None:
                theme = by_name.get(normalise_name(str(value))) if not isinstance(value, (bool, dict, list)) else None
                if theme is None:
                    last = len(self.lookups.theme_ids[framework.pk])
                    message = ERROR_THEME_UNKNOWN.format(value=shown(value), framework=framework.name, last=last)
                    self.problem((*where, "theme"), message)
                elif theme.pk in seen:
                    other = self.document.place(seen[theme.pk])
                    self.problem((*where, "theme"), ERROR_THEME_REPEATED.format(number=theme.number, other=other))
                    theme = None
                else:
                    seen[theme.pk] = where
            situation = progress = ""
            if item.get("situation") is not None:
                if identity.assessment_type and not is_review:
                    self.problem((*where, "situation"), ERROR_SITUATION_NOT_REVIEW)
                else:
                    situation = self.text((*where, "situation"), item["situation"])
            if item.get("progress") is not None:
                progress = self.text((*where, "progress"), item["progress"])
            if theme is not None and situation is not None and progress is not None:
                themes[theme.pk] = (situation, progress)
        plan.themes = themes

    # --- recommendations and next steps ---------------------------------------------------------

    def _recommendations(self, path, entry, framework, plan):
        if entry.get("recommendations") is None:
            return
        rows = []
        seen = {}  # number → where
        areas = self.lookups.areas[framework.pk]
        themes = self.lookups.themes[framework.pk]
        for index, item in enumerate(self.list((*path, "recommendations"), entry["recommendations"])):
            where = (*path, "recommendations", index)
            if self.object(where, item, RECOMMENDATION_PARTS, "a recommendation") is None:
                continue
            number = theme_id = area_id = text = priority = None
            if (value := self.required(where, item, "number", "recommendation number, like 3")) is not None:
                number = self._number((*where, "number"), value)
                if number is not None and number in seen:
                    other = self.document.place(seen[number])
                    self.problem((*where, "number"), ERROR_NUMBER_REPEATED.format(number=number, other=other))
                    number = None
                elif number is not None:
                    seen[number] = where
            if (value := self.required(where, item, "area", "performance area (or theme)")) is not None:
                name = normalise_name(value) if isinstance(value, str) else None
                if name in areas:
                    area_id, theme_id = areas[name].pk, areas[name].theme_id
                elif name in themes and not name.isdigit():
                    theme_id = themes[name].pk
                else:
                    message = ERROR_AREA_OR_THEME_UNKNOWN.format(value=shown(value), framework=framework.name)
                    self.problem((*where, "area"), message)
            value = item.get("text")
            text = self.text((*where, "text"), "" if value is None else value, what="text of the recommendation")
            if (value := self.required(where, item, "priority", "priority (High, Medium or Low)")) is not None:
                priority = normalise_name(value) if isinstance(value, str) else None
                if priority not in Priority.values:
                    self.problem((*where, "priority"), ERROR_PRIORITY_UNKNOWN.format(value=shown(value)))
                    priority = None
            if None not in (number, text, priority) and (theme_id or area_id):
                rows.append(RecommendationRow(number, theme_id, area_id, text, priority))
        plan.recommendations = rows
        self.recommendation_numbers[plan.index] = set(seen)

    def _number(self, path, value):
        text = str(value).strip().casefold() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
        match = NUMBER.fullmatch(text)
        if match is None or int(match.group(1)) < 1:
            self.problem(path, ERROR_NUMBER_INVALID.format(value=shown(value)))
            return None
        return int(match.group(1))

    def _stored_numbers(self, assessment_or_id):
        if assessment_or_id is None:
            return set()
        pk = getattr(assessment_or_id, "pk", assessment_or_id)
        if pk not in self.stored_numbers:
            self.stored_numbers[pk] = set(
                Recommendation.objects.filter(assessment_id=pk).values_list("number", flat=True)
            )
        return self.stored_numbers[pk]

    def _next_steps(self, path, entry, identity, plan, *, quiet=False):
        if entry.get("next_steps") is None:
            return
        where = (*path, "next_steps")
        if identity.assessment_type and identity.assessment_type != Type.PROGRESS_REVIEW:
            self.problem(where, ERROR_REVIEW_ONLY.format(word=TYPE_WORDS[identity.assessment_type]))
            return
        next_steps = self.object(where, entry["next_steps"], NEXT_STEPS_PARTS, "next steps")
        if next_steps is None:
            return
        lead = None if next_steps.get("lead") is None else self.text((*where, "lead"), next_steps["lead"])
        if lead is not None:
            plan.fields["next_steps_text"] = lead
        if next_steps.get("items") is None:
            return
        sources = self._reference_sources(identity, plan)
        items = []
        for index, item in enumerate(self.list((*where, "items"), next_steps["items"])):
            here = (*where, "items", index)
            reference = None
            if isinstance(item, dict):
                self.object(here, item, NEXT_STEP_PARTS, "a next step")
                value = item.get("text")
                text = self.text(
                    (*here, "text"), "" if value is None else value, what="text of the next step", limit=MAX_NEXT_STEP
                )
                if item.get("recommendation") not in (None, ""):
                    reference = self._reference((*here, "recommendation"), item["recommendation"], sources, quiet)
                    if reference is None:
                        text = None
            else:
                text = self.text(here, item, what="text of the next step", limit=MAX_NEXT_STEP)
            if text is not None:
                items.append((text, reference))
        plan.next_steps = items

    def _reference_sources(self, identity, plan):
        """[(label, numbers, owner)]: this assessment's recommendations, then its baseline's."""
        if identity.key is None:
            return []
        sources = [
            (
                short_label(identity.assessment_type, identity.year),
                self.recommendation_numbers.get(plan.index, set()),
                Owner(entry=plan.index),
            )
        ]
        baseline = plan.baseline
        if baseline is not None and baseline.entry is not None:
            numbers = self.recommendation_numbers.get(baseline.entry, set())
            kind, year = self._entry_type(baseline.entry), self._entry_year(baseline.entry)
            sources.append((short_label(kind, year), numbers, baseline))
        elif baseline is not None:
            stored = self.stored_by_pk.get(baseline.assessment_id) or Assessment.objects.get(pk=baseline.assessment_id)
            sources.append((stored.short_label, self._stored_numbers(stored), baseline))
        return sources

    def _reference(self, path, value, sources, quiet=False):
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"R{value}"
        match = REFERENCE.fullmatch(normalise_name(value)) if isinstance(value, str) else None
        if match is None:
            self.problem(path, ERROR_REFERENCE_INVALID.format(value=shown(value)))
            return None
        label, number = match.group(1), int(match.group(2))
        if label:
            sources = [source for source in sources if normalise_name(source[0]) == label]
        found = [source for source in sources if number in source[1]]
        if not found:
            if quiet and self.problems:  # never quiet alone: the file is refused for the problem already listed
                return None
            where = " or ".join(source[0] for source in sources) or "the file"
            self.problem(path, ERROR_REFERENCE_UNKNOWN.format(value=shown(value), where=where))
            return None
        if len(found) > 1:
            first, second = (f"{source[0]} R{number}" for source in found[:2])
            self.problem(path, ERROR_REFERENCE_AMBIGUOUS.format(value=shown(value), first=first, second=second))
            return None
        return RecommendationRef(owner=found[0][2], number=number)

    def _check_removed_recommendations(self):
        """A stored recommendation the file leaves out is removed, unless the action plan or another report uses it."""
        replacing = {
            plan.existing.pk for plan in self.planned.values() if plan.existing and plan.next_steps is not None
        }
        for plan in self.planned.values():
            if plan.existing is None or plan.recommendations is None:
                continue
            keep = {row.number for row in plan.recommendations}
            removed = list(
                Recommendation.objects.filter(assessment=plan.existing).exclude(number__in=keep).order_by("number")
            )
            if not removed:
                continue
            path = ("assessments", plan.index, "recommendations")
            with_actions = set(
                Action.objects.filter(recommendation__in=removed).values_list("recommendation_id", flat=True)
            )
            links = defaultdict(list)
            for step in (
                NextStep.objects.filter(recommendation__in=removed)
                .exclude(assessment__in=replacing)
                .select_related("assessment__department")
            ):
                links[step.recommendation_id].append(step.assessment)
            for recommendation in removed:
                if recommendation.pk in with_actions:
                    message = ERROR_RECOMMENDATION_HAS_ACTIONS.format(label=plan.label, number=recommendation.number)
                    self.problem(path, message)
                for assessment in links.get(recommendation.pk, [])[:1]:
                    other = label_of(assessment.department, assessment.assessment_type, assessment.year)
                    message = ERROR_RECOMMENDATION_LINKED.format(
                        label=plan.label, number=recommendation.number, other=other
                    )
                    self.problem(path, message)


def validate(document, *, lookups, today):
    """The plan of the import (one PlannedAssessment per entry, in file order), or every problem raised."""
    checker = _Checker(document, lookups, today)
    plan = checker.check()
    if checker.problems:
        raise ReportImportError(checker.problems_in_file_order())
    return plan
