"""The assessor's one work queue: assessments to review, plans to review, comments to resolve, reports ready.

Four queries whatever the number of items (one per kind, each with its department joined), scoped through
the apps' own selectors and `accounts/access.py`. Oldest first: what has waited longest is at the top.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone

from accounts import access
from actionplans.choices import PlanStatus
from actionplans.selectors.plans import plans_visible_to
from assessments.models import Assessment
from assessments.selectors.assessments import assessment_list_for, assessor_queue
from reports.models import IssuedReport

ASSESSMENTS, PLANS, COMMENTS, REPORTS = "assessments", "plans", "comments", "reports"
KINDS = [
    (ASSESSMENTS, "Assessments to review"),
    (PLANS, "Action plans to review"),
    (COMMENTS, "Comments to resolve"),
    (REPORTS, "Reports ready"),
]
# A report issued in the last fortnight is news to the assessor team; older ones are on the assessment.
REPORTS_READY_DAYS = 14


@dataclass(frozen=True)
class WorkItem:
    kind: str
    kind_label: str
    title: str
    department: object
    url: str
    what: str
    since: datetime


def _assessments(user):
    for assessment in assessor_queue(user).select_related("department"):
        since = assessment.submitted_at or assessment.created_at
        what = "Submitted" if assessment.submitted_at else "Opened"
        yield WorkItem(
            ASSESSMENTS,
            f"Assessment: {assessment.get_status_display().lower()}",
            assessment.short_label,
            assessment.department,
            reverse("assessments:assessment_detail", args=[assessment.pk]),
            what,
            since,
        )


def _plans(user):
    plans = plans_visible_to(user).filter(status=PlanStatus.SUBMITTED).order_by("submitted_at", "pk")
    for plan in plans:
        assessment = plan.assessment
        yield WorkItem(
            PLANS,
            "Action plan",
            f"Action plan for the {assessment.short_label}",
            assessment.department,
            reverse("actionplans:plan_review", args=[plan.pk]),
            "Submitted",
            plan.submitted_at or plan.updated_at,
        )


def _comments(user):
    waiting = (
        assessment_list_for(user)
        .filter(status=Assessment.Status.FACTUAL_CHECK, factual_comments__resolved_at__isnull=True)
        .annotate(open_comments=Count("factual_comments"), oldest_comment=Min("factual_comments__created_at"))
        .select_related("department")
    )
    for assessment in waiting:
        count = assessment.open_comments
        yield WorkItem(
            COMMENTS,
            "Factual check",
            f"{count} comment{'s' if count != 1 else ''} on the {assessment.short_label}",
            assessment.department,
            reverse("assessments:factual_check", args=[assessment.pk]),
            "First comment",
            assessment.oldest_comment,
        )


def _reports(user):
    since = timezone.now() - timedelta(days=REPORTS_READY_DAYS)
    issued = (
        IssuedReport.objects.filter(issued_at__gte=since, assessment__in=assessment_list_for(user))
        .exclude(pdf="")
        .select_related("assessment__department")
    )
    for report in issued:
        assessment = report.assessment
        yield WorkItem(
            REPORTS,
            "Report",
            f"{report.get_kind_display()}, version {report.version}, for the {assessment.short_label}",
            assessment.department,
            reverse("reports:assessment_reports", args=[assessment.pk]),
            "Issued",
            report.issued_at,
        )


SOURCES = {ASSESSMENTS: _assessments, PLANS: _plans, COMMENTS: _comments, REPORTS: _reports}


def assessor_work_queue(user, *, kind="", department=None):
    """Every item waiting for TNA, oldest first, narrowed to one kind and one department when given."""
    if not access.is_assessor(user):
        return []
    kinds = [kind] if kind in SOURCES else list(SOURCES)
    items = [item for name in kinds for item in SOURCES[name](user)]
    if department is not None:
        items = [item for item in items if item.department.pk == department.pk]
    return sorted(items, key=lambda item: item.since)


def work_queue_counts(items):
    """{kind: number of items} for the summary above the queue."""
    counts = dict.fromkeys(SOURCES, 0)
    for item in items:
        counts[item.kind] += 1
    return counts
