"""common.pagination: one page of a list, and the GOV.UK pagination component's links."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from common.pagination import paginate

ROWS = list(range(1, 101))  # 100 rows: 10 pages of 10


def page(query="", **kwargs):
    return paginate(RequestFactory().get(f"/things/{query}"), ROWS, per_page=10, **kwargs)


def test_the_page_asked_for_holds_its_rows():
    listing = page("?page=3")
    assert listing.rows == list(range(21, 31))
    assert (listing.number, listing.num_pages, listing.count) == (3, 10, 100)
    assert (listing.first_index, listing.last_index) == (21, 30)


@pytest.mark.parametrize("junk", ["abc", "", "1.5", "2e3", "%00", "-", "1;drop"])
def test_a_page_number_that_is_not_a_number_shows_the_first_page(junk):
    assert page(f"?page={junk}").number == 1


@pytest.mark.parametrize("beyond", ["11", "0", "-3", "99999999999999999999999"])
def test_a_page_number_out_of_range_shows_the_last_page(beyond):
    assert page(f"?page={beyond}").number == 10


def test_links_keep_the_other_parameters_and_drop_the_page_number_on_page_one():
    listing = page("?status=open&sort=name&page=2")
    assert listing.previous_url == "/things/?status=open&sort=name"
    assert listing.next_url == "/things/?status=open&sort=name&page=3"


def test_links_can_use_a_parameter_and_fragment_of_their_own():
    listing = page("?league_page=4&heatmap_page=2", parameter="heatmap_page", fragment="heatmap")
    assert listing.number == 2
    assert listing.next_url == "/things/?league_page=4&heatmap_page=3#heatmap"
    assert listing.previous_url == "/things/?league_page=4#heatmap"


def test_distant_pages_are_left_out_with_an_ellipsis():
    listing = page("?page=5")
    shown = [item.number for item in listing.items]
    assert shown == [1, None, 4, 5, 6, None, 10]
    assert [item.number for item in listing.items if item.current] == [5]


def test_the_first_and_last_pages_have_no_previous_or_next_link():
    assert page().previous_url == "" and page().next_url
    assert page("?page=10").next_url == "" and page("?page=10").previous_url


def test_the_component_markup_follows_the_gov_uk_pagination_component():
    html = render_to_string("includes/pagination.html", {"pagination": page("?page=2"), "what": "things"})
    assert '<nav class="govuk-pagination" aria-label="Pagination">' in html
    assert '<a class="govuk-link govuk-pagination__link" href="/things/" rel="prev">' in html
    assert 'href="/things/?page=3" rel="next"' in html
    assert 'aria-label="Page 2" aria-current="page">2</a>' in html
    assert "govuk-pagination__item--current" in html
    assert "govuk-pagination__item--ellipses" in html
    assert 'Previous<span class="govuk-visually-hidden"> page</span>' in html
    assert "Showing 11 to 20 of 100 things" in html


def test_nothing_is_shown_for_a_single_page():
    listing = paginate(RequestFactory().get("/things/"), ROWS[:5], per_page=10)
    assert listing.rows == ROWS[:5] and not listing.is_paginated
    assert render_to_string("includes/pagination.html", {"pagination": listing}).strip() == ""


def test_an_empty_list_is_one_empty_page():
    listing = paginate(RequestFactory().get("/things/?page=3"), [], per_page=10)
    assert (listing.rows, listing.number, listing.count) == ([], 1, 0)
