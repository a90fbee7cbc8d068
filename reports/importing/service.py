"""Writing a checked report file: each entry becomes (or updates) one published assessment with its texts,
ratings, theme narratives, recommendations and next steps.

Nothing is written until the whole file has been checked, and everything is written in one transaction.
Importing the same file again writes nothing (each value is compared before it is saved), so it leaves no
history behind; a changed file updates the same (department, type, year). History names the importing
person and the file (common.history, simple_history's bulk helpers).
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts import access
from actionplans.models import NextStep, Recommendation
from assessments.models import AreaRating, Assessment, ThemeSummary
from assessments.services.creation import assessment_create
from common.errors import NotAllowed
from common.history import delete_with_history, save_with_history

from .reading import read_document
from .validation import Lookups, validate

ERROR_NOT_ASSESSOR = "Only assessors from The National Archives can import reports."

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass(frozen=True)
class ImportedAssessment:
    id: int
    department: str  # short name, as the command prints it
    department_name: str
    assessment_type: str
    year: int
    action: str  # created, updated or unchanged

    @property
    def line(self):
        return f"assessment {self.id} {self.department} {self.assessment_type} {self.year}"

    @property
    def label(self):
        return Assessment(assessment_type=self.assessment_type, year=self.year).column_label

    @property
    def type_label(self):
        return Assessment.Type(self.assessment_type).label


@dataclass
class ImportResult:
    assessments: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for item in self.assessments if item.action == action)

    @property
    def summary(self):
        total = len(self.assessments)
        return (
            f"{total} assessment{'' if total == 1 else 's'} in the file: {self.count(CREATED)} created, "
            f"{self.count(UPDATED)} updated, {self.count(UNCHANGED)} unchanged"
        )


@transaction.atomic
def report_import(*, content, filename="", by):
    """Check the whole file, then create or update one published assessment per entry, in file order.

    Raises ReportImportError (every problem with its place; nothing written) or NotAllowed.
    """
    if not access.is_assessor(by):
        raise NotAllowed(ERROR_NOT_ASSESSOR)
    lookups = Lookups()
    document = read_document(content=content, filename=filename, key_of=lookups.key_of)
    plan = validate(document, lookups=lookups, today=timezone.localdate())
    reason = f"Imported from {filename}" if filename else "Imported report"
    return _Writer(lookups, by=by, reason=reason).write(plan)


def _noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class _Writer:
    def __init__(self, lookups, *, by, reason):
        self.lookups = lookups
        self.by = by
        self.reason = reason
        self.now = timezone.now()
        self.written = {}  # entry index → Assessment

    def write(self, plan):
        result = ImportResult()
        for item in plan:
            assessment, created, changed = self._assessment(item)
            self.written[item.index] = assessment
            changed |= self._ratings(assessment, item)
            changed |= self._themes(assessment, item)
            changed |= self._recommendations(assessment, item)
            changed |= self._next_steps(assessment, item)
            action = CREATED if created else UPDATED if changed else UNCHANGED
            result.assessments.append(
                ImportedAssessment(
                    id=assessment.pk,
                    department=item.department.short_name,
                    department_name=item.department.name,
                    assessment_type=item.assessment_type,
                    year=item.year,
                    action=action,
                )
            )
        # A baseline's corrected rating shows beside the reviews measured against it, in the file or not.
        touched = [assessment.pk for assessment in self.written.values()]
        for follow_up in Assessment.objects.filter(baseline__in=touched).exclude(pk__in=touched):
            self._ratings(follow_up, None)
        return result

    def _baseline(self, item):
        owner = item.baseline
        if owner is None:
            return None
        if owner.entry is not None:
            return self.written[owner.entry]
        return Assessment.objects.get(pk=owner.assessment_id)

    def _assessment(self, item):
        """(assessment, created, changed): a new published assessment, or the stored one brought up to date."""
        baseline = self._baseline(item)
        if item.existing is None:
            assessment = assessment_create(
                department=item.department,
                framework=item.framework,
                assessment_type=item.assessment_type,
                year=item.year,
                by=self.by,
                baseline=baseline,
                status=Assessment.Status.PUBLISHED,
                published_at=_noon(item.fields["published_on"]),
                published_by=self.by,
                **item.fields,
            )
            return assessment, True, True
        assessment = Assessment.objects.select_for_update(of=("self",)).get(pk=item.existing.pk)
        changed = [name for name, value in item.fields.items() if getattr(assessment, name) != value]
        for name in changed:
            setattr(assessment, name, item.fields[name])
        if assessment.baseline_id != (baseline.pk if baseline else None):
            assessment.baseline = baseline
            changed.append("baseline")
        if "published_on" in changed:
            assessment.published_at = _noon(assessment.published_on)
            changed.append("published_at")
        if changed:
            save_with_history(assessment, by=self.by, reason=self.reason, update_fields=[*changed, "updated_at"])
        return assessment, False, bool(changed)

    def _ratings(self, assessment, item):
        """The file's ratings as the assessor's (areas it leaves out unrated); the baseline's beside them."""
        ratings = {rating.area_id: rating for rating in AreaRating.objects.filter(assessment=assessment)}
        missing = [
            area_id for area_id in self.lookups.area_ids.get(assessment.framework_id, []) if area_id not in ratings
        ]
        if missing and item is not None:  # an area added to the framework after the assessment was made
            bulk_create_with_history(
                [AreaRating(assessment=assessment, area_id=area_id, updated_by=self.by) for area_id in missing],
                AreaRating,
                default_user=self.by,
                default_change_reason=self.reason,
            )
            ratings = {rating.area_id: rating for rating in AreaRating.objects.filter(assessment=assessment)}
        baseline_levels = {}
        if assessment.baseline_id:
            baseline_levels = dict(
                AreaRating.objects.filter(assessment_id=assessment.baseline_id).values_list(
                    "area_id", "assessor_rating_id"
                )
            )
        changed = []
        for area_id, rating in ratings.items():
            before = (rating.assessor_rating_id, rating.baseline_rating_id)
            if item is not None and item.ratings is not None:
                rating.assessor_rating_id = item.ratings.get(area_id)
            rating.baseline_rating_id = baseline_levels.get(area_id)
            if (rating.assessor_rating_id, rating.baseline_rating_id) != before:
                rating.version += 1
                rating.updated_by = self.by
                rating.updated_at = self.now
                changed.append(rating)
        if changed:
            bulk_update_with_history(
                changed,
                AreaRating,
                ["assessor_rating", "baseline_rating", "version", "updated_by", "updated_at"],
                default_user=self.by,
                default_change_reason=self.reason,
            )
        return bool(changed) or bool(missing and item is not None)

    def _themes(self, assessment, item):
        if item.themes is None:
            return False
        summaries = {summary.theme_id: summary for summary in ThemeSummary.objects.filter(assessment=assessment)}
        missing = [
            theme_id for theme_id in self.lookups.theme_ids[assessment.framework_id] if theme_id not in summaries
        ]
        if missing:
            bulk_create_with_history(
                [ThemeSummary(assessment=assessment, theme_id=theme_id) for theme_id in missing],
                ThemeSummary,
                default_user=self.by,
                default_change_reason=self.reason,
            )
            summaries = {summary.theme_id: summary for summary in ThemeSummary.objects.filter(assessment=assessment)}
        changed = []
        for theme_id, summary in summaries.items():
            wanted = item.themes.get(theme_id, ("", ""))
            if (summary.situation_at_time, summary.progress_narrative) != wanted:
                summary.situation_at_time, summary.progress_narrative = wanted
                summary.version += 1
                summary.updated_at = self.now
                changed.append(summary)
        if changed:
            bulk_update_with_history(
                changed,
                ThemeSummary,
                ["situation_at_time", "progress_narrative", "version", "updated_at"],
                default_user=self.by,
                default_change_reason=self.reason,
            )
        return bool(changed or missing)

    def _recommendations(self, assessment, item):
        """The file's recommendations, matched on their number; those it leaves out are removed."""
        if item.recommendations is None:
            return False
        stored = {
            recommendation.number: recommendation
            for recommendation in Recommendation.objects.filter(assessment=assessment)
        }
        changed = False
        for row in item.recommendations:
            recommendation = stored.pop(row.number, None)
            wanted = (row.text, row.priority, row.theme_id, row.area_id)
            if recommendation is None:
                recommendation = Recommendation(
                    assessment=assessment,
                    number=row.number,
                    text=row.text,
                    priority=row.priority,
                    theme_id=row.theme_id,
                    area_id=row.area_id,
                    created_by=self.by,
                )
                save_with_history(recommendation, by=self.by, reason=self.reason)
                changed = True
            elif (recommendation.text, recommendation.priority, recommendation.theme_id, recommendation.area_id) != (
                wanted
            ):
                recommendation.text, recommendation.priority, recommendation.theme_id, recommendation.area_id = wanted
                save_with_history(
                    recommendation,
                    by=self.by,
                    reason=self.reason,
                    update_fields=["text", "priority", "theme", "area", "updated_at"],
                )
                changed = True
        for recommendation in stored.values():  # validation made sure nothing else uses them
            delete_with_history(recommendation, by=self.by, reason=self.reason)
            changed = True
        return changed

    def _recommendation_id(self, reference):
        if reference is None:
            return None
        owner = reference.owner
        assessment_id = self.written[owner.entry].pk if owner.entry is not None else owner.assessment_id
        return Recommendation.objects.get(assessment_id=assessment_id, number=reference.number).pk

    def _next_steps(self, assessment, item):
        """The report's Next steps items as in the file, in order."""
        if item.next_steps is None:
            return False
        stored = list(NextStep.objects.filter(assessment=assessment).order_by("position", "pk"))
        changed = False
        for position, (text, reference) in enumerate(item.next_steps, start=1):
            recommendation_id = self._recommendation_id(reference)
            if stored:
                step = stored.pop(0)
                if (step.position, step.text, step.recommendation_id) != (position, text, recommendation_id):
                    step.position, step.text, step.recommendation_id = position, text, recommendation_id
                    save_with_history(
                        step,
                        by=self.by,
                        reason=self.reason,
                        update_fields=["position", "text", "recommendation", "updated_at"],
                    )
                    changed = True
            else:
                step = NextStep(
                    assessment=assessment,
                    position=position,
                    text=text,
                    recommendation_id=recommendation_id,
                    created_by=self.by,
                )
                save_with_history(step, by=self.by, reason=self.reason)
                changed = True
        for step in stored:
            delete_with_history(step, by=self.by, reason=self.reason)
            changed = True
        return changed
