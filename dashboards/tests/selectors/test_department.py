"""A department's action plan summary: open, overdue and closed actions and their RAG status, by the action rule."""

from datetime import date, timedelta

import pytest

from actionplans.choices import ActionStatus, PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from dashboards.selectors.department import department_actions

pytestmark = pytest.mark.django_db


def test_action_plan_summary_uses_the_action_rule(framework, department_a):
    today = date(2025, 6, 1)
    assessment = published_assessment(department_a, framework, year=2020, ratings=3)
    plan = plan_with_actions(
        assessment, status=PlanStatus.ACCEPTED, recommendations=3, actions_per_recommendation=2, due_date=today
    )
    actions = list(plan.actions.order_by("recommendation__number", "sequence"))
    due = [
        today - timedelta(days=40),
        today - timedelta(days=5),
        today + timedelta(days=10),
        today + timedelta(days=90),
    ]
    for action, due_date in zip(actions, due, strict=False):
        action.due_date = due_date
        action.save()
    actions[2].status = ActionStatus.UNDERWAY  # due in 10 days but started: green
    actions[2].save()
    actions[4].status, actions[4].completion_date = ActionStatus.COMPLETE, today
    actions[4].save()
    summary = department_actions(department_a, today=today)
    assert (summary.open, summary.overdue, summary.closed) == (5, 2, 1)
    assert summary.rag == {"red": 1, "amber": 2, "green": 2}  # 1B overdue 5 days, 3B due today not started
    assert [deadline.action.due_date for deadline in summary.next_deadlines] == [
        today,
        today + timedelta(days=10),
        today + timedelta(days=90),
    ]
