"""What the reports need from the action plans app, read through its selectors and turned into JSON rows.

The one module in reports/ that knows about recommendations and actions. Overdue and RAG come from
the action plans app's rows (actionplans.rules, the one rule), never computed here.
"""

from actionplans.models import ActionPlan
from actionplans.selectors.lists import outstanding_recommendations, recommendations_for_assessment
from actionplans.selectors.rows import groups_for_plans

from .json_values import iso


def _theme_number(recommendation):
    if recommendation.theme_id:
        return recommendation.theme.number
    return recommendation.area.theme.number if recommendation.area_id else None


def recommendation_row(recommendation):
    return {
        "reference": recommendation.label,
        "text": recommendation.text,
        "priority": recommendation.get_priority_display(),
        "area": recommendation.area.name if recommendation.area_id else "",
        "area_reference": recommendation.area.reference if recommendation.area_id else "",
        "theme_number": _theme_number(recommendation),
        "status": recommendation.get_status_display(),
    }


def outstanding_for(assessment):
    """Open recommendations from earlier published assessments (the progress review's Next steps)."""
    return [recommendation_row(item) for item in outstanding_recommendations(assessment.department, assessment)]


def made_in(assessment):
    """The recommendations of this assessment, in order (the full IMA report)."""
    return [recommendation_row(item) for item in recommendations_for_assessment(assessment)]


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
