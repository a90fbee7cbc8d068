"""Plausibility flags as documented in assessments/selectors/plausibility.py."""

import pytest

from assessments.models import AreaRating, Assessment
from assessments.selectors import plausibility
from assessments.selectors.assessments import previous_published
from assessments.selectors.detail import assessment_detail
from assessments.services.evidence import evidence_add_link
from assessments.tests.factories import published_assessment
from assessments.tests.support import rate_all, ratings_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("", True),
        ("Fine.", True),
        ("We have a policy", True),  # four words
        ("We have a records policy", True),  # five words but no full stop
        ("We have a records policy.", False),
        ("Do we follow our records policy? Mostly", False),
        ("Our staff follow it everywhere!", False),
    ],
)
def test_narrative_shorter_than_a_sentence(text, short):
    assert plausibility.is_shorter_than_a_sentence(text) is short


def _codes(assessment, area_name):
    detail = assessment_detail(assessment)
    row = next(row for row in detail.rows if row.area.name == area_name)
    return {flag.code for flag in row.flags}


def test_good_practice_without_evidence_is_flagged_until_evidence_is_added(self_assessment, lead_a):
    rate_all(self_assessment, lead_a, position=5)
    assert plausibility.HIGH_WITHOUT_EVIDENCE in _codes(self_assessment, "Measuring impact")
    rating = AreaRating.objects.get(assessment=self_assessment, area__name="Measuring impact")
    evidence_add_link(rating=rating, by=lead_a, url="https://example.gov.uk/kpi", title="KPIs")
    assert plausibility.HIGH_WITHOUT_EVIDENCE not in _codes(self_assessment, "Measuring impact")


def test_below_good_practice_without_evidence_is_not_flagged(self_assessment, lead_a):
    rate_all(self_assessment, lead_a, position=4)
    assert plausibility.HIGH_WITHOUT_EVIDENCE not in _codes(self_assessment, "Measuring impact")


def test_a_change_of_two_levels_since_the_previous_published_assessment_is_flagged(
    self_assessment, lead_a, framework, department_a, department_b
):
    published_assessment(department_a, framework, year=2013, ratings=1)
    published_assessment(department_b, framework, year=2014, ratings=3)  # another department's does not count
    rate_all(self_assessment, lead_a, position=3)
    detail = assessment_detail(self_assessment)
    row = detail.rows[0]
    assert detail.previous.year == 2013
    assert row.previous_level.position == 1
    flag = next(f for f in row.flags if f.code == plausibility.BIG_CHANGE)
    assert flag.message == "2 levels up since IMA 2013 (Development area)"


def test_a_change_of_one_level_is_not_flagged(self_assessment, lead_a, framework, department_a):
    published_assessment(department_a, framework, year=2013, ratings=2)
    rate_all(self_assessment, lead_a, position=3)
    assert plausibility.BIG_CHANGE not in _codes(self_assessment, "Measuring impact")


def test_unrated_areas_raise_no_flags(self_assessment):
    assert all(row.flags == [] for row in assessment_detail(self_assessment).rows)


def test_good_practice_is_found_by_name_or_falls_back_to_second_highest(framework):
    levels = list(framework.levels.all())
    assert plausibility.good_practice_position(levels) == 5
    for level in levels:
        level.name = f"Level {level.position}"
    assert plausibility.good_practice_position(levels) == 5
    assert plausibility.good_practice_position(levels[:4]) == 3


def test_detail_groups_rows_by_theme_in_framework_order(self_assessment):
    detail = assessment_detail(self_assessment)
    assert [group.theme.number for group in detail.themes] == [1, 2, 3, 4]
    assert [row.area.reference for row in detail.rows] == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4.1",
        "4.2",
    ]
    assert all(group.summary is not None for group in detail.themes)


def test_previous_published_ignores_later_and_unpublished_assessments(framework, department_a, lead_a):
    published_assessment(department_a, framework, year=2013, ratings=2)
    published_assessment(department_a, framework, year=2030, ratings=6)
    current = Assessment.objects.create(
        department=department_a, framework=framework, assessment_type="self_assessment", year=2025
    )

    assert previous_published(current).year == 2013
    assert ratings_of(current) == []
