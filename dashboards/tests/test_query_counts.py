"""Every dashboard page and export runs the same number of queries at two data sizes."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from dashboards.models import AreaMapping

from .support import departments, publish, second_framework

pytestmark = pytest.mark.django_db

# Session, user and memberships, then the page's own reads; the point is that it never grows.
MAX_QUERIES = 14


def build(framework, *, count, years):
    """`count` departments, each with `years` published assessments and a plan on every one."""
    made = departments(count, prefix=f"Size {count}")
    for index, department in enumerate(made):
        for year in range(years):
            assessment = publish(
                department,
                framework,
                year=2010 + 2 * year,
                positions=[1 + (index + year + area) % 6 for area in range(10)],
                assessment_type="ima" if year == 0 else "progress_review",
            )
            plan_with_actions(
                assessment,
                status=PlanStatus.ACCEPTED,
                recommendations=2,
                due_date=date.today() + timedelta(days=30 * (year - 1) + index),
            )
    return made


def urls(department):
    slug = department.slug
    result = [
        reverse("dashboards:index"),
        reverse("dashboards:index") + "?theme=3&sort=score_desc&year_from=2010&year_to=2030",
        reverse("dashboards:department", kwargs={"slug": slug}),
    ]
    for section in ("heatmap", "distribution", "league", "reassessment", "overdue"):
        result.append(reverse("dashboards:export", kwargs={"section": section, "fmt": "xlsx"}))
    for section in ("trends", "benchmark", "actions"):
        result.append(reverse("dashboards:department_export", kwargs={"slug": slug, "section": section, "fmt": "csv"}))
    return result


def counts(client, department, django_assert_max_num_queries):
    result = {}
    for url in urls(department):
        with django_assert_max_num_queries(MAX_QUERIES), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        result[url.replace(department.slug, "<slug>")] = len(queries)
    return result


def test_dashboards_do_not_grow_with_departments_or_history(assessor_client, framework, django_assert_max_num_queries):
    small = build(framework, count=2, years=1)
    small_counts = counts(assessor_client, small[0], django_assert_max_num_queries)
    large = build(framework, count=12, years=4)
    large_counts = counts(assessor_client, large[0], django_assert_max_num_queries)
    assert large_counts == small_counts


def test_trends_across_versions_do_not_grow_with_mappings(
    assessor_client, framework, department_a, django_assert_max_num_queries
):
    later = second_framework()
    publish(department_a, framework, year=2014)
    publish(department_a, later, year=2031)
    url = reverse("dashboards:department", kwargs={"slug": department_a.slug})
    with CaptureQueriesContext(connection) as few:
        assessor_client.get(url)
    old_areas = {(a.theme.number, a.number): a for a in framework.themes.get(number=1).areas.all()}
    for (theme, number), old in old_areas.items():
        new = later.themes.get(number=theme).areas.get(number=number)
        AreaMapping.objects.create(from_area=old, to_area=new)
    for year in (2016, 2018, 2020):
        publish(department_a, framework, year=year)
    with django_assert_max_num_queries(MAX_QUERIES), CaptureQueriesContext(connection) as many:
        assessor_client.get(url)
    assert len(many) == len(few)


def test_a_kim_leads_dashboard_runs_the_same_queries_as_an_assessors(
    client, lead_client_for, framework, django_assert_max_num_queries
):
    made = build(framework, count=6, years=2)
    lead_client = lead_client_for(made[0])
    url = reverse("dashboards:department", kwargs={"slug": made[0].slug})
    with django_assert_max_num_queries(MAX_QUERIES):
        assert lead_client.get(url).status_code == 200
