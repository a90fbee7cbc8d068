"""Checking a ratings file row by row, against the database and against the rest of the file.

Every problem is collected (one message per bad row, its reasons joined), so the person
importing can fix the whole file at once.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Department
from assessments.models import Assessment, FrameworkVersion
from common.errors import ServiceError
from common.names import first_messages, normalise_name, shorten

FIRST_YEAR = 2000  # the database refuses earlier years (assessments began in 2008)

# Error messages (GOV.UK style: say what is wrong and what to do). Tests assert these texts.
ERROR_REQUIRED_BLANK = "Enter the {column}"
ERROR_DEPARTMENT_UNKNOWN = 'Department "{value}" is not known: use a department\'s name or short name'
ERROR_TYPE_UNKNOWN = 'Assessment type "{value}" is not known: use ima, progress_review, reassessment or self_assessment'
ERROR_YEAR_INVALID = 'Year "{value}" is not valid: enter a year from 2000 to {last}, like 2014'
ERROR_FRAMEWORK_UNKNOWN = (
    'Framework "{value}" is not known: use a framework version\'s name or slug, or leave it blank for the current one'
)
ERROR_NO_CURRENT_FRAMEWORK = "No framework version is marked as current: name the framework in a framework column"
ERROR_AREA_UNKNOWN = 'Performance area "{value}" is not in {framework}: use an area\'s name as published'
ERROR_RATING_UNKNOWN = 'Rating "{value}" is not on the rating scale of {framework}: use one of {levels}'
ERROR_DUPLICATE_ROW = "Repeats row {other}: the same department, assessment type, year and performance area"
ERROR_FRAMEWORK_MIXED = (
    "Names the framework {framework}, but row {other} names {first} for the same assessment: use one framework"
)
ERROR_EXISTING_SEVERAL = "{label} exists more than once: update it in the service instead"
ERROR_EXISTING_NOT_PUBLISHED = (
    "{label} exists and is {status}: an import only updates published assessments, so finish or remove it first"
)
ERROR_EXISTING_OTHER_FRAMEWORK = "{label} exists against {framework}: name that framework in the framework column"
ROWS_NEED_FIXING = (
    "The selected file has problems in {count} row{s}. Nothing was imported. "
    "Fix the rows listed and upload the file again"
)
MORE_ROWS = "And {count} more row{s} to fix"


@dataclass(frozen=True)
class RowError:
    row: int | None  # None: about the file as a whole
    message: str

    def __str__(self):
        return f"Row {self.row}: {self.message}" if self.row else self.message


class RatingsImportError(ServiceError):
    """The file was refused; `errors` lists every bad row (a RowError each). Nothing was written.

    Its `message` is a list, shown on the upload form's file field (so the one error summary lists it):
    the file's one problem, or how many rows need fixing followed by each row with its number.
    """

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda error: error.row or 0)
        super().__init__(_messages(self.errors), field="file")

    def __str__(self):
        return "; ".join(str(error) for error in self.errors)


def _messages(errors):
    if len(errors) == 1 and errors[0].row is None:  # the file as a whole, not a row
        return [errors[0].message]
    count = len(errors)
    listed = first_messages((str(error) for error in errors), more=MORE_ROWS)
    return [ROWS_NEED_FIXING.format(count=count, s="" if count == 1 else "s"), *listed]


@dataclass
class ValidRow:
    number: int
    department: Department
    assessment_type: str
    year: int
    framework: FrameworkVersion
    area_id: int
    level_id: int
    comment: str | None  # None when the file has no comment column: leave commentary alone


class _Lookups:
    """Everything a row is matched against, loaded once (a handful of queries whatever the file size)."""

    def __init__(self):
        departments = list(Department.objects.all())
        self.departments = {normalise_name(department.short_name): department for department in departments}
        # Names win over short names if the two ever collide.
        self.departments.update({normalise_name(department.name): department for department in departments})
        self.types = {}
        for value, label in Assessment.Type.choices:
            for name in (value, value.replace("_", " "), label):
                self.types[normalise_name(name)] = value
        frameworks = list(FrameworkVersion.objects.prefetch_related("levels", "themes__areas"))
        self.current = next((framework for framework in frameworks if framework.is_current), None)
        self.frameworks = {}
        self.areas = {}
        self.levels = {}
        for framework in frameworks:
            self.frameworks[normalise_name(framework.slug)] = framework
            self.frameworks[normalise_name(framework.name)] = framework
            self.areas[framework.pk] = {
                normalise_name(area.name): area for theme in framework.themes.all() for area in theme.areas.all()
            }
            levels = {normalise_name(level.abbreviation): level for level in framework.levels.all()}
            levels.update({normalise_name(level.name): level for level in framework.levels.all()})
            self.levels[framework.pk] = levels


def validate(table):
    """Every row checked against the database and the rest of the file; the valid rows, or every error."""
    lookups = _Lookups()
    errors = defaultdict(list)
    rows = []
    last_year = timezone.localdate().year
    for number, values in table.rows:
        problems = []
        row = _parse_row(number, values, table.has_comment, lookups, last_year, problems)
        if problems:
            errors[number].extend(problems)
        else:
            rows.append(row)
    _check_file_consistency(rows, errors)
    _check_existing(rows, errors)
    if errors:
        raise RatingsImportError([RowError(number, "; ".join(problems)) for number, problems in errors.items()])
    return rows


def _parse_row(number, values, has_comment, lookups, last_year, problems):
    for column in ("department", "assessment_type", "year", "performance_area", "rating"):
        if not values.get(column, "").strip():
            problems.append(ERROR_REQUIRED_BLANK.format(column=column.replace("_", " ")))
    if problems:
        return None
    department = lookups.departments.get(normalise_name(values["department"]))
    if department is None:
        problems.append(ERROR_DEPARTMENT_UNKNOWN.format(value=shorten(values["department"])))
    assessment_type = lookups.types.get(normalise_name(values["assessment_type"]))
    if assessment_type is None:
        problems.append(ERROR_TYPE_UNKNOWN.format(value=shorten(values["assessment_type"])))
    year = _parse_year(values["year"])
    if year is None or not FIRST_YEAR <= year <= last_year:
        problems.append(ERROR_YEAR_INVALID.format(value=shorten(values["year"]), last=last_year))
    framework_name = values.get("framework", "").strip()
    framework = lookups.frameworks.get(normalise_name(framework_name)) if framework_name else lookups.current
    if framework is None:
        unknown = ERROR_FRAMEWORK_UNKNOWN.format(value=shorten(framework_name))
        problems.append(unknown if framework_name else ERROR_NO_CURRENT_FRAMEWORK)
        return None
    area = lookups.areas[framework.pk].get(normalise_name(values["performance_area"]))
    if area is None:
        problems.append(_unknown_area_message(values["performance_area"], framework))
    level = lookups.levels[framework.pk].get(normalise_name(values["rating"]))
    if level is None:
        problems.append(_unknown_rating_message(values["rating"], framework))
    if problems:
        return None
    return ValidRow(
        number=number,
        department=department,
        assessment_type=assessment_type,
        year=year,
        framework=framework,
        area_id=area.pk,
        level_id=level.pk,
        comment=values.get("comment", "").strip() if has_comment else None,
    )


def _unknown_area_message(value, framework):
    return ERROR_AREA_UNKNOWN.format(value=shorten(value), framework=framework.name)


def _unknown_rating_message(value, framework):
    names = ", ".join(level.name for level in framework.levels.all())
    return ERROR_RATING_UNKNOWN.format(value=shorten(value), framework=framework.name, levels=names)


def _parse_year(text):
    text = text.strip()
    # Spreadsheets hand numbers over as "2013.0".
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


def group_key(row):
    return (row.department.pk, row.assessment_type, row.year)


def _check_file_consistency(rows, errors):
    seen_area = {}
    seen_framework = {}
    for row in rows:
        key = (*group_key(row), row.area_id)
        if key in seen_area:
            errors[row.number].append(ERROR_DUPLICATE_ROW.format(other=seen_area[key]))
        else:
            seen_area[key] = row.number
        first = seen_framework.setdefault(group_key(row), row)
        if first.framework != row.framework:
            errors[row.number].append(
                ERROR_FRAMEWORK_MIXED.format(
                    framework=row.framework.name, other=first.number, first=first.framework.name
                )
            )


def _label(row):
    return f"{row.department.name} {Assessment.Type(row.assessment_type).label.lower()} {row.year}".replace(
        "information management assessment", "IMA"
    )


def _check_existing(rows, errors):
    first_rows = {}
    for row in rows:
        first_rows.setdefault(group_key(row), row)
    existing = defaultdict(list)
    candidates = Assessment.objects.filter(
        department__in={row.department.pk for row in rows}, year__in={row.year for row in rows}
    ).select_related("framework")
    for assessment in candidates:
        existing[(assessment.department_id, assessment.assessment_type, assessment.year)].append(assessment)
    for key, row in first_rows.items():
        found = existing.get(key, [])
        if len(found) > 1:
            errors[row.number].append(ERROR_EXISTING_SEVERAL.format(label=_label(row)))
        elif found and found[0].status != Assessment.Status.PUBLISHED:
            errors[row.number].append(
                ERROR_EXISTING_NOT_PUBLISHED.format(label=_label(row), status=found[0].get_status_display().lower())
            )
        elif found and found[0].framework_id != row.framework.pk:
            errors[row.number].append(
                ERROR_EXISTING_OTHER_FRAMEWORK.format(label=_label(row), framework=found[0].framework.name)
            )
