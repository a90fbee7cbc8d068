"""Every page renders for the people who may see it, with one <h1> and a unique title."""

import re

import pytest
from django.urls import reverse

from actionplans.choices import PlanStatus
from actionplans.models import PlanReview
from actionplans.services.review import plan_accept

pytestmark = pytest.mark.django_db


def _assert_page(response):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert "<title>" in html
    return html


def test_lead_pages_render(client, lead_a, draft_plan_a):
    client.force_login(lead_a)
    action = draft_plan_a.actions.first()
    for url in [
        reverse("actionplans:plan_list"),
        reverse("actionplans:plan_detail", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_detail", args=[draft_plan_a.pk]) + "?status=not_started&overdue=on&owner=x",
        reverse("actionplans:action_create", args=[draft_plan_a.pk]),
        reverse("actionplans:action_update", args=[action.pk]),
        reverse("actionplans:action_delete", args=[action.pk]),
        reverse("actionplans:action_detail", args=[action.pk]),
        reverse("actionplans:plan_submit", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_import", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_history", args=[draft_plan_a.pk]),
        reverse("actionplans:recommendation_list", args=[draft_plan_a.assessment_id]),
        reverse("actionplans:my_actions"),
        reverse("actionplans:help_rag"),
        reverse("actionplans:plan_confirmation", args=[draft_plan_a.pk, "submitted"]),
    ]:
        _assert_page(client.get(url))


def test_assessor_pages_render(client, assessor, draft_plan_a):
    draft_plan_a.status = PlanStatus.SUBMITTED
    draft_plan_a.save()
    client.force_login(assessor)
    recommendation = draft_plan_a.assessment.recommendations.first()
    for url in [
        reverse("actionplans:plan_list"),
        reverse("actionplans:plan_review", args=[draft_plan_a.pk]),
        reverse("actionplans:recommendation_list", args=[draft_plan_a.assessment_id]),
        reverse("actionplans:recommendation_create", args=[draft_plan_a.assessment_id]),
        reverse("actionplans:recommendation_update", args=[recommendation.pk]),
        reverse("actionplans:recommendation_close", args=[recommendation.pk]),
    ]:
        _assert_page(client.get(url))
    review = plan_accept(plan=draft_plan_a, by=assessor)
    for url in [
        reverse("actionplans:plan_close", args=[draft_plan_a.pk]),
        reverse("actionplans:review_detail", args=[draft_plan_a.pk, review.pk]),
        reverse("actionplans:plan_history", args=[draft_plan_a.pk]),
    ]:
        _assert_page(client.get(url))
    assert PlanReview.objects.count() == 1
