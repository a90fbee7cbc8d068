"""Review, progress and plan pages: error summaries keep what was typed; good input moves the plan on."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionComment, PlanReview
from actionplans.tests import steps
from actionplans.tests.pages import action_data, assert_error_page, html

pytestmark = pytest.mark.django_db


# Review


def test_return_without_a_comment_is_refused_on_the_page(client, assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    client.force_login(assessor)
    page = assert_error_page(
        client.post(
            reverse("actionplans:plan_review", args=[plan.pk]),
            {"decision": "returned", "comment": "", f"comment_{action.pk}": "Say who"},
        ),
        "Enter a comment saying what the department should change",
    )
    assert "Say who" in page


def test_assessor_returns_with_per_action_comments_shown_to_the_lead(client, assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    client.force_login(assessor)
    response = client.post(
        reverse("actionplans:plan_review", args=[plan.pk]),
        {"decision": "returned", "comment": "Dates are too far off", f"comment_{action.pk}": "Name a person"},
        follow=True,
    )
    assert "Action plan returned" in html(response)
    assert ActionComment.objects.get().comment == "Name a person"
    client.force_login(lead_a)
    page = html(client.get(reverse("actionplans:plan_detail", args=[plan.pk])))
    assert "Returned for changes" in page and "Dates are too far off" in page and "Name a person" in page


def test_assessor_accepts(client, assessor, lead_a, assessment_a):
    plan = steps.submitted(assessor, lead_a, assessment_a)
    client.force_login(assessor)
    response = client.post(reverse("actionplans:plan_review", args=[plan.pk]), {"decision": "accepted"}, follow=True)
    assert "Action plan accepted" in html(response)
    review = PlanReview.objects.get()
    assert review.decision == "accepted"
    snapshot_page = html(client.get(reverse("actionplans:review_detail", args=[plan.pk, review.pk])))
    assert "Do the thing" in snapshot_page and "31 March 2030" in snapshot_page


def test_review_page_of_a_plan_not_submitted_goes_back_to_the_plan(client, assessor, draft_plan_a):
    client.force_login(assessor)
    response = client.get(reverse("actionplans:plan_review", args=[draft_plan_a.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"/plans/{draft_plan_a.pk}/")


def test_closing_by_agreement(client, assessor, lead_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    client.force_login(assessor)
    response = client.post(reverse("actionplans:plan_close", args=[plan.pk]), {"comment": "Done"}, follow=True)
    assert "Action plan closed by agreement" in html(response)


# Progress


def test_owner_completes_an_action(client, assessor, lead_a, contributor_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    action.owner_user = contributor_a
    action.save()
    today = timezone.localdate()
    client.force_login(contributor_a)
    response = client.post(
        reverse("actionplans:progress_create", args=[action.pk]),
        {
            "commentary": "Schedule published",
            "status": "complete",
            "date_0": today.day,
            "date_1": today.month,
            "date_2": today.year,
        },
        follow=True,
    )
    page = html(response)
    assert "Progress update on 1A saved" in page and "Schedule published" in page
    action.refresh_from_db()
    assert action.status == "complete" and action.completion_date == today


def test_progress_form_errors(client, assessor, lead_a, contributor_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    action.owner_user = contributor_a
    action.save()
    tomorrow = timezone.localdate() + timedelta(days=1)
    client.force_login(contributor_a)
    assert_error_page(
        client.post(
            reverse("actionplans:progress_create", args=[action.pk]),
            {
                "commentary": "",
                "status": "exploded",
                "date_0": tomorrow.day,
                "date_1": tomorrow.month,
                "date_2": tomorrow.year,
            },
        ),
        "Enter what has happened since the last update",
        "Select a status from the list",
        "The date of the update must be today or in the past",
    )


def test_progress_on_a_plan_not_yet_accepted_shows_the_reason(client, lead_a, draft_plan_a):
    client.force_login(lead_a)
    today = timezone.localdate()
    assert_error_page(
        client.post(
            reverse("actionplans:progress_create", args=[draft_plan_a.actions.first().pk]),
            {"commentary": "x", "status": "", "date_0": today.day, "date_1": today.month, "date_2": today.year},
        ),
        "You can record progress only on an accepted action plan",
    )


# Plan page


def test_plan_page_filters(client, lead_a, contributor_a, accepted_plan_a):
    overdue = accepted_plan_a.actions.first()
    overdue.due_date, overdue.description, overdue.owner_user = (
        timezone.localdate() - timedelta(days=3),
        "Late one",
        contributor_a,
    )
    overdue.save()
    client.force_login(lead_a)
    url = reverse("actionplans:plan_detail", args=[accepted_plan_a.pk])
    page = html(client.get(url + "?overdue=on"))
    assert "Late one" in page and "Showing 1 of 4 actions" in page and "Overdue by 3 days" in page
    owner = f"Departmental Records Officer ({contributor_a.full_name})"
    assert "Showing 1 of 4 actions" in html(client.get(url, {"owner": owner}))
    assert "Showing 0 of 4 actions" in html(client.get(url + "?rag=red"))
    assert "Showing 4 of 4 actions" in html(client.get(url + "?owner=nobody&priority=medium"))


def test_plan_page_marks_changes_since_accepted(client, assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    action = plan.actions.first()
    client.force_login(lead_a)
    client.post(reverse("actionplans:action_update", args=[action.pk]), action_data(version=action.version))
    page = html(client.get(reverse("actionplans:plan_detail", args=[plan.pk])))
    assert page.count("Changed since accepted") >= 2  # the plan's tag and the action's


def test_history_page_tells_the_story(client, assessor, lead_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    client.force_login(lead_a)
    page = html(client.get(reverse("actionplans:plan_history", args=[plan.pk])))
    for text in (
        "Started the action plan",
        "Added action 1A",
        "Plan status changed from Draft to Submitted for review",
        "Accepted the plan",
        lead_a.full_name,
        assessor.full_name,
    ):
        assert text in page, text


def test_progress_cannot_be_dated_before_the_plan_started(client, assessor, lead_a, contributor_a, assessment_a):
    plan = steps.accepted(assessor, lead_a, assessment_a)
    client.force_login(lead_a)
    page = assert_error_page(
        client.post(
            reverse("actionplans:progress_create", args=[plan.actions.first().pk]),
            {"commentary": "Long ago", "status": "", "date_0": "1", "date_1": "1", "date_2": "2001"},
        ),
    )
    assert "The date of the update must be on or after" in page and "when the action plan was started" in page


def test_a_contributor_sees_no_progress_button_on_an_action_they_do_not_own(
    client, assessor, lead_a, contributor_a, assessment_a
):
    action = steps.accepted(assessor, lead_a, assessment_a).actions.first()
    client.force_login(contributor_a)
    assert "Add a progress update" not in html(client.get(reverse("actionplans:action_detail", args=[action.pk])))
    assert client.get(reverse("actionplans:progress_create", args=[action.pk])).status_code == 403
    action.owner_user = contributor_a
    action.save()
    assert "Add a progress update" in html(client.get(reverse("actionplans:action_detail", args=[action.pk])))


def test_a_progress_update_is_corrected_with_its_history_kept(client, assessor, lead_a, contributor_a, assessment_a):
    action = steps.accepted(assessor, lead_a, assessment_a).actions.first()
    action.owner_user = contributor_a
    action.save()
    today = timezone.localdate()
    client.force_login(contributor_a)
    data = {
        "commentary": "Policy drafed",
        "status": "",
        "date_0": today.day,
        "date_1": today.month,
        "date_2": today.year,
    }
    client.post(reverse("actionplans:progress_create", args=[action.pk]), data)
    update = action.progress_updates.get()
    detail = html(client.get(reverse("actionplans:action_detail", args=[action.pk])))
    assert reverse("actionplans:progress_correct", args=[update.pk]) in detail
    response = client.post(
        reverse("actionplans:progress_correct", args=[update.pk]), {**data, "commentary": "Policy drafted"}, follow=True
    )
    page = html(response)
    assert "Progress update on 1A corrected" in page and "Policy drafted" in page and "Corrected on" in page
    assert [record.commentary for record in update.history.order_by("history_date")] == [
        "Policy drafed",
        "Policy drafted",
    ]


def test_only_the_author_or_a_lead_corrects_an_update(client, assessor, lead_a, contributor_a, assessment_a):
    action = steps.accepted(assessor, lead_a, assessment_a).actions.first()
    today = timezone.localdate()
    client.force_login(lead_a)
    data = {"commentary": "Started", "status": "", "date_0": today.day, "date_1": today.month, "date_2": today.year}
    client.post(reverse("actionplans:progress_create", args=[action.pk]), data)
    update = action.progress_updates.get()
    action.owner_user = contributor_a
    action.save()
    client.force_login(contributor_a)
    assert client.post(reverse("actionplans:progress_correct", args=[update.pk]), data).status_code == 403
    detail = client.get(reverse("actionplans:action_detail", args=[action.pk])).content.decode()
    assert "Correct this update" not in detail
