"""Reaching a plan state through the real services (not by setting fields), for transition tests."""

from datetime import date

from actionplans.services.actions import action_create
from actionplans.services.plans import plan_create, plan_reopen, plan_submit
from actionplans.services.recommendations import recommendation_create
from actionplans.services.review import plan_accept, plan_return


def recommend(assessor, assessment, count=2):
    return [
        recommendation_create(assessment=assessment, by=assessor, text=f"Recommendation {n + 1}", priority="high")
        for n in range(count)
    ]


def add_action(plan, lead, recommendation, description="Do the thing", **fields):
    values = {"owner_text": "Departmental Records Officer", "priority": "medium", "due_date": date(2030, 3, 31)}
    values.update(fields)
    return action_create(plan=plan, by=lead, recommendation=recommendation, description=description, **values)


def draft(assessor, lead, assessment, *, recommendations=2, actions=True):
    """A draft plan; with `actions`, one action per recommendation."""
    recs = recommend(assessor, assessment, recommendations)
    plan = plan_create(assessment=assessment, by=lead)
    if actions:
        for rec in recs:
            add_action(plan, lead, rec)
    return plan


def submitted(assessor, lead, assessment, **kwargs):
    plan = draft(assessor, lead, assessment, **kwargs)
    return plan_submit(plan=plan, by=lead)


def returned(assessor, lead, assessment, **kwargs):
    plan = submitted(assessor, lead, assessment, **kwargs)
    plan_return(plan=plan, by=assessor, comment="Please add owners")
    plan.refresh_from_db()
    return plan


def accepted(assessor, lead, assessment, **kwargs):
    plan = submitted(assessor, lead, assessment, **kwargs)
    plan_accept(plan=plan, by=assessor)
    plan.refresh_from_db()
    return plan


def reopened(assessor, lead, assessment, **kwargs):
    plan = accepted(assessor, lead, assessment, **kwargs)
    return plan_reopen(plan=plan, by=lead)
