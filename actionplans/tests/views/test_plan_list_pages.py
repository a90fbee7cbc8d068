"""The action plan list a page at a time: bounded work per request, filters kept from page to page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from actionplans.choices import PlanStatus
from actionplans.tests.factories import RecommendationFactory, plan_with_actions
from actionplans.views import plans as views
from assessments.tests.factories import DepartmentFactory, published_assessment
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db

PER_PAGE, AWAITING_PER_PAGE = 4, 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "PLANS_PER_PAGE", PER_PAGE)
    monkeypatch.setattr(views, "AWAITING_PER_PAGE", AWAITING_PER_PAGE)


def url(query=""):
    return reverse("actionplans:plan_list") + query


def departments_with_plans(framework, count, *, prefix="Dept", status=PlanStatus.ACCEPTED, actions=1):
    """`count` departments named in list order ("<prefix> 00", …), each with a published assessment and a plan."""
    plans = []
    for index in range(count):
        department = DepartmentFactory(name=f"{prefix} {index:02d}", slug=f"{prefix.lower()}-{index:02d}")
        assessment = published_assessment(department, framework, year=2014)
        plans.append(
            plan_with_actions(assessment, status=status, recommendations=1, actions_per_recommendation=actions)
        )
    return plans


def names_on(response, prefix="Dept"):
    page = response.content.decode()
    return [name for name in (f"{prefix} {n:02d}" for n in range(40)) if f"{name}, IMA 2014" in page]


def test_the_list_shows_one_page_of_plans_with_the_gov_uk_pagination(assessor_client, framework):
    departments_with_plans(framework, 10)
    response = assessor_client.get(url())
    page = response.content.decode()
    assert names_on(response) == ["Dept 00", "Dept 01", "Dept 02", "Dept 03"]
    assert '<nav class="govuk-pagination" aria-label="Pages of plans">' in page
    assert "Showing 1 to 4 of 10 plans" in page
    assert f'href="{url("?page=2#plans")}" rel="next"' in page
    assert "<title>Action plans (page 1 of 3)" in page
    assert "Download all 10 plans as a spreadsheet" in page


def test_the_second_page_shows_the_next_plans_with_their_counts(assessor_client, framework):
    plans = departments_with_plans(framework, 10, actions=3)
    overdue = plans[5].actions.first()
    overdue.due_date = date.today() - timedelta(days=40)
    overdue.save()
    response = assessor_client.get(url("?page=2"))
    assert names_on(response) == ["Dept 04", "Dept 05", "Dept 06", "Dept 07"]
    page = response.content.decode()
    row = page[page.index("Dept 05, IMA 2014") :].split("</tr>")[0]
    numbers = [cell.split(">")[-1] for cell in row.split("</td>")[1:-1]]
    assert numbers == ["3", "1", "1", "0", "2"]  # actions, overdue, red, amber, green


def test_page_links_and_the_export_keep_the_filters(assessor_client, framework):
    departments_with_plans(framework, 6, status=PlanStatus.ACCEPTED)
    departments_with_plans(framework, 6, prefix="Draft", status=PlanStatus.DRAFT)
    response = assessor_client.get(url("?status=accepted&page=2"))
    page = response.content.decode()
    assert names_on(response) == ["Dept 04", "Dept 05"]
    assert names_on(response, "Draft") == []
    assert f'href="{url("?status=accepted#plans")}" rel="prev"' in page
    export = reverse("actionplans:plans_export_xlsx")
    assert f'href="{export}?status=accepted">Download all 6 plans that match the filters' in page


@pytest.mark.parametrize("junk", ["abc", "1.5", "-1", "0", "999", "%3Cscript%3E"])
def test_a_junk_or_out_of_range_page_number_shows_a_page_not_an_error(assessor_client, framework, junk):
    departments_with_plans(framework, 6)
    response = assessor_client.get(url(f"?page={junk}&awaiting_page={junk}"))
    assert response.status_code == 200
    assert len(names_on(response)) in (2, PER_PAGE)


def waiting_for_a_plan(framework, count, *, prefix="Waiting"):
    for index in range(count):
        department = DepartmentFactory(name=f"{prefix} {index:02d}", slug=f"{prefix.lower()}-{index:02d}")
        RecommendationFactory(assessment=published_assessment(department, framework, year=2015))


def test_assessments_waiting_for_a_plan_are_paged_on_their_own(assessor_client, framework):
    departments_with_plans(framework, 6)
    waiting_for_a_plan(framework, 5)
    page = assessor_client.get(url("?page=2&awaiting_page=2")).content.decode()
    waiting = [f"Waiting {n:02d}" for n in range(5) if f"Waiting {n:02d}</td>" in page]
    assert waiting == ["Waiting 03", "Waiting 04"]
    assert 'aria-label="Pages of assessments waiting for an action plan"' in page
    assert f'href="{url("?page=2#awaiting")}" rel="prev"' in page  # the plans' page is kept
    assert f'href="{url("?awaiting_page=2#plans")}" rel="prev"' in page


def test_the_list_runs_the_same_queries_at_two_sizes(assessor_client, framework):
    departments_with_plans(framework, 2)
    waiting_for_a_plan(framework, 1)
    assessor_client.get(url())  # the session settles
    few = page_queries(assessor_client, url())
    departments_with_plans(framework, 25, prefix="More", actions=6)
    waiting_for_a_plan(framework, 12, prefix="Also waiting")
    for address in (url(), url("?page=3"), url("?page=junk"), url("?status=accepted&page=2")):
        page_queries(assessor_client, address, at_most=few)
    assert page_queries(assessor_client, url("?page=2")) == few
