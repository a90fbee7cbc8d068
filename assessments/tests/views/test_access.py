"""Every assessment URL: another department's lead gets 404, anonymous people sign in, wrong roles get 403."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Assessment
from assessments.services.evidence import evidence_add_file
from assessments.tests.support import PDF_BYTES, ratings_of, to_state, upload

pytestmark = pytest.mark.django_db


def _urls(assessment, evidence):
    rating = ratings_of(assessment)[0]
    summary = assessment.theme_summaries.first()
    pk = assessment.pk
    return [
        reverse("assessments:assessment_detail", args=[pk]),
        reverse("assessments:assessment_history", args=[pk]),
        reverse("assessments:task_list", args=[pk]),
        reverse("assessments:area_edit", args=[pk, rating.pk]),
        reverse("assessments:check_answers", args=[pk]),
        reverse("assessments:assessment_submit", args=[pk]),
        reverse("assessments:assessment_submitted", args=[pk]),
        reverse("assessments:assessment_review", args=[pk]),
        reverse("assessments:start_review", args=[pk]),
        reverse("assessments:review_area", args=[pk, rating.pk]),
        reverse("assessments:theme_summary", args=[pk, summary.pk]),
        reverse("assessments:assessment_return", args=[pk]),
        reverse("assessments:assessment_publish", args=[pk]),
        reverse("assessments:evidence_download", args=[evidence.pk]),
        reverse("assessments:evidence_remove", args=[evidence.pk]),
    ]


@pytest.fixture
def evidence(self_assessment, lead_a):
    return evidence_add_file(rating=ratings_of(self_assessment)[0], by=lead_a, upload=upload("p.pdf", PDF_BYTES))


@pytest.mark.parametrize("state", list(Assessment.Status))
def test_another_departments_lead_gets_404_on_every_assessment_url(
    client, self_assessment, evidence, lead_a, lead_b, assessor, state
):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    client.force_login(lead_b)
    for url in _urls(assessment, evidence):
        answers = {client.get(url).status_code, client.post(url).status_code}
        # POST-only and GET-only URLs answer 405 to the other method before any lookup: nothing leaks.
        assert answers in ({404}, {404, 405}), (url, answers)


def test_anonymous_people_are_asked_to_sign_in(client, self_assessment, evidence):
    for url in _urls(self_assessment, evidence):
        response = client.post(url) if url.endswith(("/submit/", "/review/start/")) else client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url


def test_assessors_get_404_for_an_unsubmitted_self_assessment(client, self_assessment, evidence, assessor):
    client.force_login(assessor)
    for url in _urls(self_assessment, evidence):
        assert {client.get(url).status_code, client.post(url).status_code} <= {404, 405}, url
        assert 404 in {client.get(url).status_code, client.post(url).status_code}, url


@pytest.mark.parametrize(
    "name", ["assessments:assessment_review", "assessments:assessment_return", "assessments:assessment_publish"]
)
def test_department_people_cannot_reach_assessor_pages(client, self_assessment, lead_a, contributor_a, assessor, name):
    assessment = to_state(self_assessment, Assessment.Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    for user in (lead_a, contributor_a):
        client.force_login(user)
        assert client.get(reverse(name, args=[assessment.pk])).status_code == 403


def test_contributors_see_the_assessment_but_cannot_edit(client, self_assessment, contributor_a):
    client.force_login(contributor_a)
    assert client.get(reverse("assessments:assessment_detail", args=[self_assessment.pk])).status_code == 200
    tasks = client.get(reverse("assessments:task_list", args=[self_assessment.pk]))
    assert tasks.status_code == 200 and "govuk-task-list__link" not in tasks.content.decode()
    rating = ratings_of(self_assessment)[0]
    assert client.get(reverse("assessments:area_edit", args=[self_assessment.pk, rating.pk])).status_code == 403
    assert client.post(reverse("assessments:assessment_submit", args=[self_assessment.pk])).status_code == 403


def test_assessors_cannot_use_the_departments_pages(client, self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    client.force_login(assessor)
    rating = ratings_of(assessment)[0]
    assert client.get(reverse("assessments:area_edit", args=[assessment.pk, rating.pk])).status_code == 403
    assert client.get(reverse("assessments:task_list", args=[assessment.pk])).status_code == 403


def test_a_rating_of_another_assessment_is_404(client, self_assessment, ima, lead_a):
    client.force_login(lead_a)
    other_rating = ratings_of(ima)[0]
    assert client.get(reverse("assessments:area_edit", args=[self_assessment.pk, other_rating.pk])).status_code == 404


def test_state_changes_need_post_and_a_csrf_token(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(assessor)
    url = reverse("assessments:start_review", args=[assessment.pk])
    assert strict.get(url).status_code == 405
    assert strict.post(url).status_code == 403
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


def test_opening_and_starting_are_for_assessors_and_leads(client, framework, lead_a, assessor, contributor_a):
    client.force_login(lead_a)
    assert client.get(reverse("assessments:assessment_open")).status_code == 403
    client.force_login(contributor_a)
    assert client.get(reverse("assessments:self_assessment_start")).status_code == 403
    client.force_login(assessor)
    assert client.get(reverse("assessments:self_assessment_start")).status_code == 403
    assert client.get(reverse("assessments:assessment_open")).status_code == 200
