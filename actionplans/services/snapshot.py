"""The plan as decided, frozen into JSON: what exactly TNA accepted (or returned)."""

from collections import defaultdict

SNAPSHOT_SCHEMA = 1
# Fields whose change after acceptance makes an action "changed since accepted" (status moves with progress).
COMPARED_FIELDS = ("description", "owner_text", "owner_user_id", "priority", "due_date")


def action_snapshot(action):
    return {
        "id": action.pk,
        "label": action.label,
        "description": action.description,
        "owner_text": action.owner_text,
        "owner_user_id": action.owner_user_id,
        "owner_name": action.owner_user.full_name if action.owner_user_id else "",
        "priority": action.priority,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "status": action.status,
        "completion_date": action.completion_date.isoformat() if action.completion_date else None,
    }


def build_snapshot(*, plan, recommendations, actions, decided_at):
    """From objects already loaded (actions with recommendation and owner_user), so it costs no queries."""
    by_recommendation = defaultdict(list)
    for action in actions:
        by_recommendation[action.recommendation_id].append(action)
    return {
        "schema": SNAPSHOT_SCHEMA,
        "plan_id": plan.pk,
        "department": plan.assessment.department.name,
        "assessment": plan.assessment.short_label,
        "decided_at": decided_at.isoformat(),
        "recommendations": [
            {
                "id": recommendation.pk,
                "label": recommendation.label,
                "text": recommendation.text,
                "priority": recommendation.priority,
                "status": recommendation.status,
                "actions": [
                    action_snapshot(action)
                    for action in sorted(by_recommendation[recommendation.pk], key=lambda a: a.sequence)
                ],
            }
            for recommendation in sorted(recommendations, key=lambda r: r.number)
        ],
    }


def snapshot_actions(snapshot):
    """{action id: its snapshot entry}."""
    return {
        action["id"]: action
        for recommendation in (snapshot or {}).get("recommendations", [])
        for action in recommendation["actions"]
    }


def action_differs(action, entry):
    current = action_snapshot(action)
    return any(current[field] != entry.get(field) for field in COMPARED_FIELDS)
