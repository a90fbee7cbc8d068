"""Every dashboard page and export runs the same number of queries at two data sizes."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from dashboards.models import AreaMapping
from dashboards.tests.support import departments, second_framework
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db

# Session, user and memberships, then the page's own reads; the point is that it never grows.
MAX_QUERIES = 14


def build(framework, *, count, years):
    """`count` departments, each with `years` published assessments and a plan on every one."""
    made = departments(count, prefix=f"Size {count}")
    for index, department in enumerate(made):
        for year in range(years):
            assessment = published_assessment(
                department,
                framework,
                year=2010 + 2 * year,
                ratings=[1 + (index + year + area) % 6 for area in range(10)],
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


def counts(client, department):
    return {
        url.replace(department.slug, "<slug>"): page_queries(client, url, at_most=MAX_QUERIES)
        for url in urls(department)
    }


def test_dashboards_do_not_grow_with_departments_or_history(assessor_client, framework):
    small = build(framework, count=2, years=1)
    small_counts = counts(assessor_client, small[0])
    large = build(framework, count=12, years=4)
    large_counts = counts(assessor_client, large[0])
    assert large_counts == small_counts


def test_trends_across_versions_do_not_grow_with_mappings(assessor_client, framework, department_a):
    later = second_framework()
    published_assessment(department_a, framework, year=2014, ratings=3)
    published_assessment(department_a, later, year=2031, ratings=3)
    url = reverse("dashboards:department", kwargs={"slug": department_a.slug})
    few = page_queries(assessor_client, url)
    old_areas = {(a.theme.number, a.number): a for a in framework.themes.get(number=1).areas.all()}
    for (theme, number), old in old_areas.items():
        new = later.themes.get(number=theme).areas.get(number=number)
        AreaMapping.objects.create(from_area=old, to_area=new)
    for year in (2016, 2018, 2020):
        published_assessment(department_a, framework, year=year, ratings=3)
    assert page_queries(assessor_client, url, at_most=MAX_QUERIES) == few


def test_a_kim_leads_dashboard_runs_the_same_queries_as_an_assessors(client, lead_client_for, framework):
    made = build(framework, count=6, years=2)
    lead_client = lead_client_for(made[0])
    url = reverse("dashboards:department", kwargs={"slug": made[0].slug})
    page_queries(lead_client, url, at_most=MAX_QUERIES)
