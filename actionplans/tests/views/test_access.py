"""Who sees what: another department's people get 404 everywhere; wrong roles get 403; anonymous sign in."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actionplans.models import ProgressUpdate
from actionplans.tests import steps
from actionplans.tests.factories import ActionFactory
from assessments.models import Assessment
from assessments.tests.factories import published_assessment

pytestmark = pytest.mark.django_db


def plan_urls(plan):
    action = plan.actions.first()
    return [
        ("get", reverse("actionplans:plan_detail", args=[plan.pk])),
        ("get", reverse("actionplans:plan_history", args=[plan.pk])),
        ("get", reverse("actionplans:plan_export_csv", args=[plan.pk])),
        ("get", reverse("actionplans:plan_export_xlsx", args=[plan.pk])),
        ("get", reverse("actionplans:plan_submit", args=[plan.pk])),
        ("post", reverse("actionplans:plan_submit", args=[plan.pk])),
        ("get", reverse("actionplans:plan_import", args=[plan.pk])),
        ("get", reverse("actionplans:plan_review", args=[plan.pk])),
        ("get", reverse("actionplans:plan_close", args=[plan.pk])),
        ("get", reverse("actionplans:action_create", args=[plan.pk])),
        ("get", reverse("actionplans:action_detail", args=[action.pk])),
        ("get", reverse("actionplans:action_update", args=[action.pk])),
        ("post", reverse("actionplans:action_delete", args=[action.pk])),
        ("get", reverse("actionplans:progress_create", args=[action.pk])),
        ("post", reverse("actionplans:progress_create", args=[action.pk])),
        ("get", reverse("actionplans:plan_confirmation", args=[plan.pk, "accepted"])),
        ("get", reverse("actionplans:recommendation_list", args=[plan.assessment_id])),
        ("get", reverse("actionplans:recommendation_update", args=[action.recommendation_id])),
    ]


def test_another_departments_lead_gets_404_on_every_plan_page_export_and_update(client, lead_b, accepted_plan_a):
    client.force_login(lead_b)
    for method, url in plan_urls(accepted_plan_a):
        response = getattr(client, method)(url, {"commentary": "x", "date_0": "1", "date_1": "1", "date_2": "2026"})
        assert response.status_code == 404, (method, url, response.status_code)
    assert not ProgressUpdate.objects.exists()


def test_another_departments_lead_cannot_start_or_read_its_plan(client, lead_b, assessor, assessment_a):
    steps.recommend(assessor, assessment_a)
    client.force_login(lead_b)
    assert client.get(reverse("actionplans:plan_create", args=[assessment_a.pk])).status_code == 404
    assert client.post(reverse("actionplans:plan_create", args=[assessment_a.pk])).status_code == 404
    assert client.get(reverse("actionplans:recommendation_list", args=[assessment_a.pk])).status_code == 404


def test_anonymous_people_are_sent_to_sign_in(client, accepted_plan_a):
    for method, url in [*plan_urls(accepted_plan_a), ("get", reverse("actionplans:plan_list"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_help_page_is_public(client):
    assert client.get(reverse("actionplans:help_rag")).status_code == 200


def test_contributor_sees_their_departments_plan_but_cannot_change_it(client, contributor_a, draft_plan_a):
    client.force_login(contributor_a)
    action = draft_plan_a.actions.first()
    assert client.get(reverse("actionplans:plan_detail", args=[draft_plan_a.pk])).status_code == 200
    for url in (
        reverse("actionplans:action_update", args=[action.pk]),
        reverse("actionplans:action_create", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_submit", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_import", args=[draft_plan_a.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        "Add an action" not in client.get(reverse("actionplans:plan_detail", args=[draft_plan_a.pk])).content.decode()
    )


def test_lead_gets_403_on_assessor_pages(client, lead_a, draft_plan_a):
    client.force_login(lead_a)
    for url in (
        reverse("actionplans:plan_review", args=[draft_plan_a.pk]),
        reverse("actionplans:plan_close", args=[draft_plan_a.pk]),
        reverse("actionplans:recommendation_create", args=[draft_plan_a.assessment_id]),
        reverse("actionplans:recommendation_update", args=[draft_plan_a.actions.first().recommendation_id]),
    ):
        assert client.get(url).status_code == 403, url


def test_assessor_cannot_record_progress(client, assessor, accepted_plan_a):
    client.force_login(assessor)
    url = reverse("actionplans:progress_create", args=[accepted_plan_a.actions.first().pk])
    assert client.get(url).status_code == 403


def test_my_actions_shows_only_the_actions_a_person_owns(client, contributor_a, accepted_plan_a, accepted_plan_b):
    mine = accepted_plan_a.actions.first()
    mine.owner_user, mine.description = contributor_a, "Mine to do"
    mine.save()
    other = accepted_plan_a.actions.last()
    other.description = "Someone else's"
    other.save()
    elsewhere = accepted_plan_b.actions.first()
    elsewhere.description = "Another department's"
    elsewhere.save()
    client.force_login(contributor_a)
    html = client.get(reverse("actionplans:my_actions")).content.decode()
    assert "Mine to do" in html
    assert "Someone else&#x27;s" not in html and "Another department" not in html


def test_owner_who_left_the_department_no_longer_sees_its_actions(client, contributor_a, accepted_plan_b):
    # An owner link to another department (not possible through the services) still shows nothing.
    ActionFactory(
        plan=accepted_plan_b,
        recommendation=accepted_plan_b.actions.first().recommendation,
        sequence=9,
        owner_user=contributor_a,
        description="Leaked?",
    )
    client.force_login(contributor_a)
    assert "Leaked?" not in client.get(reverse("actionplans:my_actions")).content.decode()


def test_home_page_lists_a_contributors_actions_with_rag(client, contributor_a, accepted_plan_a):
    action = accepted_plan_a.actions.first()
    action.owner_user = contributor_a
    action.save()
    client.force_login(contributor_a)
    html = client.get(reverse("home")).content.decode()
    assert "Actions you own" in html and reverse("actionplans:action_detail", args=[action.pk]) in html
    assert "govuk-tag--green" in html


def test_home_page_keeps_its_empty_state(client, contributor_a, accepted_plan_a):
    client.force_login(contributor_a)
    assert "You do not own any actions yet" in client.get(reverse("home")).content.decode()


def test_plan_list_is_scoped_to_the_leads_department(client, lead_a, accepted_plan_a, accepted_plan_b):
    client.force_login(lead_a)
    html = client.get(reverse("actionplans:plan_list")).content.decode()
    assert "Department for Education, IMA 2013" in html and "Home Office" not in html


def test_assessor_sees_every_plan(client, assessor, accepted_plan_a, accepted_plan_b):
    client.force_login(assessor)
    html = client.get(reverse("actionplans:plan_list")).content.decode()
    assert "Department for Education, IMA 2013" in html and "Home Office, IMA 2013" in html


def test_all_plans_export_holds_only_the_plans_a_person_may_see(
    client, lead_a, assessor, accepted_plan_a, accepted_plan_b
):
    client.force_login(lead_a)
    workbook = load_workbook(io.BytesIO(client.get(reverse("actionplans:plans_export_xlsx")).content))
    assert workbook.sheetnames == ["DfE IMA 2013"]
    client.force_login(assessor)
    workbook = load_workbook(io.BytesIO(client.get(reverse("actionplans:plans_export_xlsx")).content))
    assert sorted(workbook.sheetnames) == ["DfE IMA 2013", "HO IMA 2013"]


def test_department_sees_recommendations_only_once_published(client, lead_a, assessor, framework, department_a):
    assessment = published_assessment(department_a, framework, year=2021)
    Assessment.objects.filter(pk=assessment.pk).update(status=Assessment.Status.IN_REVIEW)
    url = reverse("actionplans:recommendation_list", args=[assessment.pk])
    client.force_login(lead_a)
    assert client.get(url).status_code == 404
    client.force_login(assessor)
    assert client.get(url).status_code == 200


def test_starting_a_plan_follows_the_same_rule_for_everyone_but_its_leads(
    client, contributor_a, assessor, framework, department_a
):
    """Nobody but a KIM lead may start it (403), and whoever may not see its recommendations gets a 404."""
    published = published_assessment(department_a, framework, year=2021)
    in_review = published_assessment(department_a, framework, year=2022)
    Assessment.objects.filter(pk=in_review.pk).update(status=Assessment.Status.IN_REVIEW)
    client.force_login(contributor_a)
    assert client.get(reverse("actionplans:plan_create", args=[in_review.pk])).status_code == 404
    assert client.get(reverse("actionplans:plan_create", args=[published.pk])).status_code == 403
    client.force_login(assessor)
    assert client.get(reverse("actionplans:plan_create", args=[in_review.pk])).status_code == 403


def test_exports_are_downloads_that_are_not_cached(client, lead_a, accepted_plan_a):
    client.force_login(lead_a)
    response = client.get(reverse("actionplans:plan_export_csv", args=[accepted_plan_a.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="action-plan-education-2013.csv"'
    assert response["Cache-Control"] == "private, no-store"
