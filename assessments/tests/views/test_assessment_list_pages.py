"""The assessment list a page at a time: the same work per request however many assessments there are."""

import pytest
from django.urls import reverse

from assessments.models import AreaRating, Assessment
from assessments.tests.factories import DepartmentFactory, published_assessment
from assessments.views import assessments as views
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db

PER_PAGE = 4


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "ASSESSMENTS_PER_PAGE", PER_PAGE)


def url(query=""):
    return reverse("assessments:assessment_list") + query


def departments_with_an_assessment(framework, count, *, prefix="Dept", assessment_type="ima"):
    """`count` departments named so that the list's order is theirs: "<prefix> 00", "<prefix> 01", …"""
    made = []
    for index in range(count):
        department = DepartmentFactory(name=f"{prefix} {index:02d}", slug=f"{prefix.lower()}-{index:02d}")
        made.append(published_assessment(department, framework, year=2014, ratings=2, assessment_type=assessment_type))
    return made


def rows_of(page):
    """The table's rows only: the department filter above it names every department."""
    return page[page.index("<tbody") :] if "<tbody" in page else ""


def names_on(response):
    rows = rows_of(response.content.decode())
    return sorted({name for name in (f"Dept {n:02d}" for n in range(20)) if name in rows})


def test_the_list_shows_one_page_with_the_gov_uk_pagination(assessor_client, framework):
    departments_with_an_assessment(framework, 10)
    response = assessor_client.get(url())
    page = response.content.decode()
    assert names_on(response) == ["Dept 00", "Dept 01", "Dept 02", "Dept 03"]
    assert '<nav class="govuk-pagination" aria-label="Pagination">' in page
    assert "Showing 1 to 4 of 10 assessments" in page
    assert f'href="{url("?page=2")}" rel="next"' in page
    assert "<title>Assessments (page 1 of 3)" in page


def test_the_second_page_shows_the_next_rows(assessor_client, framework):
    departments_with_an_assessment(framework, 10)
    response = assessor_client.get(url("?page=2"))
    assert names_on(response) == ["Dept 04", "Dept 05", "Dept 06", "Dept 07"]
    page = response.content.decode()
    assert 'aria-label="Page 2" aria-current="page"' in page
    assert f'href="{url()}" rel="prev"' in page
    assert "<title>Assessments (page 2 of 3)" in page


@pytest.mark.parametrize("junk", ["abc", "1.5", "-1", "0", "999", "99999999999999999999999", "%27%3B--"])
def test_a_junk_or_out_of_range_page_number_shows_a_page_not_an_error(assessor_client, framework, junk):
    departments_with_an_assessment(framework, 10)
    response = assessor_client.get(url(f"?page={junk}"))
    assert response.status_code == 200
    assert len(names_on(response)) in (2, PER_PAGE)  # the first page, or the last (two rows)


def test_the_departments_progress_is_counted_for_the_rows_on_the_page(assessor_client, framework):
    made = departments_with_an_assessment(framework, 6, assessment_type="self_assessment")
    on_page_two = made[5]
    # Returned to the department: TNA sees it, and the department is completing its areas again.
    Assessment.objects.filter(pk=on_page_two.pk).update(status=Assessment.Status.RETURNED)
    ratings = AreaRating.objects.filter(assessment=on_page_two).order_by("pk")
    AreaRating.objects.filter(pk__in=[rating.pk for rating in ratings[:3]]).update(is_complete=True)
    rows = rows_of(assessor_client.get(url("?page=2")).content.decode())
    row = rows[rows.index("Dept 05") :].split("</tr>")[0]
    assert "3 of 10" in row


def test_a_lead_pages_through_their_own_departments_assessments_only(client, framework, department_a, lead_a):
    for year in range(2010, 2016):
        published_assessment(department_a, framework, year=year, ratings=2)
    departments_with_an_assessment(framework, 5)
    client.force_login(lead_a)
    page = client.get(url("?page=2")).content.decode()
    assert "Showing 5 to 6 of 6 assessments" in page
    assert "Dept 0" not in page


def test_no_pagination_when_everything_fits_on_one_page(assessor_client, framework):
    departments_with_an_assessment(framework, PER_PAGE)
    page = assessor_client.get(url()).content.decode()
    assert "govuk-pagination" not in page and "<title>Assessments – " in page


def test_the_list_runs_the_same_queries_at_two_sizes(assessor_client, framework):
    departments_with_an_assessment(framework, 3)
    assessor_client.get(url())  # the session settles
    few = page_queries(assessor_client, url())
    departments_with_an_assessment(framework, 30, prefix="More")
    for address in (url(), url("?page=2"), url("?page=8"), url("?page=junk")):
        page_queries(assessor_client, address, at_most=few)
    assert page_queries(assessor_client, url("?page=5")) == few
