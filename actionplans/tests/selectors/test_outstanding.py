"""Open recommendations of a department's earlier assessments carry forward to its next progress review."""

import pytest

from actionplans.selectors.lists import outstanding_recommendations
from actionplans.services.recommendations import recommendation_close
from actionplans.tests import steps
from assessments.models import Assessment
from assessments.tests.factories import published_assessment

pytestmark = pytest.mark.django_db


def test_open_recommendations_of_earlier_assessments_carry_forward(
    assessor, lead_a, framework, department_a, department_b
):
    ima = published_assessment(department_a, framework, year=2013)
    r1, r2 = steps.recommend(assessor, ima, 2)
    recommendation_close(recommendation=r2, by=assessor)
    plan = steps.draft(assessor, lead_a, ima, recommendations=0)
    steps.add_action(plan, lead_a, r1, "Still going")
    unpublished = published_assessment(department_a, framework, year=2014)
    steps.recommend(assessor, unpublished, 1)
    Assessment.objects.filter(pk=unpublished.pk).update(status=Assessment.Status.IN_REVIEW)
    steps.recommend(assessor, published_assessment(department_b, framework, year=2013), 1)
    review = published_assessment(department_a, framework, year=2015, assessment_type="progress_review", baseline=ima)
    later = published_assessment(department_a, framework, year=2016)
    steps.recommend(assessor, later, 1)

    found = outstanding_recommendations(department_a, review)

    assert [(r.assessment_id, r.label) for r in found] == [(ima.pk, "R1")]
    assert [a.label for a in found[0].outstanding_actions] == ["1A"]
    assert found[0].outstanding_actions[0].description == "Still going"


def test_nothing_outstanding_for_a_first_assessment(assessor, framework, department_a):
    first = published_assessment(department_a, framework, year=2013)
    steps.recommend(assessor, first, 2)
    assert outstanding_recommendations(department_a, first) == []
