"""Pages: bad input gives a GOV.UK error summary with what was typed kept; good input moves the plan on."""

import pytest
from django.urls import reverse

from actionplans.models import Recommendation
from actionplans.tests import steps
from actionplans.tests.pages import action_data, assert_error_page, html
from common.forms import PAGE_INCOMPLETE

pytestmark = pytest.mark.django_db


# Recommendations


def test_assessor_adds_a_recommendation(client, assessor, assessment_a):
    client.force_login(assessor)
    url = reverse("actionplans:recommendation_create", args=[assessment_a.pk])
    response = client.post(url, {"text": "Publish a retention schedule", "priority": "high", "area": ""}, follow=True)
    assert "R1 added" in html(response)
    assert Recommendation.objects.get().text == "Publish a retention schedule"


def test_recommendation_form_errors(client, assessor, assessment_a):
    client.force_login(assessor)
    url = reverse("actionplans:recommendation_create", args=[assessment_a.pk])
    assert_error_page(
        client.post(url, {"text": "", "priority": "urgent", "area": "999999"}),
        "Enter the recommendation",
        "Select a priority",
        "Select a performance area from the list",
    )


def test_closing_and_reopening_a_recommendation(client, assessor, assessment_a):
    recommendation = steps.recommend(assessor, assessment_a, 1)[0]
    client.force_login(assessor)
    url = reverse("actionplans:recommendation_close", args=[recommendation.pk])
    assert "R1 closed" in html(client.post(url, follow=True))
    assert "R1 reopened" in html(client.post(url, follow=True))


# Starting and writing the plan


def test_lead_starts_the_plan_from_its_recommendations(client, assessor, lead_a, assessment_a):
    steps.recommend(assessor, assessment_a)
    client.force_login(lead_a)
    listing = html(client.get(reverse("actionplans:recommendation_list", args=[assessment_a.pk])))
    assert "Start the action plan" in listing
    response = client.post(reverse("actionplans:plan_create", args=[assessment_a.pk]), follow=True)
    assert "Action plan started" in html(response)


def test_starting_without_recommendations_shows_the_reason(client, lead_a, assessment_a):
    client.force_login(lead_a)
    assert_error_page(
        client.post(reverse("actionplans:plan_create", args=[assessment_a.pk])), "has no recommendations yet"
    )


