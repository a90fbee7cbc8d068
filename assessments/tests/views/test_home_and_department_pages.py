"""Assessments on the home pages and the department page."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from assessments.tests.support import to_state

pytestmark = pytest.mark.django_db


def test_lead_home_lists_their_departments_assessments(lead_a_client, self_assessment):
    page = lead_a_client.get(reverse("home")).content.decode()
    assert "Self-assessment 2025" in page
    assert reverse("assessments:assessment_detail", args=[self_assessment.pk]) in page


def test_lead_home_without_assessments_offers_to_start_one(lead_a_client):
    page = lead_a_client.get(reverse("home")).content.decode()
    assert "Nothing is waiting for your department" in page
    assert reverse("assessments:self_assessment_start") in page


def test_assessor_home_shows_the_queue(client, self_assessment, lead_a, assessor):
    to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    client.force_login(assessor)
    page = client.get(reverse("home")).content.decode()
    assert "Your work" in page and "Department for Education" in page
    assert reverse("assessments:assessment_detail", args=[self_assessment.pk]) in page


def test_department_page_lists_its_assessments(lead_a_client, self_assessment, department_a):
    page = lead_a_client.get(reverse("assessments:department_detail", args=[department_a.slug])).content.decode()
    assert "Self-assessment 2025" in page


def test_assessment_page_has_one_h1_a_unique_title_and_tabs(lead_a_client, self_assessment):
    page = lead_a_client.get(reverse("assessments:assessment_detail", args=[self_assessment.pk])).content.decode()
    assert page.count("<h1") == 1
    assert "<title>DfE Self-assessment 2025 –" in page
    assert reverse("assessments:assessment_history", args=[self_assessment.pk]) in page
    history = lead_a_client.get(reverse("assessments:assessment_history", args=[self_assessment.pk])).content.decode()
    assert "<title>History – DfE Self-assessment 2025" in history
    assert "Self-assessment 2025 opened" in history


def test_the_assessments_list_filters_by_type_and_status(client, assessor, self_assessment, ima, lead_a):
    to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    client.force_login(assessor)
    url = reverse("assessments:assessment_list")
    only_self = client.get(url, {"assessment_type": "self_assessment"}).content.decode()
    listed = only_self.split("All assessments", 1)[1]
    assert "Self-assessment 2025" in listed and "Information Management Assessment 2025" not in listed
    nothing = client.get(url, {"status": "published"}).content.decode()
    assert "No assessment matches these filters." in nothing
    # A value that is not a choice drops only its own filter.
    assert "Self-assessment 2025" in client.get(url, {"status": "nonsense"}).content.decode()
