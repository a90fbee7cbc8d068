"""A department's dashboard: trends in date order, the anonymised benchmark and its suppression, action plans."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.services.creation import assessment_create
from assessments.tests.factories import published_assessment
from dashboards.presenters.department import SUPPRESSED
from dashboards.tests.support import departments, page_table

pytestmark = pytest.mark.django_db


def dashboard(client, department):
    return client.get(reverse("dashboards:department", kwargs={"slug": department.slug}))


def test_ratings_over_time_in_date_order(lead_a_client, framework, department_a):
    published_assessment(department_a, framework, year=2016, ratings=4, assessment_type="progress_review")
    published_assessment(department_a, framework, year=2013, ratings=1)
    published_assessment(department_a, framework, year=2020, ratings=5, assessment_type="reassessment")
    response = dashboard(lead_a_client, department_a)
    headers, rows = page_table(response.content, "trends-table")
    assert headers == ["Performance area", "IMA 2013", "Review 2016", "Reassessment 2020"]
    assert rows[0][1:] == ["Development area", "Progressing towards good practice", "Good practice"]
    chart = response.context["page"].charts[0]
    assert [point.label for point in chart.points] == ["IMA", "Review", "Reassessment"]
    assert "IMA 2013, Development area; Review 2016, Progressing towards good practice" in chart.description


def test_drafts_are_not_on_the_dashboard(lead_a_client, framework, department_a):
    published_assessment(department_a, framework, year=2013, ratings=1)
    assessment_create(department=department_a, framework=framework, assessment_type="self_assessment", year=2024)
    headers, _ = page_table(dashboard(lead_a_client, department_a).content, "trends-table")
    assert headers == ["Performance area", "IMA 2013"]


def test_benchmark_is_suppressed_when_fewer_than_five_departments_have_a_rating(lead_a_client, framework, department_a):
    published_assessment(department_a, framework, year=2015, ratings=3)
    for department in departments(3):
        published_assessment(department, framework, year=2015, ratings=4)
    response = dashboard(lead_a_client, department_a)
    _, rows = page_table(response.content, "benchmark-table")
    assert rows[0][:3] == ["1.1 Communicating and realising value", "Satisfactory", SUPPRESSED]
    assert all(value == "" for value in rows[0][3:])
    assert "fewer than 5 departments" in response.content.decode()
    assert all(bar.note == SUPPRESSED for bar in response.context["page"].benchmark_chart.bars)


def test_benchmark_at_five_departments_shows_counts_quartiles_and_position(lead_a_client, framework, department_a):
    published_assessment(department_a, framework, year=2015, ratings=3)
    for department, position in zip(departments(4), (1, 3, 5, 6), strict=True):
        published_assessment(department, framework, year=2015, ratings=position)
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
    published_assessment(department_a, framework, year=2015, ratings=3)
    others = departments(4)
    for department in others[:3]:
        published_assessment(department, framework, year=2015, ratings=2)
    published_assessment(others[3], framework, year=2015, ratings=[None, 2, 2, 2, 2, 2, 2, 2, 2, 2])
    _, rows = page_table(dashboard(lead_a_client, department_a).content, "benchmark-table")
    assert rows[0][2] == SUPPRESSED
    assert rows[1][2] == "5"


def test_benchmark_counts_each_departments_latest_rating_only(lead_a_client, framework, department_a):
    published_assessment(department_a, framework, year=2015, ratings=3)
    for department in departments(4):
        published_assessment(department, framework, year=2012, ratings=1)
        published_assessment(department, framework, year=2016, ratings=6)
    _, rows = page_table(dashboard(lead_a_client, department_a).content, "benchmark-table")
    assert rows[0][2:9] == ["5", "0", "0", "1", "0", "0", "4"]


def test_the_page_shows_next_deadlines_with_rag_words(lead_a_client, framework, department_a):
    assessment = published_assessment(department_a, framework, year=2020, ratings=3)
    plan_with_actions(assessment, status=PlanStatus.ACCEPTED, due_date=date.today() + timedelta(days=3))
    content = dashboard(lead_a_client, department_a).content.decode()
    assert '<strong class="govuk-tag govuk-tag--orange">Amber</strong>' in content
    _, rows = page_table(content, "deadlines-table")
    assert rows[0][0] == "1A"


def test_a_department_with_no_published_assessment_explains_itself(lead_a_client, department_a, framework):
    response = dashboard(lead_a_client, department_a)
    assert response.status_code == 200
    assert b"Your department has no published assessments yet." in response.content
