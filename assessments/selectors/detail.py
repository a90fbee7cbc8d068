"""One assessment, ratings grouped by theme in framework order, with what each page needs beside them.

A fixed number of queries whatever the number of areas or evidence items (asserted in the tests).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from assessments.models import AreaRating, Evidence, ThemeSummary
from assessments.selectors.framework import framework_levels

from .assessments import previous_published, published_levels_by_area
from .plausibility import flags_for, good_practice_position

NOT_STARTED = "Not started"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"


def task_status(rating, evidence_count):
    if rating.is_complete:
        return COMPLETED
    if rating.self_rating_id or rating.narrative.strip() or evidence_count:
        return IN_PROGRESS
    return NOT_STARTED


def gap_words(gap):
    """The gap in words, so it is never shown by colour alone."""
    if gap is None:
        return ""
    if gap == 0:
        return "Same rating"
    levels = "level" if abs(gap) == 1 else "levels"
    return f"Assessor {abs(gap)} {levels} {'higher' if gap > 0 else 'lower'}"


@dataclass
class AreaRow:
    rating: AreaRating
    evidence: list
    previous_level: object = None
    flags: list = field(default_factory=list)

    @property
    def area(self):
        return self.rating.area

    @property
    def status(self):
        return task_status(self.rating, len(self.evidence))

    @property
    def gap(self):
        return self.rating.gap

    @property
    def gap_words(self):
        return gap_words(self.rating.gap)


@dataclass
class ThemeGroup:
    theme: object
    rows: list
    summary: object = None


@dataclass
class AssessmentDetail:
    assessment: object
    themes: list
    previous: object
    levels: list

    @property
    def rows(self):
        return [row for group in self.themes for row in group.rows]

    @property
    def completed_count(self):
        return sum(1 for row in self.rows if row.rating.is_complete)

    @property
    def area_count(self):
        return len(self.rows)

    @property
    def all_complete(self):
        return self.completed_count == self.area_count

    @property
    def flag_count(self):
        return sum(len(row.flags) for row in self.rows)

    @property
    def unrated_by_assessor(self):
        return [row for row in self.rows if row.rating.assessor_rating_id is None]


def _ratings(assessment):
    return (
        AreaRating.objects.filter(assessment=assessment)
        .select_related("area__theme", "self_rating", "assessor_rating", "baseline_rating", "updated_by")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by")))
    )


def assessment_detail(assessment):
    ratings = list(_ratings(assessment))
    summaries = {s.theme_id: s for s in ThemeSummary.objects.filter(assessment=assessment).select_related("theme")}
    previous = previous_published(assessment)
    previous_levels = published_levels_by_area(previous)
    levels = framework_levels(assessment.framework)
    good_practice_from = good_practice_position(levels)
    previous_label = previous.short_label if previous else ""
    groups = {}
    for rating in ratings:
        evidence = list(rating.evidence.all())
        previous_level = previous_levels.get(rating.area_id)
        row = AreaRow(
            rating=rating,
            evidence=evidence,
            previous_level=previous_level,
            # The checks are of the department's own rating, narrative and evidence: a self-assessment's. TNA's
            # report only shows the department's ratings beside its own (the narratives stay in the self-assessment).
            flags=[]
            if assessment.is_tna_led
            else flags_for(
                rating=rating,
                evidence_count=len(evidence),
                previous_level=previous_level,
                previous_label=previous_label,
                good_practice_from=good_practice_from,
            ),
        )
        theme = rating.area.theme
        if theme.pk not in groups:
            groups[theme.pk] = ThemeGroup(theme=theme, rows=[], summary=summaries.get(theme.pk))
        groups[theme.pk].rows.append(row)
    return AssessmentDetail(assessment=assessment, themes=list(groups.values()), previous=previous, levels=levels)


@dataclass
class AreaPage:
    row: AreaRow
    previous: object
    levels: list
    next_rating_id: int | None
    next_to_do_rating_id: int | None
    position: int
    area_count: int


def area_page(assessment, rating_id):
    """One area of an assessment, with its evidence, previous published rating and the next area to do."""
    detail = assessment_detail(assessment)
    rows = detail.rows
    for index, row in enumerate(rows):
        if row.rating.pk == rating_id:
            following = rows[index + 1].rating.pk if index + 1 < len(rows) else None
            # The lead's "Save and continue" skips areas already complete, so fixing one returned
            # area leads to check your answers rather than through every later area.
            to_do = [other.rating.pk for other in rows[index + 1 :] if not other.rating.is_complete]
            return AreaPage(
                row=row,
                previous=detail.previous,
                levels=detail.levels,
                next_rating_id=following,
                next_to_do_rating_id=to_do[0] if to_do else None,
                position=index + 1,
                area_count=len(rows),
            )
    raise Http404("No such area in this assessment")


def theme_group(assessment, summary_id):
    """The theme whose summary is `summary_id`, with its area rows, from the same detail read."""
    detail = assessment_detail(assessment)
    for group in detail.themes:
        if group.summary is not None and group.summary.pk == summary_id:
            return detail, group
    raise Http404("No such theme in this assessment")
