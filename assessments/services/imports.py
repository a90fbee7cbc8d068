"""Import of historic ratings (published IMAs, progress reviews, reassessments) from CSV or XLSX.

The whole file is checked before anything is written: one bad row and nothing is imported, and
every bad row is reported with its spreadsheet row number (the header is row 1). Re-importing the
same file changes nothing: assessments are matched on (department, type, year).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from accounts import access
from assessments.models import AreaRating, Assessment
from assessments.services.creation import assessment_create
from assessments.services.import_reading import ImportFileError, read_table
from assessments.services.import_validation import RatingsImportError, RowError, group_key, validate
from assessments.services.lifecycle import latest_baseline
from common.errors import NotAllowed
from common.history import save_with_history

__all__ = ["ImportResult", "ImportedAssessment", "RatingsImportError", "RowError", "ratings_import"]

ERROR_NOT_ASSESSOR = "Only assessors can import ratings."

# Order within one year, so a baseline is written before what is measured against it.
TYPE_ORDER = {
    Assessment.Type.IMA: 0,
    Assessment.Type.REASSESSMENT: 1,
    Assessment.Type.PROGRESS_REVIEW: 2,
    Assessment.Type.SELF_ASSESSMENT: 3,
}


@dataclass(frozen=True)
class ImportedAssessment:
    id: int
    department: str
    assessment_type: str
    year: int
    created: bool
    ratings: int

    @property
    def action(self):
        return "created" if self.created else "updated"

    @property
    def type_label(self):
        return Assessment.Type(self.assessment_type).label


@dataclass
class ImportResult:
    assessments: list = field(default_factory=list)
    rows: int = 0

    @property
    def created(self):
        return sum(1 for item in self.assessments if item.created)

    @property
    def updated(self):
        return len(self.assessments) - self.created

    @property
    def summary(self):
        return (
            f"Imported {self.rows} rating{'s' if self.rows != 1 else ''}: "
            f"{self.created} assessment{'s' if self.created != 1 else ''} created, {self.updated} updated"
        )


@transaction.atomic
def ratings_import(*, content, filename="", by=None):
    """Validate the whole file, then create or update one published assessment per (department, type, year)."""
    if by is not None and not access.is_assessor(by):
        raise NotAllowed(ERROR_NOT_ASSESSOR)
    try:
        table = read_table(content=content, filename=filename)
    except ImportFileError as error:
        raise RatingsImportError([RowError(error.row, error.message)]) from None
    rows = validate(table)
    return _write(rows, by=by, reason=f"Imported from {filename}" if filename else "Imported ratings")


# --- writing ----------------------------------------------------------------------------------


def _write(rows, *, by, reason):
    groups = defaultdict(list)
    for row in rows:
        groups[group_key(row)].append(row)
    result = ImportResult(rows=len(rows))
    touched = []
    for key in sorted(groups, key=lambda key: (key[2], TYPE_ORDER[key[1]], groups[key][0].number)):
        group = groups[key]
        assessment, created = _assessment_for(group[0], by=by, reason=reason)
        _apply_ratings(assessment, group, by=by, reason=reason)
        touched.append(assessment.pk)
        result.assessments.append(
            ImportedAssessment(
                id=assessment.pk,
                department=group[0].department.name,
                assessment_type=assessment.assessment_type,
                year=assessment.year,
                created=created,
                ratings=len(group),
            )
        )
    # A corrected baseline rating must show beside the reviews measured against it.
    for follow_up in Assessment.objects.filter(baseline__in=touched).exclude(pk__in=touched):
        _apply_ratings(follow_up, [], by=by, reason=reason)
    return result


def _baseline_for(row):
    if row.assessment_type not in Assessment.TYPES_WITH_BASELINE:
        return None
    # The same rule as opening a review in the service: the latest *published* IMA or reassessment.
    return latest_baseline(row.department, before_year=row.year - 1)


def _assessment_for(row, *, by, reason):
    baseline = _baseline_for(row)
    existing = Assessment.objects.filter(
        department=row.department, assessment_type=row.assessment_type, year=row.year
    ).first()
    if existing is None:
        published_on = datetime.date(row.year, 7, 1)  # the report's month is not in the file
        assessment = assessment_create(
            department=row.department,
            framework=row.framework,
            assessment_type=row.assessment_type,
            year=row.year,
            by=by,
            baseline=baseline,
            status=Assessment.Status.PUBLISHED,
            published_on=published_on,
            published_at=timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(12))),
            published_by=by,
        )
        return assessment, True
    if existing.baseline_id != (baseline.pk if baseline else None):
        existing.baseline = baseline
        save_with_history(existing, by=by, reason=reason, update_fields=["baseline", "updated_at"])
    return existing, False


def _apply_ratings(assessment, group, *, by, reason):
    """Set the assessor's rating and commentary from the file; refresh the baseline's ratings beside them."""
    baseline_levels = {}
    if assessment.baseline_id:
        baseline_levels = dict(
            AreaRating.objects.filter(assessment_id=assessment.baseline_id).values_list("area_id", "assessor_rating_id")
        )
    ratings = {rating.area_id: rating for rating in AreaRating.objects.filter(assessment=assessment)}
    for row in group:
        if row.area_id not in ratings:  # an area added to the framework after the assessment was made
            ratings[row.area_id] = AreaRating.objects.create(assessment=assessment, area_id=row.area_id, updated_by=by)
    wanted = {row.area_id: row for row in group}
    changed = []
    now = timezone.now()
    for area_id, rating in ratings.items():
        before = (rating.assessor_rating_id, rating.assessor_commentary, rating.baseline_rating_id)
        row = wanted.get(area_id)
        if row is not None:
            rating.assessor_rating_id = row.level_id
            if row.comment is not None:
                rating.assessor_commentary = row.comment
        rating.baseline_rating_id = baseline_levels.get(area_id) if assessment.baseline_id else None
        if (rating.assessor_rating_id, rating.assessor_commentary, rating.baseline_rating_id) != before:
            rating.version += 1
            rating.updated_by = by
            rating.updated_at = now
            changed.append(rating)
    if changed:
        bulk_update_with_history(
            changed,
            AreaRating,
            ["assessor_rating", "assessor_commentary", "baseline_rating", "version", "updated_by", "updated_at"],
            default_user=by,
            default_change_reason=reason,
        )
