"""What needs attention across government: departments due for reassessment, and overdue actions."""

from dataclasses import dataclass

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.models import Department
from actionplans.choices import PlanStatus, Rag
from actionplans.models import Action
from actionplans.rules import days_overdue, rag_status
from assessments.models import AreaRating, Assessment

from ..rules import (
    ReassessmentStatus,
    reassessment_due_year,
    reassessment_interval,
    reassessment_intervals,
    reassessment_status,
)
from .common import PUBLISHED, RECENCY

Type = Assessment.Type
BASELINE_TYPES = (Type.IMA, Type.REASSESSMENT)
DUE_STATUSES = (ReassessmentStatus.NEVER_ASSESSED, ReassessmentStatus.OVERDUE, ReassessmentStatus.DUE)
ORDER = [expression.copy() for expression in RECENCY]


@dataclass
class ReassessmentRow:
    department: object
    last_type: str | None
    last_year: int | None
    development_areas: int
    interval: int | None
    due_year: int | None
    status: str
    under_way: bool

    @property
    def last_label(self):
        if self.last_year is None:
            return "None published"
        words = {Type.IMA: "IMA", Type.REASSESSMENT: "Reassessment"}
        return f"{words.get(self.last_type, self.last_type)} {self.last_year}"


def _latest(queryset, field):
    return Subquery(queryset.order_by(*ORDER).values(field)[:1])


def reassessment_schedule(*, this_year, department_type="", intervals=None):
    """Every active department with when its next reassessment is due (one query).

    Listed: never assessed, overdue, due this year and due next year; most overdue first, then by name.
    `intervals` is the service's rule (rules.reassessment_intervals(), the setting, unless given).
    """
    intervals = intervals or reassessment_intervals()
    published = Assessment.objects.filter(department=OuterRef("pk"), status=PUBLISHED)
    baselines = published.filter(assessment_type__in=BASELINE_TYPES)
    development = (
        AreaRating.objects.filter(assessment_id=OuterRef("latest_id"), assessor_rating__position=1)
        .order_by()
        .values("assessment_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    departments = Department.objects.filter(is_active=True)
    if department_type:
        departments = departments.filter(department_type=department_type)
    departments = departments.annotate(
        last_year=_latest(baselines, "year"),
        last_type=_latest(baselines, "assessment_type"),
        latest_id=_latest(published, "pk"),
        development_areas=Coalesce(Subquery(development, output_field=IntegerField()), Value(0)),
        under_way=Exists(
            Assessment.objects.filter(department=OuterRef("pk"), assessment_type__in=BASELINE_TYPES).exclude(
                status=PUBLISHED
            )
        ),
    ).order_by("name")
    rows = []
    for department in departments:
        status = reassessment_status(
            last_year=department.last_year,
            development_areas=department.development_areas,
            this_year=this_year,
            intervals=intervals,
        )
        if status == ReassessmentStatus.NOT_DUE:
            continue
        known = department.last_year is not None
        rows.append(
            ReassessmentRow(
                department=department,
                last_type=department.last_type,
                last_year=department.last_year,
                development_areas=department.development_areas,
                interval=reassessment_interval(department.development_areas, intervals) if known else None,
                due_year=reassessment_due_year(
                    last_year=department.last_year, development_areas=department.development_areas, intervals=intervals
                )
                if known
                else None,
                status=status,
                under_way=department.under_way,
            )
        )
    rows.sort(key=lambda row: (row.due_year if row.due_year is not None else -1, row.department.name.casefold()))
    return rows


@dataclass
class OverdueRow:
    department_id: int
    department_name: str
    department_slug: str
    overdue: int = 0
    red: int = 0
    oldest_due: object = None
    most_days_overdue: int = 0


def overdue_by_department(*, today, department_type=""):
    """Overdue actions per department, by the one rule in actionplans.rules (one query).

    Actions of plans closed by agreement are left out: TNA agreed that enough had been done.
    """
    actions = Action.objects.filter(plan__assessment__department__is_active=True).exclude(
        plan__status=PlanStatus.CLOSED
    )
    if department_type:
        actions = actions.filter(plan__assessment__department__department_type=department_type)
    # Narrowing only: whatever else the rule says, nothing due today or later is overdue.
    actions = actions.filter(Q(due_date__lt=today))
    rows = {}
    for department_id, name, slug, due_date, status in actions.values_list(
        "plan__assessment__department_id",
        "plan__assessment__department__name",
        "plan__assessment__department__slug",
        "due_date",
        "status",
    ):
        late = days_overdue(due_date=due_date, status=status, today=today)
        if not late:
            continue
        row = rows.setdefault(department_id, OverdueRow(department_id, name, slug))
        row.overdue += 1
        if rag_status(due_date=due_date, status=status, today=today) == Rag.RED:
            row.red += 1
        if row.oldest_due is None or due_date < row.oldest_due:
            row.oldest_due = due_date
            row.most_days_overdue = late
    return sorted(rows.values(), key=lambda row: (-row.overdue, row.department_name.casefold()))
