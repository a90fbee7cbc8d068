"""The whole journey through the pages: rate, submit, return one area, fix, resubmit, publish."""

import re

import pytest
from django.urls import reverse

from assessments.models import AreaRating, Assessment
from assessments.tests.support import NARRATIVE, level

pytestmark = pytest.mark.django_db


def _page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_lead_rates_submits_assessor_returns_lead_resubmits_assessor_publishes(
    client, framework, department_a, lead_a, assessor, django_capture_on_commit_callbacks
):
    satisfactory = level(framework, 3)
    good = level(framework, 5)

    client.force_login(lead_a)
    assert "Start a self-assessment" in _page(client.get(reverse("assessments:assessment_list")))
    response = client.post(reverse("assessments:self_assessment_start"), {"department": department_a.pk})
    assessment = Assessment.objects.get(department=department_a)
    assert response["Location"] == reverse("assessments:task_list", args=[assessment.pk])
    tasks = _page(client.get(response["Location"]))
    assert tasks.count("Not started") == 10

    ratings = list(AreaRating.objects.filter(assessment=assessment))
    url = reverse("assessments:area_edit", args=[assessment.pk, ratings[0].pk])
    assert "Satisfactory" in _page(client.get(url))
    for index, rating in enumerate(ratings):
        response = client.post(
            reverse("assessments:area_edit", args=[assessment.pk, rating.pk]),
            {"version": rating.version, "self_rating": satisfactory.pk, "narrative": NARRATIVE, "action": "continue"},
        )
        expected = (
            reverse("assessments:area_edit", args=[assessment.pk, ratings[index + 1].pk])
            if index + 1 < len(ratings)
            else reverse("assessments:check_answers", args=[assessment.pk])
        )
        assert response.status_code == 302 and response["Location"] == expected
    assert _page(client.get(reverse("assessments:task_list", args=[assessment.pk]))).count("Completed") == 10
    check = _page(client.get(reverse("assessments:check_answers", args=[assessment.pk])))
    assert check.count("?from=check") == 10
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("assessments:assessment_submit", args=[assessment.pk]))
    assert response["Location"] == reverse("assessments:assessment_submitted", args=[assessment.pk])
    assert len(callbacks) == 1  # one assessor
    assert "govuk-panel--confirmation" in _page(client.get(response["Location"]))

    client.force_login(assessor)
    assert "Your work" in _page(client.get(reverse("home")))
    review_url = reverse("assessments:assessment_review", args=[assessment.pk])
    assert "Start review" in _page(client.get(review_url))
    client.post(reverse("assessments:start_review", args=[assessment.pk]))
    review = _page(client.get(review_url))
    assert "Return to the department" in review
    first = AreaRating.objects.get(pk=ratings[0].pk)
    response = client.post(
        reverse("assessments:review_area", args=[assessment.pk, first.pk]),
        {"version": first.version, "assessor_rating": good.pk, "assessor_commentary": "Strong.", "action": "review"},
    )
    assert response["Location"] == review_url
    response = client.post(
        reverse("assessments:assessment_return", args=[assessment.pk]),
        {"comment": "Please add evidence to one area.", f"area_{ratings[1].pk}": "Add your disposal schedule."},
    )
    assert response.status_code == 302

    client.force_login(lead_a)
    tasks = _page(client.get(reverse("assessments:task_list", args=[assessment.pk])))
    assert "Please add evidence to one area." in tasks
    assert "The assessor asked for changes" in tasks
    second = AreaRating.objects.get(pk=ratings[1].pk)
    area = _page(client.get(reverse("assessments:area_edit", args=[assessment.pk, second.pk])))
    assert "Add your disposal schedule." in area
    client.post(
        reverse("assessments:area_edit", args=[assessment.pk, second.pk]),
        {"version": second.version, "self_rating": satisfactory.pk, "narrative": NARRATIVE, "action": "continue"},
    )
    response = client.post(reverse("assessments:assessment_submit", args=[assessment.pk]))
    assert response.status_code == 302

    client.force_login(assessor)
    client.post(reverse("assessments:start_review", args=[assessment.pk]))
    for rating in AreaRating.objects.filter(assessment=assessment):
        client.post(
            reverse("assessments:review_area", args=[assessment.pk, rating.pk]),
            {"version": rating.version, "assessor_rating": satisfactory.pk, "assessor_commentary": "", "action": "x"},
        )
    publish_url = reverse("assessments:assessment_publish", args=[assessment.pk])
    assert "Publish assessment" in _page(client.get(publish_url))
    response = client.post(publish_url, {"published_on_0": "3", "published_on_1": "2", "published_on_2": "2026"})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.PUBLISHED
    assert str(assessment.published_on) == "2026-02-03"

    client.force_login(lead_a)
    detail = _page(client.get(reverse("assessments:assessment_detail", args=[assessment.pk])))
    assert "Assessor&#x27;s rating" in detail or "Assessor's rating" in detail
    assert len(re.findall(r"govuk-tag--yellow\">Satisfactory", detail)) >= 10
    history = _page(client.get(reverse("assessments:assessment_history", args=[assessment.pk])))
    assert "Published" in history
