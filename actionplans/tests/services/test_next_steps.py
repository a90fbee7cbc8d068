"""A next step names the recommendation it follows up, unless its words already start with that label."""

import pytest

from actionplans.models import NextStep
from actionplans.tests.factories import RecommendationFactory
from assessments.tests.factories import published_assessment

pytestmark = pytest.mark.django_db


def test_an_item_worded_from_its_recommendation_does_not_repeat_the_label(framework, department_a):
    recommendation = RecommendationFactory(assessment=published_assessment(department_a, framework, year=2013))
    label = recommendation.full_label
    assert NextStep(recommendation=recommendation, text=f"{label}: do it").follows_up == ""
    assert NextStep(recommendation=recommendation, text="Do it by March").follows_up == label
    assert NextStep(text="Do it").follows_up == ""
