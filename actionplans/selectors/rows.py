"""An action with its derived state (from actionplans.rules, the one rule), grouped by recommendation."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from actionplans.choices import Rag
from actionplans.models import Action, ProgressUpdate, Recommendation
from actionplans.rules import days_overdue, rag_status


@dataclass
class ActionRow:
    action: Action
    rag: str
    days_overdue: int
    review_comment: str = ""
    changed_since_accepted: bool = False
    new_since_accepted: bool = False

    @property
    def is_overdue(self):
        return self.days_overdue > 0

    @property
    def rag_label(self):
        return Rag(self.rag).label


@dataclass
class RecommendationGroup:
    recommendation: Recommendation
    rows: list = field(default_factory=list)


def action_row(action, *, today, **extra):
    return ActionRow(
        action=action,
        rag=rag_status(due_date=action.due_date, status=action.status, today=today),
        days_overdue=days_overdue(due_date=action.due_date, status=action.status, today=today),
        **extra,
    )


def actions_with_progress():
    return Action.objects.select_related("recommendation", "owner_user").prefetch_related(
        Prefetch(
            "progress_updates",
            queryset=ProgressUpdate.objects.select_related("author").order_by("date", "created_at", "pk"),
        )
    )


def groups_for_plans(plans, *, today):
    """{plan id: [RecommendationGroup…]} for any number of plans in three queries."""
    plans = list(plans)
    recommendations = Recommendation.objects.filter(
        assessment_id__in=[plan.assessment_id for plan in plans]
    ).select_related("theme", "area__theme")
    actions = actions_with_progress().filter(plan__in=plans).order_by("recommendation__number", "sequence")
    by_recommendation = defaultdict(list)
    for action in actions:
        by_recommendation[action.recommendation_id].append(action)
    plan_by_assessment = {plan.assessment_id: plan.pk for plan in plans}
    groups = {plan.pk: [] for plan in plans}
    for recommendation in sorted(recommendations, key=lambda r: (r.assessment_id, r.number)):
        group = RecommendationGroup(
            recommendation=recommendation,
            rows=[action_row(action, today=today) for action in by_recommendation[recommendation.pk]],
        )
        groups[plan_by_assessment[recommendation.assessment_id]].append(group)
    return groups


def rag_counts(rows):
    counts = {Rag.RED: 0, Rag.AMBER: 0, Rag.GREEN: 0}
    for row in rows:
        counts[row.rag] += 1
    return counts
