"""What the reports need from the action plans app, read through its selectors and turned into JSON rows.

The one module in reports/ that knows about recommendations, actions and next steps. Overdue and RAG
come from the action plans app's rows (actionplans.rules, the one rule), never computed here.
"""

from actionplans.models import ActionPlan
from actionplans.selectors.lists import recommendations_for_assessment
from actionplans.selectors.next_steps import next_steps_for
from actionplans.selectors.rows import groups_for_plans

from .json_values import iso

# Recommendations tied to no theme or area are listed after every theme's.
_UNPLACED = 10_000


def _theme(recommendation):
    if recommendation.area_id:
        return recommendation.area.theme
    return recommendation.theme if recommendation.theme_id else None


def recommendation_row(recommendation):
    theme = _theme(recommendation)
    return {
        "reference": recommendation.label,
        "text": recommendation.text,
        "priority": recommendation.get_priority_display(),
        "area": recommendation.area.name if recommendation.area_id else "",
        "area_reference": recommendation.area.reference if recommendation.area_id else "",
        "theme_number": theme.number if theme else None,
        "status": recommendation.get_status_display(),
    }


def _framework_order(recommendation):
    """Framework order: by theme, each theme's areas in turn, then the theme-level ones; R-number within."""
    theme = _theme(recommendation)
    area_number = recommendation.area.number if recommendation.area_id else _UNPLACED
    return (theme.number if theme else _UNPLACED, area_number, recommendation.number)


def made_in(assessment):
    """The recommendations of this assessment grouped by performance area in framework order (the full report).

    Each group names its area ("1.1", "Communicating and realising value"), or only its theme for the
    recommendations made about a theme as a whole (they follow that theme's areas), or nothing for those
    made about neither (they come last).
    """
    groups = []
    for recommendation in sorted(recommendations_for_assessment(assessment), key=_framework_order):
        theme = _theme(recommendation)
        key = (theme.number if theme else None, recommendation.area_id)
        if not groups or groups[-1]["key"] != key:
            groups.append(
                {
                    "key": key,
                    "theme_number": theme.number if theme else None,
                    "theme": theme.name if theme else "",
                    "area_reference": recommendation.area.reference if recommendation.area_id else "",
                    "area": recommendation.area.name if recommendation.area_id else "",
                    "recommendations": [],
                }
            )
        groups[-1]["recommendations"].append(recommendation_row(recommendation))
    for group in groups:
        del group["key"]
    return groups


def next_steps(assessment):
    """The report's Next steps as the assessor wrote them: lead paragraph, then each item in order with the
    full reference of the recommendation it follows up ("IMA 2013 R3"), if linked."""
    return {
        "lead": assessment.next_steps_text.strip(),
        "items": [
            {"text": step.text, "reference": step.recommendation.full_label if step.recommendation_id else ""}
            for step in next_steps_for(assessment)
        ],
    }


def action_plan_rows(assessment, *, today):
    """The plan in the published column layout: each recommendation with its actions and their commentary."""
    plan = ActionPlan.objects.filter(assessment=assessment).first()
    if plan is None:
        return {"exists": False, "status": "", "recommendations": []}
    groups = groups_for_plans([plan], today=today)[plan.pk]
    return {
        "exists": True,
        "status": plan.get_status_display(),
        "recommendations": [
            {**recommendation_row(group.recommendation), "actions": [_action_row(row) for row in group.rows]}
            for group in groups
        ],
    }


def _action_row(row):
    action = row.action
    return {
        "reference": action.label,
        "description": action.description,
        "priority": action.get_priority_display(),
        "owner": action.owner_display,
        "due_date": iso(action.due_date),
        "status": action.get_status_display(),
        "completion_date": iso(action.completion_date),
        "days_overdue": row.days_overdue,
        "rag": row.rag_label,
        "commentary": [
            {"date": iso(update.date), "text": update.commentary} for update in action.progress_updates.all()
        ],
    }
