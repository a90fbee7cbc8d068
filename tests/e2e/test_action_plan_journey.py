"""The action plan journey in a browser, as the people involved would do it."""

import pytest

from actionplans.models import Action, ActionPlan
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def press(page, name):
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("networkidle")


def sign_out(page):
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/accounts/login/")


def add_action(page, recommendation, description, owner, day, owner_user=None):
    page.click("text=Add an action >> nth=0")
    page.select_option("#id_recommendation", index=int(recommendation.lstrip("R")) - 1)
    page.fill("#id_description", description)
    page.fill("#id_owner_text", owner)
    if owner_user:
        page.select_option("#id_owner_user", value=str(owner_user))
    page.check("input[name=priority][value=high]")
    page.fill("#id_due_date_0", str(day))
    page.fill("#id_due_date_1", "3")
    page.fill("#id_due_date_2", "2030")
    press(page, "Add action")
    page.wait_for_load_state("networkidle")


def test_recommendations_plan_review_and_progress(
    page, sign_in, screenshot, framework, department_a, assessor, lead_a, contributor_a
):
    assessment = published_assessment(department_a, framework, year=2025)

    # The assessor writes two recommendations.
    sign_in(assessor.email)
    page.goto(f"/action-plans/assessments/{assessment.pk}/recommendations/")
    for text in ("Publish a retention schedule for every business area", "Train all staff on what to keep"):
        page.click("text=Add a recommendation")
        page.fill("#id_text", text)
        page.check("input[name=priority][value=high]")
        press(page, "Add recommendation")
    assert page.locator("table").inner_text().count("R") >= 2
    assert_accessible(page)
    screenshot("actionplans-recommendations")
    sign_out(page)

    # The lead starts the plan, tries to submit too early, adds three actions and submits.
    sign_in(lead_a.email)
    page.goto("/action-plans/")
    page.click("text=Start the action plan")
    press(page, "Start the action plan")
    page.click("text=Submit for review")
    press(page, "Submit the plan")
    assert "Add at least one action before you submit" in page.locator(".govuk-error-summary").inner_text()
    page.goto(page.url.replace("submit/", ""))
    add_action(
        page,
        "R1",
        "Draft the schedule with each directorate",
        "Departmental Records Officer",
        31,
        owner_user=contributor_a.pk,
    )
    add_action(page, "R1", "Publish the schedule on the intranet", "Head of KIM", 15)
    page.click("text=Add an action >> nth=0")
    page.fill("#id_description", "Run training")
    press(page, "Add action")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter the owner" in summary and "Enter the due date" in summary
    assert page.input_value("#id_description") == "Run training"
    assert_accessible(page)
    page.goto(page.url.replace("actions/add/", ""))
    add_action(page, "R2", "Run training sessions for every team", "Head of KIM", 1)
    assert_accessible(page)
    screenshot("actionplans-plan-draft")
    page.click("text=Submit for review")
    press(page, "Submit the plan")
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan submitted"
    sign_out(page)

    # The assessor returns it with a comment on one action.
    plan = ActionPlan.objects.get()
    action_1b = Action.objects.get(recommendation__number=1, sequence=2)
    sign_in(assessor.email)
    page.goto(f"/action-plans/plans/{plan.pk}/review/")
    assert_accessible(page)
    page.check("input[name=decision][value=returned]")
    page.fill("#id_comment", "Please bring the publication date forward.")
    page.fill(f"#id_comment_{action_1b.pk}", "Publish by the end of 2029.")
    screenshot("actionplans-review")
    press(page, "Save decision")
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan returned"
    sign_out(page)

    # The lead reads the comments, fixes 1B and resubmits.
    sign_in(lead_a.email)
    page.goto(f"/action-plans/plans/{plan.pk}/")
    assert "Please bring the publication date forward." in page.locator(".govuk-notification-banner").inner_text()
    assert "Publish by the end of 2029." in page.content()
    page.click(f"a[href='/action-plans/actions/{action_1b.pk}/edit/']")
    page.fill("#id_due_date_2", "2029")
    page.fill("#id_due_date_1", "12")
    press(page, "Save action")
    page.click("text=Submit for review")
    press(page, "Submit the plan")
    sign_out(page)

    # The assessor accepts.
    sign_in(assessor.email)
    page.goto(f"/action-plans/plans/{plan.pk}/review/")
    page.check("input[name=decision][value=accepted]")
    press(page, "Save decision")
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan accepted"
    sign_out(page)

    # The owner posts a progress update, then completes the action.
    sign_in(contributor_a.email)
    assert "Draft the schedule" in page.locator("main").inner_text()  # home: Actions you own
    page.goto("/action-plans/my-actions/")
    assert_accessible(page)
    page.click("text=1A")
    page.click("text=Add a progress update")
    page.fill("#id_commentary", "Workshops held with four directorates.")
    page.select_option("#id_status", "underway")
    press(page, "Save progress update")
    page.click("text=Add a progress update")
    page.fill("#id_commentary", "Schedule agreed by the KIM board.")
    page.select_option("#id_status", "complete")
    press(page, "Save progress update")
    main = page.locator("main").inner_text()
    assert "Complete" in main and "Schedule agreed by the KIM board." in main
    assert_accessible(page)
    screenshot("actionplans-action-complete")
    assert Action.objects.get(recommendation__number=1, sequence=1).completion_date is not None


def test_plan_page_and_help_are_accessible(page, sign_in, screenshot, framework, department_a, lead_a):
    plan = plan_with_actions(published_assessment(department_a, framework), status="accepted")
    sign_in(lead_a.email)
    page.goto(f"/action-plans/plans/{plan.pk}/")
    page.click("text=Filter actions")
    assert_accessible(page)
    screenshot("actionplans-plan-accepted")
    page.goto("/action-plans/help/overdue-and-rag/")
    assert_accessible(page)
    page.goto(f"/action-plans/plans/{plan.pk}/history/")
    assert_accessible(page)
