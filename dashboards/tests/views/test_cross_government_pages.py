"""The cross-government dashboard shows its department-per-row tables a page at a time."""

from urllib.parse import urlencode

import pytest

from assessments.tests.factories import published_assessment
from dashboards import views
from dashboards.tests.support import departments, page_table
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db
INDEX = "/dashboards/"
PER_PAGE = 3


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "ROWS_PER_PAGE", PER_PAGE)


@pytest.fixture
def eight(framework):
    """Eight departments, "Test department 01" … "08", scoring in an order unlike their names.

    By score: 03 and 08 (6.00), 05 (5.00), 06 (4.00), 01 (3.00), 04 and 07 (2.00), 02 (1.00).
    """
    made = departments(8)
    for department, position in zip(made, [3, 1, 6, 2, 5, 4, 2, 6], strict=True):
        published_assessment(department, framework, year=2014, ratings=position)
    return made


def names(response, table):
    column = 1 if table == "league-table" else 0
    return [row[column] for row in page_table(response.content, table)[1]]


def test_the_heatmap_and_league_table_show_a_page_each_with_the_gov_uk_pagination(assessor_client, eight):
    response = assessor_client.get(INDEX)
    content = response.content.decode()
    assert names(response, "heatmap-table") == ["Test department 01", "Test department 02", "Test department 03"]
    assert len(names(response, "league-table")) == PER_PAGE
    assert '<nav class="govuk-pagination app-no-print" aria-label="Latest ratings: pages">' in content
    assert 'aria-label="League table: pages"' in content
    assert 'href="/dashboards/?heatmap_page=2#heatmap" rel="next"' in content
    # The headline figures count every department, not the page's.
    assert '<span class="app-figure__number">8</span> departments shown' in content
    assert '<span class="app-figure__number">8</span> departments with a score' in content


def test_each_table_keeps_its_own_page_and_the_sort(assessor_client, eight):
    response = assessor_client.get(INDEX, {"sort": "score_desc", "heatmap_page": "2", "league_page": "3"})
    by_score = ["Test department 06", "Test department 01", "Test department 04"]  # 4.00, 3.00, 2.00
    assert names(response, "heatmap-table") == by_score
    assert names(response, "league-table") == ["Test department 07", "Test department 02"]  # the last two ranks
    content = response.content.decode()
    assert 'href="/dashboards/?sort=score_desc&amp;league_page=3&amp;heatmap_page=3#heatmap" rel="next"' in content
    assert 'href="/dashboards/?sort=score_desc&amp;heatmap_page=2&amp;league_page=2#league" rel="prev"' in content


def test_ranks_on_a_later_page_count_every_department_above(assessor_client, eight):
    _, rows = page_table(assessor_client.get(INDEX, {"league_page": "2"}).content, "league-table")
    assert [(row[0], row[4]) for row in rows] == [("4", "4.00"), ("5", "3.00"), ("6=", "2.00")]
    _, rows = page_table(assessor_client.get(INDEX, {"league_page": "3"}).content, "league-table")
    assert [(row[0], row[4]) for row in rows] == [("6=", "2.00"), ("8", "1.00")]


@pytest.mark.parametrize("junk", ["abc", "0", "-2", "99", "2.5", "%3Cb%3E"])
def test_a_junk_page_number_shows_a_page_not_an_error(assessor_client, eight, junk):
    response = assessor_client.get(INDEX, {"heatmap_page": junk, "league_page": junk, "overdue_page": junk})
    assert response.status_code == 200
    assert len(names(response, "heatmap-table")) in (2, PER_PAGE)


def test_export_links_carry_the_filters_but_no_page_numbers(assessor_client, eight):
    content = assessor_client.get(INDEX, {"theme": "2", "heatmap_page": "2", "league_page": "2"}).content.decode()
    assert 'href="/dashboards/export/heatmap.csv?theme=2"' in content
    assert 'href="/dashboards/export/league.xlsx?theme=2"' in content


def test_the_distribution_counts_every_department_not_only_the_page(assessor_client, eight):
    _, rows = page_table(assessor_client.get(INDEX).content, "distribution-table")
    assert rows[0][-2] == "8"  # rated


def test_paged_dashboard_runs_the_same_queries_at_two_sizes(assessor_client, framework, django_assert_max_num_queries):
    for department in departments(2, prefix="Few"):
        published_assessment(department, framework, year=2014, ratings=3)
    query = {"heatmap_page": "2", "league_page": "2", "sort": "score_asc"}
    assessor_client.get(INDEX)  # the session settles
    few = page_queries(assessor_client, f"{INDEX}?{urlencode(query)}")
    for department in departments(20, prefix="Many"):
        published_assessment(department, framework, year=2012, ratings=2)
        published_assessment(department, framework, year=2016, ratings=4)
    with django_assert_max_num_queries(few):
        response = assessor_client.get(INDEX, query)
    assert len(names(response, "heatmap-table")) == PER_PAGE
    assert page_queries(assessor_client, f"{INDEX}?heatmap_page=5&overdue_page=x") == few
