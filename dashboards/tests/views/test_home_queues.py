"""The assessor's one work queue and the KIM lead's next steps on their home pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.tests import steps
from assessments.models import Assessment
from assessments.services.lifecycle import self_assessment_start
from assessments.tests.factories import published_assessment
from assessments.tests.support import to_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_plan(assessor, lead_a, framework, department_a):
    return steps.submitted(assessor, lead_a, published_assessment(department_a, framework))


def test_assessor_queue_lists_a_submitted_plan_with_its_age(client, assessor, submitted_plan):
    type(submitted_plan).objects.filter(pk=submitted_plan.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(assessor)
    page = client.get("/").content.decode()
    assert "Action plans to review: 1" in page
    assert reverse("actionplans:plan_review", args=[submitted_plan.pk]) in page
    assert "Submitted 3 days ago" in page


def test_assessor_queue_filters_by_kind_and_department(client, assessor, lead_a, submitted_plan, department_b):
    to_state(
        self_assessment_start(by=lead_a, department=submitted_plan.assessment.department, year=2025),
        Assessment.Status.SUBMITTED,
        lead=lead_a,
        assessor=assessor,
    )
    client.force_login(assessor)
    plans_only = client.get("/", {"kind": "plans"}).content.decode()
    assert "Action plan for the" in plans_only and "Self-assessment 2025" not in plans_only
    assessments_only = client.get("/", {"kind": "assessments"}).content.decode()
    assert "Self-assessment 2025" in assessments_only and "Action plan for the" not in assessments_only
    elsewhere = client.get("/", {"department": department_b.slug}).content.decode()
    assert "Nothing matches these filters" in elsewhere
    # A value that is not a choice drops only its own filter.
    assert "Action plan for the" in client.get("/", {"kind": "nonsense"}).content.decode()


def test_assessor_queue_query_count_does_not_grow(client, assessor, submitted_plan, django_assert_max_num_queries):
    client.force_login(assessor)
    with django_assert_max_num_queries(25):
        client.get("/")


def test_lead_home_says_what_needs_doing_next_by_whom(client, assessor, lead_a, submitted_plan):
    client.force_login(lead_a)
    page = client.get("/").content.decode()
    assert "What needs doing next" in page
    assert "TNA reviews the plan" in page and "The National Archives" in page
    assert "0 of 10 areas" not in page


def test_lead_home_lists_actions_due_next(client, assessor, lead_a, framework, department_a):
    plan = steps.accepted(assessor, lead_a, published_assessment(department_a, framework))
    client.force_login(lead_a)
    page = client.get("/").content.decode()
    assert "Actions due next" in page
    assert reverse("actionplans:action_detail", args=[plan.actions.first().pk]) in page


def test_start_self_assessment_offers_only_free_years(client, framework, lead_a, department_a):
    this_year = timezone.localdate().year
    client.force_login(lead_a)
    url = reverse("assessments:self_assessment_start")
    response = client.post(url, {"department": department_a.pk, "year": this_year})
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    # While it is unfinished nothing else can start: the page says why, and offers no button that would fail.
    page = client.get(url).content.decode()
    assert "Start self-assessment</button>" not in page
    assert reverse("assessments:assessment_detail", args=[assessment.pk]) in page
    assert "Start a self-assessment" not in client.get("/").content.decode().split("<main", 1)[1]
    # Once it is published, only next year is offered.
    Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.PUBLISHED)
    page = client.get(url).content.decode()
    assert f"for {this_year + 1}" in page
    refused = client.post(url, {"department": department_a.pk, "year": this_year}).content.decode()
    assert "Select a year" in refused
