"""Writing library excerpts (network/services/library.py): approval, consent and the rating threshold."""

import pytest

from assessments.models import Assessment
from assessments.tests.factories import published_assessment
from common.errors import ServiceError
from network.selectors.library import library_entries
from network.services.library import NOT_SHAREABLE, excerpt_save
from network.tests.factories import GUIDANCE, rating_for

pytestmark = pytest.mark.django_db


def test_changing_the_words_without_approving_again_withdraws_the_excerpt(shared, assessor):
    rating = rating_for(shared, GUIDANCE)
    record = excerpt_save(rating=rating, by=assessor, version=1, excerpt="New words, not yet checked.", approve=False)
    assert not record.is_approved
    assert library_entries().count() == 0


def test_unpublished_or_lower_rated_areas_never_enter_the_library(framework, department_b, assessor):
    lower = published_assessment(
        department_b,
        framework,
        year=2015,
        ratings={GUIDANCE: "Progressing towards good practice"},
        share_good_practice=True,
    )
    draft = published_assessment(
        department_b, framework, year=2016, ratings={GUIDANCE: "Best practice"}, share_good_practice=True
    )
    Assessment.objects.filter(pk=draft.pk).update(status=Assessment.Status.IN_REVIEW)
    for assessment in (lower, draft):
        with pytest.raises(ServiceError, match="cannot go into the library"):
            excerpt_save(rating=rating_for(assessment, GUIDANCE), by=assessor, version=0, excerpt="x", approve=True)
    assert NOT_SHAREABLE.startswith("This area cannot go into the library")
