"""Fixtures for the network tests: `shared`, good practice that the library pages, selectors and services all read."""

import pytest

from assessments.tests.factories import published_assessment
from network.tests.factories import GUIDANCE, approved_excerpt, rating_for


@pytest.fixture
def shared(framework, department_b, assessor):
    """Home Office agreed to share; Providing guidance was rated Good practice, with an approved excerpt."""
    assessment = published_assessment(
        department_b, framework, year=2015, share_good_practice=True, ratings={GUIDANCE: "Good practice"}
    )
    approved_excerpt(rating_for(assessment, GUIDANCE), assessor, text="A one-page guide to saving email of value.")
    return assessment
