"""One department's dashboard: its ratings over time, an anonymised benchmark, and its action plans.

A fixed number of queries: the department's published assessments, their ratings, the levels of
their framework versions, the target version's areas, the area mappings, one grouped count for
the benchmark, and the department's actions.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from actionplans.choices import CLOSED_STATUSES, PlanStatus, Rag
from actionplans.models import Action
from actionplans.rules import days_overdue, rag_status
from assessments.models import AreaRating, Assessment

from ..rules import benchmark_minimum, quartiles
from .common import PUBLISHED, areas_of, levels_by_id, ranked_published
from .mapping import NOT_COMPARABLE, Carried, carry, level_translator, mapping_sources

NEXT_DEADLINES = 5


@dataclass
class TrendColumn:
    assessment: object
    other_framework: bool

    @property
    def label(self):
        return self.assessment.column_label

    @property
    def chart_label(self):
        words = {
            Assessment.Type.IMA: "IMA",
            Assessment.Type.PROGRESS_REVIEW: "Review",
            Assessment.Type.REASSESSMENT: "Reassessment",
            Assessment.Type.SELF_ASSESSMENT: "Self-assessed",
        }
        return words.get(self.assessment.assessment_type, "")


@dataclass
class TrendRow:
    area: object
    cells: list  # Carried, one per column

    def cell_text(self, cell):
        if not cell.comparable:
            return NOT_COMPARABLE
        return cell.level.name if cell.level else "Not rated"


@dataclass
class Trends:
    framework: object = None
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    levels: list = field(default_factory=list)  # the target framework's scale, lowest first
    latest: object = None

    @property
    def has_other_frameworks(self):
        return any(column.other_framework for column in self.columns)


def department_trends(department):
    """Every published assessment of the department in date order, each area on the latest version's terms."""
    assessments = list(
        Assessment.objects.filter(department=department, status=PUBLISHED)
        .select_related("framework")
        .order_by("year", "created_at", "pk")
    )
    if not assessments:
        return Trends()
    latest = assessments[-1]
    target = latest.framework
    levels = levels_by_id({assessment.framework_id for assessment in assessments})
    translate = level_translator(levels, target.pk)
    framework_of = {assessment.pk: assessment.framework_id for assessment in assessments}
    ratings, area_framework = defaultdict(dict), {}
    for assessment_id, area_id, level_id in (
        AreaRating.objects.filter(assessment__in=[a.pk for a in assessments])
        .order_by()
        .values_list("assessment_id", "area_id", "assessor_rating_id")
    ):
        ratings[assessment_id][area_id] = levels.get(level_id)
        area_framework[area_id] = framework_of[assessment_id]
    sources = mapping_sources() if any(a.framework_id != target.pk for a in assessments) else {}
    columns = [TrendColumn(assessment=a, other_framework=a.framework_id != target.pk) for a in assessments]
    rows = []
    for area in areas_of(target.pk):
        cells = [
            carry(
                target_area_id=area.pk,
                assessment_framework_id=assessment.framework_id,
                target_framework_id=target.pk,
                ratings=ratings[assessment.pk],
                area_framework=area_framework,
                sources=sources,
                translate=translate,
            )
            for assessment in assessments
        ]
        rows.append(TrendRow(area=area, cells=cells))
    ordered_levels = sorted((level for level in levels.values() if level.framework_id == target.pk), key=_position)
    return Trends(framework=target, columns=columns, rows=rows, levels=ordered_levels, latest=latest)


def _position(level):
    return level.position


@dataclass
class BenchmarkRow:
    area: object
    own: object  # LevelInfo | None: the department's latest rating
    counts: dict  # position → number of departments (this one included)
    rated: int
    suppressed: bool
    lower_quartile: int | None = None
    median: int | None = None
    upper_quartile: int | None = None
    lower: int = 0
    same: int = 0
    higher: int = 0


def department_benchmark(trends, *, minimum=None):
    """Each area's latest rating against every department's latest in the same framework version (one query).

    No department is named; an area rated by fewer than `minimum` departments (the service's rule:
    rules.benchmark_minimum(), the setting, unless given) is suppressed.
    """
    if trends.latest is None:
        return []
    minimum = minimum or benchmark_minimum()
    latest_each = ranked_published(framework_id=trends.framework.pk).filter(recency=1).values("pk")
    counts = defaultdict(Counter)
    for area_id, position, number in (
        AreaRating.objects.filter(assessment__in=latest_each, assessor_rating__isnull=False)
        .order_by()
        .values("area_id", "assessor_rating__position")
        .annotate(number=Count("pk"))
        .values_list("area_id", "assessor_rating__position", "number")
    ):
        counts[area_id][position] = number
    rows = []
    for trend_row in trends.rows:
        area_counts = counts.get(trend_row.area.pk, Counter())
        own = trend_row.cells[-1].level if trend_row.cells else None
        rated = sum(area_counts.values())
        row = BenchmarkRow(
            area=trend_row.area, own=own, counts=dict(area_counts), rated=rated, suppressed=rated < minimum
        )
        if not row.suppressed:
            row.lower_quartile, row.median, row.upper_quartile = quartiles(area_counts)
            if own is not None:
                # Counts of others: this department's own rating is taken out of "same".
                row.lower = sum(n for position, n in area_counts.items() if position < own.position)
                row.same = max(0, area_counts.get(own.position, 0) - 1)
                row.higher = sum(n for position, n in area_counts.items() if position > own.position)
        rows.append(row)
    return rows


@dataclass
class ActionSummary:
    open: int = 0
    overdue: int = 0
    closed: int = 0  # complete or not applicable
    rag: dict = field(default_factory=lambda: {Rag.RED: 0, Rag.AMBER: 0, Rag.GREEN: 0})  # of open actions
    plans: int = 0
    next_deadlines: list = field(default_factory=list)


@dataclass
class Deadline:
    action: object
    rag: str
    days_overdue: int


def department_actions(department, *, today):
    """Open, overdue and RAG counts of open actions in plans not closed by agreement, and the next deadlines.

    One query; derived states come from actionplans.rules alone.
    """
    summary = ActionSummary()
    actions = list(
        Action.objects.filter(plan__assessment__department=department)
        .exclude(plan__status=PlanStatus.CLOSED)
        .select_related("recommendation", "plan__assessment")
        .order_by("due_date", "plan_id", "recommendation__number", "sequence")
    )
    summary.plans = len({action.plan_id for action in actions})
    upcoming = []
    for action in actions:
        if action.status in CLOSED_STATUSES:
            summary.closed += 1
            continue
        rag = rag_status(due_date=action.due_date, status=action.status, today=today)
        late = days_overdue(due_date=action.due_date, status=action.status, today=today)
        summary.rag[rag] += 1
        summary.open += 1
        if late:
            summary.overdue += 1
        elif action.due_date is not None:
            upcoming.append(Deadline(action=action, rag=rag, days_overdue=late))
    summary.next_deadlines = upcoming[:NEXT_DEADLINES]
    return summary


__all__ = ["NOT_COMPARABLE", "Carried", "department_actions", "department_benchmark", "department_trends"]