def test_lead_adds_an_action(client, assessor, lead_a, contributor_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    recommendation = assessment_a.recommendations.first()
    client.force_login(lead_a)
    response = client.post(
        reverse("actionplans:action_create", args=[plan.pk]),
        action_data(recommendation=recommendation.pk, owner_user=contributor_a.pk),
        follow=True,
    )
    assert "Action 1A added" in html(response)
    assert plan.actions.get().owner_user == contributor_a


def test_action_form_reports_every_problem_and_keeps_what_was_typed(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    client.force_login(lead_a)
    response = client.post(
        reverse("actionplans:action_create", args=[plan.pk]),
        action_data(recommendation="abc", owner_text="", priority="", due_date_0="31", due_date_1="2", owner_user="x"),
    )
    page = assert_error_page(
        response,
        "Select one of the open recommendations",
        "Enter the owner",
        "Select a priority",
        "The due date must be a real date",
        "Select a person from the department",
    )
    assert "Write the retention schedule" in page and 'value="31"' in page


def test_action_date_parts_are_checked(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    client.force_login(lead_a)
    url = reverse("actionplans:action_create", args=[plan.pk])
    recommendation = assessment_a.recommendations.first().pk
    assert_error_page(
        client.post(url, action_data(recommendation=recommendation, due_date_0="", due_date_1="", due_date_2="")),
        "Enter the due date",
    )
    assert_error_page(
        client.post(url, action_data(recommendation=recommendation, due_date_1="")), "The due date must include a month"
    )
    assert_error_page(
        client.post(url, action_data(recommendation=recommendation, due_date_2="27")), "with a 4-digit year"
    )


def test_stale_edit_shows_the_error_and_keeps_what_was_typed(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    client.force_login(lead_a)
    url = reverse("actionplans:action_update", args=[action.pk])
    client.post(url, action_data(version=action.version, description="First"))
    page = assert_error_page(client.post(url, action_data(version=action.version, description="Second")))
    assert f"Lena Lead-A changed action {action.label} at " in page and "Second" in page
    # The other person's version, as assessments show a stale save (templates/includes/conflict.html).
    assert 'href="#conflict"' in page and 'id="conflict"' in page
    assert f"The version saved by {lead_a.full_name}" in page and "<strong>Action:</strong> First" in page
    assert "<strong>Priority:</strong> High" in page and "<strong>Due for completion:</strong> 31 March 2027" in page
    # The next save is based on their version, so it replaces it.
    assert f'name="version" value="{action.version + 1}"' in page
    action.refresh_from_db()
    assert action.description == "First"


def test_action_edit_sent_without_its_version_is_refused(client, assessor, lead_a, assessment_a):
    action = steps.draft(assessor, lead_a, assessment_a).actions.first()
    client.force_login(lead_a)
    assert_error_page(
        client.post(reverse("actionplans:action_update", args=[action.pk]), action_data(description="Changed")),
        PAGE_INCOMPLETE,
    )
    action.refresh_from_db()
    assert action.description == "Do the thing"


def test_submit_with_an_unanswered_recommendation_shows_which(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    steps.add_action(plan, lead_a, assessment_a.recommendations.get(number=1))
    client.force_login(lead_a)
    assert_error_page(
        client.post(reverse("actionplans:plan_submit", args=[plan.pk])),
        "Add at least one action for R2 before you submit the plan",
    )


def test_submit_shows_a_confirmation_panel(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a)
    client.force_login(lead_a)
    response = client.post(reverse("actionplans:plan_submit", args=[plan.pk]), follow=True)
    page = html(response)
    assert response.redirect_chain[-1][0] == reverse("actionplans:plan_confirmation", args=[plan.pk, "submitted"])
    assert "govuk-panel--confirmation" in page and "Action plan submitted" in page


def test_unknown_confirmation_is_404(client, lead_a, draft_plan_a):
    client.force_login(lead_a)
    assert client.get(reverse("actionplans:plan_confirmation", args=[draft_plan_a.pk, "exploded"])).status_code == 404


def test_a_new_action_cannot_be_due_in_the_past(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    client.force_login(lead_a)
    recommendation = assessment_a.recommendations.first().pk
    assert_error_page(
        client.post(
            reverse("actionplans:action_create", args=[plan.pk]),
            action_data(recommendation=recommendation, due_date_2="2020"),
        ),
        "The date the action is due must be today or in the future",
    )
    assert not plan.actions.exists()


def test_an_action_past_its_due_date_keeps_it_when_corrected(client, assessor, lead_a, assessment_a):
    action = steps.draft(assessor, lead_a, assessment_a).actions.first()
    type(action).objects.filter(pk=action.pk).update(due_date="2020-03-31")
    client.force_login(lead_a)
    response = client.post(
        reverse("actionplans:action_update", args=[action.pk]),
        action_data(version=action.version, description="Corrected", due_date_2="2020"),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.description == "Corrected"


def test_long_text_shows_the_character_count_and_refuses_over_long_text_whole(client, assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, actions=False)
    client.force_login(lead_a)
    url = reverse("actionplans:action_create", args=[plan.pk])
    form = html(client.get(url))
    assert 'data-module="govuk-character-count" data-maxlength="5000"' in form
    assert "You can enter up to 5000 characters" in form
    textarea = form[form.index("<textarea") : form.index("</textarea>")]
    assert "maxlength" not in textarea and "govuk-js-character-count" in textarea
    too_long = "x" * 5001
    recommendation = assessment_a.recommendations.first().pk
    page = assert_error_page(
        client.post(url, action_data(recommendation=recommendation, description=too_long)),
        "The action must be 5000 characters or fewer",
    )
    assert too_long in page
