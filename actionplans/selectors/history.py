"""A plan's history as one timeline: status changes, action changes, reviews and progress updates."""

from dataclasses import dataclass
from datetime import datetime

from actionplans.choices import ActionStatus, PlanStatus, Priority
from actionplans.labels import action_label
from actionplans.models import Action, ActionPlan, PlanReview, ProgressUpdate, Recommendation

ACTION_FIELDS = {
    "description": "description",
    "owner_text": "owner",
    "owner_user_id": "linked person",
    "priority": "priority",
    "due_date": "due date",
    "status": "status",
}


REVIEW_SUMMARY = {"accepted": "Accepted the plan", "returned": "Returned the plan for changes"}


@dataclass
class HistoryEvent:
    when: datetime
    who: str
    summary: str
    detail: str = ""


def _who(user):
    return (user.full_name or user.email) if user else "The service"


def _plan_events(plan):
    events, previous = [], None
    for record in ActionPlan.history.filter(id=plan.pk).select_related("history_user").order_by("history_date"):
        if previous is None:
            events.append(HistoryEvent(record.history_date, _who(record.history_user), "Started the action plan"))
        elif record.status != previous.status:
            summary = (
                f"Plan status changed from {PlanStatus(previous.status).label} to {PlanStatus(record.status).label}"
            )
            events.append(HistoryEvent(record.history_date, _who(record.history_user), summary))
        previous = record
    return events


def _describe(field, value):
    if value in (None, ""):
        return "(none)"
    if field == "status":
        return ActionStatus(value).label
    if field == "priority":
        return Priority(value).label
    return str(value)


def _action_events(plan, numbers):
    events, previous_by_action = [], {}
    records = Action.history.filter(plan_id=plan.pk).select_related("history_user").order_by("history_date", "pk")
    for record in records:
        label = action_label(numbers.get(record.recommendation_id, 0), record.sequence)
        who = _who(record.history_user)
        previous = previous_by_action.get(record.id)
        if record.history_type == "+":
            events.append(HistoryEvent(record.history_date, who, f"Added action {label}", record.description))
        elif record.history_type == "-":
            events.append(HistoryEvent(record.history_date, who, f"Deleted action {label}", record.description))
        elif previous is not None:
            changes = [
                f"{name.capitalize()}: {_describe(field, getattr(previous, field))} → "
                f"{_describe(field, getattr(record, field))}"
                for field, name in ACTION_FIELDS.items()
                if getattr(previous, field) != getattr(record, field)
            ]
            if changes:
                events.append(HistoryEvent(record.history_date, who, f"Changed action {label}", "; ".join(changes)))
        previous_by_action[record.id] = record
    return events


def _review_events(plan):
    return [
        HistoryEvent(review.created_at, _who(review.reviewer), REVIEW_SUMMARY[review.decision], review.comment)
        for review in PlanReview.objects.filter(plan=plan).select_related("reviewer")
    ]


def _progress_events(plan, numbers):
    events = []
    for update in ProgressUpdate.objects.filter(action__plan=plan).select_related("author", "action"):
        label = action_label(numbers.get(update.action.recommendation_id, 0), update.action.sequence)
        summary = f"Progress update on {label}"
        if update.changes_status:
            summary += f": {ActionStatus(update.status_from).label} → {ActionStatus(update.status_to).label}"
        events.append(HistoryEvent(update.created_at, _who(update.author), summary, update.commentary))
    return events


def plan_history(plan):
    """Newest first. Six queries however long the history."""
    numbers = dict(Recommendation.objects.filter(assessment_id=plan.assessment_id).values_list("pk", "number"))
    events = _plan_events(plan) + _action_events(plan, numbers) + _review_events(plan) + _progress_events(plan, numbers)
    return sorted(events, key=lambda event: event.when, reverse=True)
