"""A department's dashboard: trends in date order, the anonymised benchmark and its suppression, action plans."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from actionplans.choices import ActionStatus, PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.services.creation import assessment_create
from dashboards.presenters.department import SUPPRESSED
from dashboards.selectors.department import department_actions

from .support import departments, page_table, publish

pytestmark = pytest.mark.django_db


def dashboard(client, department):
    return client.get(reverse("dashboards:department", kwargs={"slug": department.slug}))


def test_ratings_over_time_in_date_order(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2016, positions=4, assessment_type="progress_review")
    publish(department_a, framework, year=2013, positions=1)
    publish(department_a, framework, year=2020, positions=5, assessment_type="reassessment")
    response = dashboard(lead_a_client, department_a)
    headers, rows = page_table(response.content, "trends-table")
    assert headers == ["Performance area", "IMA 2013", "Review 2016", "Reassessment 2020"]
    assert rows[0][1:] == ["Development area", "Progressing towards good practice", "Good practice"]
    chart = response.context["page"].charts[0]
    assert [point.label for point in chart.points] == ["IMA", "Review", "Reassessment"]
    assert "IMA 2013, Development area; Review 2016, Progressing towards good practice" in chart.description


def test_drafts_are_not_on_the_dashboard(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2013, positions=1)
    assessment_create(department=department_a, framework=framework, assessment_type="self_assessment", year=2024)
    headers, _ = page_table(dashboard(lead_a_client, department_a).content, "trends-table")
    assert headers == ["Performance area", "IMA 2013"]


def test_benchmark_is_suppressed_when_fewer_than_five_departments_have_a_rating(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2015, positions=3)
    for department in departments(3):
        publish(department, framework, year=2015, positions=4)
    response = dashboard(lead_a_client, department_a)
    _, rows = page_table(response.content, "benchmark-table")
    assert rows[0][:3] == ["1.1 Communicating and realising value", "Satisfactory", SUPPRESSED]
    assert all(value == "" for value in rows[0][3:])
    assert "fewer than 5 departments" in response.content.decode()
    assert all(bar.note == SUPPRESSED for bar in response.context["page"].benchmark_chart.bars)


def test_benchmark_at_five_departments_shows_counts_quartiles_and_position(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2015, positions=3)
    for department, position in zip(departments(4), (1, 3, 5, 6), strict=True):
        publish(department, framework, year=2015, positions=position)
    _, rows = page_table(dashboard(lead_a_client, department_a).content, "benchmark-table")
    assert rows[0] == [
        "1.1 Communicating and realising value",
        "Satisfactory",
        "5",
        *["1", "0", "2", "0", "1", "1"],
        "Satisfactory",  # ratings 1,3,3,5,6: lower quartile at rank 2
        "Satisfactory",  # median at rank 3
        "Good practice",  # upper quartile at rank 4
        "1",  # rated lower
        "1",  # rated the same (this department left out)
        "2",  # rated higher
    ]


def test_an_area_rated_by_four_is_suppressed_while_others_show(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2015, positions=3)
    others = departments(4)
    for department in others[:3]:
        publish(department, framework, year=2015, positions=2)
    publish(others[3], framework, year=2015, positions=[None, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    _, rows = page_table(dashboard(lead_a_client, department_a).content, "benchmark-table")
    assert rows[0][2] == SUPPRESSED
    assert rows[1][2] == "5"


def test_benchmark_counts_each_departments_latest_rating_only(lead_a_client, framework, department_a):
    publish(department_a, framework, year=2015, positions=3)
    for department in departments(4):
        publish(department, framework, year=2012, positions=1)
        publish(department, framework, year=2016, positions=6)
    _, rows = page_table(dashboard(lead_a_client, department_a).content, "benchmark-table")
    assert rows[0][2:9] == ["5", "0", "0", "1", "0", "0", "4"]


def test_action_plan_summary_uses_the_action_rule(framework, department_a):
    today = date(2025, 6, 1)
    assessment = publish(department_a, framework, year=2020)
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


def test_the_page_shows_next_deadlines_with_rag_words(lead_a_client, framework, department_a):
    assessment = publish(department_a, framework, year=2020)
    plan_with_actions(assessment, status=PlanStatus.ACCEPTED, due_date=date.today() + timedelta(days=3))
    content = dashboard(lead_a_client, department_a).content.decode()
    assert '<strong class="govuk-tag govuk-tag--orange">Amber</strong>' in content
    _, rows = page_table(content, "deadlines-table")
    assert rows[0][0] == "1A"


def test_a_department_with_no_published_assessment_explains_itself(lead_a_client, department_a, framework):
    response = dashboard(lead_a_client, department_a)
    assert response.status_code == 200
    assert b"Your department has no published assessments yet." in response.content
