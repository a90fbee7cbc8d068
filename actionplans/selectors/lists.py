from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef

from accounts import access
from actionplans.choices import CLOSED_STATUSES, PlanStatus
from actionplans.models import Action, ActionPlan, Recommendation
from actionplans.rules import days_overdue, rag_status
from assessments.models import Assessment

from .plans import plans_visible_to
from .rows import action_row, rag_counts


@dataclass
class PlanSummary:
    plan: ActionPlan
    rag: dict = field(default_factory=dict)
    actions: int = 0
    overdue: int = 0
    complete: int = 0


def plans_listed_for(user, *, department=None, status=""):
    """Plans the person may see, narrowed by the list's filters, without their actions: page it first,
    then `plan_summaries` for the page's plans, so the work does not grow with the number of plans."""
    # pk last: a page boundary must fall in the same place on every request.
    plans = plans_visible_to(user).order_by("assessment__department__name", "-assessment__year", "-pk")
    if department is not None:
        plans = plans.filter(assessment__department=department)
    if status:
        plans = plans.filter(status=status)
    return plans


def plan_summaries(plans, *, today):
    """Each plan with its action counts by RAG status, overdue and complete (one query for them all)."""
    summaries = {plan.pk: PlanSummary(plan=plan, rag={"red": 0, "amber": 0, "green": 0}) for plan in plans}
    for plan_id, due_date, action_status in Action.objects.filter(plan_id__in=summaries).values_list(
        "plan_id", "due_date", "status"
    ):
        summary = summaries[plan_id]
        summary.actions += 1
        summary.rag[rag_status(due_date=due_date, status=action_status, today=today)] += 1
        if days_overdue(due_date=due_date, status=action_status, today=today):
            summary.overdue += 1
        if action_status == "complete":
            summary.complete += 1
    return list(summaries.values())


def my_actions(user, *, today):
    """Actions the person owns in departments they belong to, soonest due first (closed plans left out)."""
    actions = (
        Action.objects.filter(access.department_scope_q(user, "plan__assessment__department"), owner_user=user)
        .exclude(plan__status=PlanStatus.CLOSED)
        .select_related("recommendation", "owner_user", "plan__assessment__department")
        .order_by("due_date", "plan_id", "recommendation__number", "sequence")
    )
    return [action_row(action, today=today) for action in actions]


def my_action_counts(rows):
    return {"total": len(rows), "overdue": sum(1 for row in rows if row.is_overdue), "rag": rag_counts(rows)}


def assessments_awaiting_plan(user):
    """Published assessments with recommendations but no plan yet, in the person's scope (a queryset: page it)."""
    return (
        Assessment.objects.filter(access.assessment_scope_q(user), status=Assessment.Status.PUBLISHED)
        .filter(Exists(Recommendation.objects.filter(assessment=OuterRef("pk"))))
        .filter(action_plan__isnull=True)
        .select_related("department")
        .annotate(recommendation_count=Count("recommendations"))
        .order_by("department__name", "-year", "-pk")
    )


def recommendations_visible_to(user):
    """Every recommendation the person may see: of assessments whose TNA work they see (the recommendation
    list's rule, accounts.access.sees_tna_work), by department, newest assessment first, then number."""
    return (
        Recommendation.objects.filter(access.tna_work_scope_q(user, "assessment__"))
        .select_related("assessment__department", "theme", "area")
        .order_by("assessment__department__name", "-assessment__year", "-assessment_id", "number", "pk")
    )


def recommendations_for_assessment(assessment):
    """An assessment's recommendations with how many actions answer each (one query)."""
    return list(
        Recommendation.objects.filter(assessment=assessment)
        .select_related("theme", "area__theme")
        .annotate(action_count=Count("actions"))
        .order_by("number")
    )


def outstanding_recommendations(department, before_assessment):
    """Open recommendations from the department's earlier published assessments: they carry forward to
    `before_assessment` (its next progress review). Each carries `outstanding_actions` (with plan and owner),
    so a report can show what was agreed and how far it got (derive RAG with actionplans.rules). Three queries."""
    earlier = Assessment.objects.filter(department=department, status=Assessment.Status.PUBLISHED).exclude(
        pk=before_assessment.pk
    )
    earlier = earlier.filter(year__lt=before_assessment.year) | earlier.filter(
        year=before_assessment.year, created_at__lt=before_assessment.created_at
    )
    recommendations = list(
        Recommendation.objects.filter(assessment__in=earlier, status="open")
        .select_related("assessment", "theme", "area__theme")
        .order_by("assessment__year", "assessment__created_at", "number")
    )
    actions = defaultdict(list)
    for action in (
        Action.objects.filter(recommendation__in=recommendations)
        .select_related("owner_user", "plan")
        .order_by("sequence")
    ):
        actions[action.recommendation_id].append(action)
    for recommendation in recommendations:
        recommendation.outstanding_actions = actions[recommendation.pk]
        for action in recommendation.outstanding_actions:
            action.recommendation = recommendation  # labels need it; saves a query per action
    return recommendations


def actions_due_next(user, department_ids, *, today, limit=5):
    """The next open actions of the departments' accepted plans, soonest due first (overdue ones first of all)."""
    actions = (
        Action.objects.filter(
            access.department_scope_q(user, "plan__assessment__department"),
            plan__assessment__department__in=department_ids,
            plan__accepted_at__isnull=False,
        )
        .exclude(plan__status=PlanStatus.CLOSED)
        .exclude(status__in=CLOSED_STATUSES)
        .select_related("recommendation", "owner_user", "plan__assessment__department")
        .order_by(F("due_date").asc(nulls_last=True), "plan_id", "recommendation__number", "sequence")
    )
    return [action_row(action, today=today) for action in actions[:limit]]
