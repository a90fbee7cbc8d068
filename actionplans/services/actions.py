from django.db import transaction
from django.db.models import Max

from accounts import access
from actionplans.choices import RecommendationStatus
from actionplans.models import Action
from common.errors import ServiceError
from common.history import delete_with_history, save_with_history
from common.versions import check_version, next_version

from .common import lock_plan, require_lead
from .plans import check_editable, mark_changed

RECOMMENDATION_NOT_IN_PLAN = "Select one of this assessment's recommendations"
RECOMMENDATION_CLOSED = "{label} is closed: add actions only to open recommendations"
OWNER_NOT_MEMBER = "Select a person who belongs to the department, or leave the person empty"
STALE_ACTION = "{who} changed action {label} at {when}, after you opened this page. Your changes have not been saved."
ACTION_HAS_PROGRESS = (
    "{label} already has progress updates, so it cannot be deleted. Add a progress update setting it to Not applicable"
)

EDITABLE_FIELDS = ("description", "owner_text", "owner_user", "priority", "due_date")


def _check_owner(plan, owner_user):
    if owner_user is not None and not access.is_member(owner_user, plan.assessment.department):
        raise ServiceError(OWNER_NOT_MEMBER, field="owner_user")


def _lock_action(action):
    return (
        Action.objects.select_for_update(of=("self",))
        .select_related("plan__assessment__department", "recommendation", "owner_user")
        .get(pk=action.pk)
    )


@transaction.atomic
def action_create(*, plan, by, recommendation, description, owner_text, priority, due_date, owner_user=None):
    plan = lock_plan(plan)
    require_lead(by, plan.assessment.department)
    check_editable(plan)
    if recommendation.assessment_id != plan.assessment_id:
        raise ServiceError(RECOMMENDATION_NOT_IN_PLAN, field="recommendation")
    if recommendation.status == RecommendationStatus.CLOSED:
        raise ServiceError(RECOMMENDATION_CLOSED.format(label=recommendation.label), field="recommendation")
    _check_owner(plan, owner_user)
    highest = plan.actions.filter(recommendation=recommendation).aggregate(highest=Max("sequence"))["highest"] or 0
    action = Action(
        plan=plan,
        recommendation=recommendation,
        sequence=highest + 1,
        description=description.strip(),
        owner_text=owner_text.strip(),
        owner_user=owner_user,
        priority=priority,
        due_date=due_date,
    )
    save_with_history(action, by=by, reason="Action added")
    mark_changed(plan, by)
    return action


@transaction.atomic
def action_update(*, action, by, version, description, owner_text, priority, due_date, owner_user=None):
    """`version` is the one the editor started from; a newer one in the database means a lost update."""
    action = _lock_action(action)
    plan = action.plan
    require_lead(by, plan.assessment.department)
    check_editable(plan)
    check_version(action, version, STALE_ACTION, label=action.label)
    _check_owner(plan, owner_user)
    new_values = {
        "description": description.strip(),
        "owner_text": owner_text.strip(),
        "owner_user": owner_user,
        "priority": priority,
        "due_date": due_date,
    }
    if all(getattr(action, field) == value for field, value in new_values.items()):
        return action
    for field, value in new_values.items():
        setattr(action, field, value)
    next_version(action)
    save_with_history(action, by=by, reason="Action changed")
    mark_changed(plan, by)
    return action


@transaction.atomic
def action_delete(*, action, by):
    action = _lock_action(action)
    plan = action.plan
    require_lead(by, plan.assessment.department)
    check_editable(plan)
    if action.progress_updates.exists():
        raise ServiceError(ACTION_HAS_PROGRESS.format(label=action.label))
    recommendation = action.recommendation
    delete_with_history(action, by=by, reason="Action deleted")
    if plan.accepted_at is None:
        # A draft never seen by TNA is renumbered (1A, 1C → 1A, 1B); accepted labels stay as agreed.
        siblings = plan.actions.filter(recommendation=recommendation).order_by("sequence")
        for sequence, sibling in enumerate(siblings, start=1):
            if sibling.sequence != sequence:
                sibling.sequence = sequence
                save_with_history(sibling, by=by, reason="Action renumbered", update_fields=["sequence", "updated_at"])
    mark_changed(plan, by)
