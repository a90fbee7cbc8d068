import pytest

from actionplans.models import Recommendation
from actionplans.services import recommendations as services
from actionplans.services.recommendations import (
    recommendation_close,
    recommendation_create,
    recommendation_reopen,
    recommendation_update,
)
from assessments.models import Assessment, FrameworkVersion, PerformanceArea, Theme
from common.errors import NotAllowed, ServiceError, StaleVersion

pytestmark = pytest.mark.django_db


def test_assessor_writes_a_recommendation_about_an_area(assessor, assessment_a):
    area = PerformanceArea.objects.get(theme__framework=assessment_a.framework, key="measuring-impact")
    recommendation = recommendation_create(
        assessment=assessment_a, by=assessor, text="  Measure compliance  ", priority="high", area=area
    )
    assert recommendation.text == "Measure compliance"
    assert recommendation.theme == area.theme and recommendation.area == area
    assert recommendation.history.get().history_user == assessor


@pytest.mark.parametrize("status", [Assessment.Status.IN_REVIEW, Assessment.Status.PUBLISHED])
def test_recommendations_are_written_in_review_or_published(assessor, assessment_a, status):
    Assessment.objects.filter(pk=assessment_a.pk).update(status=status)
    assert recommendation_create(assessment=assessment_a, by=assessor, text="x", priority="low").number == 1


@pytest.mark.parametrize("status", [Assessment.Status.DRAFT, Assessment.Status.SUBMITTED, Assessment.Status.RETURNED])
def test_no_recommendations_before_review(assessor, assessment_a, status):
    Assessment.objects.filter(pk=assessment_a.pk).update(status=status)
    with pytest.raises(ServiceError, match=services.ASSESSMENT_NOT_OPEN):
        recommendation_create(assessment=assessment_a, by=assessor, text="x", priority="low")


@pytest.mark.parametrize("who", ["lead_a", "contributor_a", "administrator"])
def test_only_assessors_write_recommendations(request, assessment_a, who):
    with pytest.raises(NotAllowed):
        recommendation_create(assessment=assessment_a, by=request.getfixturevalue(who), text="x", priority="low")
    assert not Recommendation.objects.exists()


def test_area_from_another_framework_is_refused(assessor, assessment_a):
    other = FrameworkVersion.objects.create(slug="other", name="Other")
    theme = Theme.objects.create(framework=other, number=1, name="Other theme")
    area = PerformanceArea.objects.create(theme=theme, key="x", number=1, name="Elsewhere")
    with pytest.raises(ServiceError, match=services.AREA_NOT_IN_FRAMEWORK):
        recommendation_create(assessment=assessment_a, by=assessor, text="x", priority="low", area=area)


def test_update_close_and_reopen(assessor, assessment_a):
    recommendation = recommendation_create(assessment=assessment_a, by=assessor, text="x", priority="low")
    recommendation = recommendation_update(
        recommendation=recommendation, by=assessor, version=1, text="Better", priority="high"
    )
    assert (recommendation.text, recommendation.priority, recommendation.version) == ("Better", "high", 2)
    closed = recommendation_close(recommendation=recommendation, by=assessor)
    assert closed.status == "closed" and closed.closed_at
    with pytest.raises(ServiceError, match=services.ALREADY_CLOSED):
        recommendation_close(recommendation=closed, by=assessor)
    reopened = recommendation_reopen(recommendation=closed, by=assessor)
    assert reopened.status == "open" and reopened.closed_at is None


def test_an_update_based_on_an_older_version_is_refused_naming_who_saved_since(assessor, assessment_a):
    recommendation = recommendation_create(assessment=assessment_a, by=assessor, text="x", priority="low")
    recommendation_update(recommendation=recommendation, by=assessor, version=1, text="Better", priority="high")
    with pytest.raises(StaleVersion) as refused:
        recommendation_update(recommendation=recommendation, by=assessor, version=1, text="Other", priority="low")
    assert refused.value.message.startswith("Priya Shah changed R1 at ")
    assert (refused.value.changed_by, refused.value.version) == (assessor, 2)
    recommendation.refresh_from_db()
    assert (recommendation.text, recommendation.version) == ("Better", 2)
