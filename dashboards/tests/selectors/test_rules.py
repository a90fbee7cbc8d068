"""The documented rules at their boundaries: score, reassessment due, quartiles."""

from fractions import Fraction

import pytest

from dashboards.rules import (
    ReassessmentStatus,
    department_score,
    quartiles,
    reassessment_due_year,
    reassessment_interval,
    reassessment_status,
)
from dashboards.tables import decimal2


def test_score_is_the_mean_level_position_over_rated_areas():
    assert department_score([1, 2, 3, None, 6]) == Fraction(12, 4)


def test_score_of_no_rated_areas_is_none():
    assert department_score([None, None]) is None
    assert department_score([]) is None


def test_equal_means_compare_equal_exactly():
    # 10/3 computed two ways: floats could differ in the last bit, Fractions cannot.
    assert department_score([3, 3, 4]) == department_score([2, 4, 4])


def test_score_rounds_halves_up_on_page_and_in_files():
    assert decimal2(Fraction(25, 8)).text == "3.13"  # 3.125
    assert decimal2(Fraction(25, 8)).value == 3.13


@pytest.mark.parametrize(
    ("development_areas", "years"),
    [(0, 5), (1, 4), (2, 4), (3, 3), (10, 3)],
)
def test_reassessment_interval_by_development_areas(development_areas, years):
    assert reassessment_interval(development_areas) == years


def test_due_year_counts_from_the_year_of_the_ima():
    assert reassessment_due_year(last_year=2020, development_areas=3) == 2023
    assert reassessment_due_year(last_year=2020, development_areas=2) == 2024
    assert reassessment_due_year(last_year=2020, development_areas=0) == 2025


@pytest.mark.parametrize(
    ("development_areas", "this_year", "status"),
    [
        # Three or more Development areas: due after three years.
        (3, 2021, ReassessmentStatus.NOT_DUE),
        (3, 2022, ReassessmentStatus.DUE_NEXT_YEAR),
        (3, 2023, ReassessmentStatus.DUE),
        (3, 2024, ReassessmentStatus.OVERDUE),
        # Two (and one): after four.
        (2, 2023, ReassessmentStatus.DUE_NEXT_YEAR),
        (2, 2024, ReassessmentStatus.DUE),
        (1, 2024, ReassessmentStatus.DUE),
        (1, 2025, ReassessmentStatus.OVERDUE),
        # None: after five.
        (0, 2024, ReassessmentStatus.DUE_NEXT_YEAR),
        (0, 2025, ReassessmentStatus.DUE),
        (0, 2026, ReassessmentStatus.OVERDUE),
    ],
)
def test_reassessment_status_at_the_boundaries(development_areas, this_year, status):
    assert reassessment_status(last_year=2020, development_areas=development_areas, this_year=this_year) == status


def test_a_department_never_assessed_is_listed_as_having_no_ima():
    status = reassessment_status(last_year=None, development_areas=0, this_year=2026)
    assert status == ReassessmentStatus.NEVER_ASSESSED


def test_quartiles_by_nearest_rank_are_levels_on_the_scale():
    # Ratings 1,2,2,3,4,4,5,6 (n=8): ranks 2, 4 and 6.
    assert quartiles({1: 1, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1}) == (2, 3, 4)


def test_quartiles_of_five_ratings():
    # Ratings 1,3,3,5,6 (n=5): ranks ceil(1.25)=2, ceil(2.5)=3, ceil(3.75)=4.
    assert quartiles({1: 1, 3: 2, 5: 1, 6: 1}) == (3, 3, 5)


def test_quartiles_of_nothing():
    assert quartiles({}) == (None, None, None)
