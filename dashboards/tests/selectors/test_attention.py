"""The cross-government attention lists: who is due a reassessment, and which departments have overdue actions."""

from datetime import date, timedelta

import pytest

from actionplans.choices import ActionStatus, PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from dashboards.rules import ReassessmentStatus
from dashboards.selectors.attention import overdue_by_department, reassessment_schedule
from dashboards.tests.support import departments

pytestmark = pytest.mark.django_db


def test_reassessment_schedule_uses_the_development_area_count_of_the_latest_ratings(framework):
    three_da, two_da, none_da, reviewed = departments(4)
    published_assessment(three_da, framework, year=2020, ratings=[1, 1, 1, 3, 3, 3, 3, 3, 3, 3])
    published_assessment(two_da, framework, year=2020, ratings=[1, 1, 3, 3, 3, 3, 3, 3, 3, 3])
    published_assessment(none_da, framework, year=2020, ratings=3)
    published_assessment(reviewed, framework, year=2020, ratings=1)
    published_assessment(reviewed, framework, year=2021, ratings=3, assessment_type="progress_review")
    never = departments(1, prefix="Never assessed")[0]

    rows = {row.department.name: row for row in reassessment_schedule(this_year=2023)}
    assert rows[three_da.name].status == ReassessmentStatus.DUE
    assert rows[three_da.name].due_year == 2023
    assert rows[two_da.name].status == ReassessmentStatus.DUE_NEXT_YEAR
    assert rows[two_da.name].development_areas == 2
    assert none_da.name not in rows  # due in 2025
    # The progress review improved every area: five years from the IMA, not three.
    assert reviewed.name not in rows
    assert rows[never.name].status == ReassessmentStatus.NEVER_ASSESSED

    rows = {row.department.name: row for row in reassessment_schedule(this_year=2024)}
    assert rows[three_da.name].status == ReassessmentStatus.OVERDUE
    assert rows[none_da.name].status == ReassessmentStatus.DUE_NEXT_YEAR


def test_reassessment_counts_from_the_last_ima_or_reassessment_not_a_review(framework, department_a):
    published_assessment(department_a, framework, year=2015, ratings=3)
    published_assessment(department_a, framework, year=2019, ratings=3, assessment_type="progress_review")
    row = reassessment_schedule(this_year=2020)[0]
    assert (row.last_label, row.due_year, row.status) == ("IMA 2015", 2020, ReassessmentStatus.DUE)


def test_overdue_actions_by_department_follow_the_action_rule(framework, department_a, department_b):
    today = date(2025, 6, 1)
    assessment_a = published_assessment(department_a, framework, year=2020, ratings=3)
    plan_with_actions(
        assessment_a,
        status=PlanStatus.ACCEPTED,
        recommendations=1,
        actions_per_recommendation=2,
        due_date=today - timedelta(days=45),
    )
    assessment_b = published_assessment(department_b, framework, year=2020, ratings=3)
    plan_b = plan_with_actions(
        assessment_b,
        status=PlanStatus.ACCEPTED,
        recommendations=2,
        actions_per_recommendation=1,
        due_date=today - timedelta(days=3),
    )
    plan_b.actions.filter(sequence=1, recommendation__number=2).update(
        status=ActionStatus.COMPLETE, completion_date=today
    )
    due_today = published_assessment(departments(1)[0], framework, year=2020, ratings=3)
    plan_with_actions(due_today, status=PlanStatus.ACCEPTED, due_date=today)

    rows = overdue_by_department(today=today)
    assert [(row.department_name, row.overdue, row.red, row.oldest_due) for row in rows] == [
        ("Department for Education", 2, 2, today - timedelta(days=45)),
        ("Home Office", 1, 0, today - timedelta(days=3)),
    ]


def test_actions_of_plans_closed_by_agreement_are_not_overdue(framework, department_a):
    assessment = published_assessment(department_a, framework, year=2020, ratings=3)
    plan_with_actions(assessment, status=PlanStatus.CLOSED, due_date=date(2021, 1, 1))
    assert overdue_by_department(today=date(2025, 1, 1)) == []
