"""Who does this well (network/selectors/library.py): counts only shared, approved good practice, latest ratings."""

import pytest

from assessments.models import Assessment
from assessments.tests.factories import published_assessment
from network.selectors.library import areas_to_improve
from network.tests.factories import GUIDANCE

pytestmark = pytest.mark.django_db


def test_no_consent_is_not_counted_in_who_does_this_well(framework, lead_a, department_a, shared):
    published_assessment(
        department_a, framework, year=2015, share_good_practice=False, ratings={GUIDANCE: "Development area"}
    )
    (row,) = areas_to_improve(lead_a)
    assert row.entry_count == 1
    Assessment.objects.filter(pk=shared.pk).update(share_good_practice=False)
    (row,) = areas_to_improve(lead_a)
    assert row.entry_count == 0


def test_who_does_this_well_uses_the_latest_published_rating(framework, lead_a, department_a, shared):
    published_assessment(
        department_a, framework, year=2014, ratings={GUIDANCE: "Development area"}, share_good_practice=True
    )
    published_assessment(
        department_a, framework, year=2017, ratings={GUIDANCE: "Satisfactory"}, share_good_practice=True
    )
    assert areas_to_improve(lead_a) == []
