from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404

from accounts import access
from actionplans.choices import PlanStatus, ReviewDecision
from actionplans.models import Action, ActionComment, ActionPlan, PlanReview, ProgressUpdate
from actionplans.services.snapshot import action_differs, snapshot_actions

from .rows import RecommendationGroup, groups_for_plans, rag_counts


def plans_visible_to(user):
    return ActionPlan.objects.filter(access.department_scope_q(user, "assessment__department")).select_related(
        "assessment__department", "assessment__framework"
    )


def plan_for_user_or_404(user, pk):
    plan = plans_visible_to(user).filter(pk=pk).first()
    if plan is None:
        raise Http404("No such action plan")
    return plan


def actions_visible_to(user):
    """Actions of the plans the person may see (plans_visible_to's scope)."""
    return Action.objects.filter(access.department_scope_q(user, "plan__assessment__department")).select_related(
        "plan__assessment__department", "plan__assessment__framework", "recommendation", "owner_user"
    )


def action_for_user_or_404(user, pk):
    action = actions_visible_to(user).filter(pk=pk).first()
    if action is None:
        raise Http404("No such action")
    return action


def progress_update_for_user_or_404(user, pk):
    update = (
        ProgressUpdate.objects.filter(access.department_scope_q(user, "action__plan__assessment__department"), pk=pk)
        .select_related("action__plan__assessment__department", "action__recommendation", "author")
        .first()
    )
    if update is None:
        raise Http404("No such progress update")
    return update


def latest_review(plan):
    return (
        PlanReview.objects.filter(plan=plan)
        .select_related("reviewer")
        .prefetch_related(Prefetch("action_comments", queryset=ActionComment.objects.order_by("pk")))
        .first()
    )


def latest_accepted_review(plan):
    return PlanReview.objects.filter(plan=plan, decision=ReviewDecision.ACCEPTED).first()


@dataclass
class PlanPage:
    plan: ActionPlan
    groups: list
    review: PlanReview | None
    removed_since_accepted: list = field(default_factory=list)

    @property
    def rows(self):
        return [row for group in self.groups for row in group.rows]

    @property
    def rag_counts(self):
        return rag_counts(self.rows)

    @property
    def overdue_count(self):
        return sum(1 for row in self.rows if row.is_overdue)

    @property
    def owners(self):
        return sorted({row.action.owner_display for row in self.rows}, key=str.casefold)

    @property
    def shows_review_comments(self):
        return self.review is not None and self.plan.status in (PlanStatus.RETURNED, PlanStatus.DRAFT)


def plan_page(plan, *, today):
    """The plan grouped by recommendation, each action with its RAG, the latest review's comments and what
    changed since TNA last accepted it. A fixed number of queries however many actions there are."""
    groups = groups_for_plans([plan], today=today)[plan.pk]
    review = latest_review(plan)
    comments = {}
    if review is not None and review.decision == ReviewDecision.RETURNED:
        comments = {comment.action_id: comment.comment for comment in review.action_comments.all()}
    accepted = None
    if plan.changed_since_accepted:
        accepted = review if review and review.decision == ReviewDecision.ACCEPTED else latest_accepted_review(plan)
    accepted_actions = snapshot_actions(accepted.snapshot) if accepted else {}
    for group in groups:
        for row in group.rows:
            row.review_comment = comments.get(row.action.pk, "")
            if accepted:
                entry = accepted_actions.get(row.action.pk)
                row.new_since_accepted = entry is None
                row.changed_since_accepted = entry is not None and action_differs(row.action, entry)
    current_ids = {row.action.pk for group in groups for row in group.rows}
    removed = [entry for pk, entry in accepted_actions.items() if pk not in current_ids]
    return PlanPage(plan=plan, groups=groups, review=review, removed_since_accepted=removed)


def filter_groups(groups, *, status="", owner="", priority="", rag="", overdue=False):
    """The plan page's filters, applied to rows already carrying their derived state."""

    def keep(row):
        action = row.action
        return (
            (not status or action.status == status)
            and (not owner or action.owner_display == owner)
            and (not priority or action.priority == priority)
            and (not rag or row.rag == rag)
            and (not overdue or row.is_overdue)
        )

    return [
        RecommendationGroup(recommendation=group.recommendation, rows=[row for row in group.rows if keep(row)])
        for group in groups
    ]
