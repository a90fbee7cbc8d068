"""Everyday journeys (issue 16): each role's home and queue, date and length limits, at 375 px and 1280 px.

One test, so the browser signs in four times only: the assessor works from one queue, the KIM lead sees
what needs doing next and is refused an impossible date and an over-long update (keeping what was typed),
the contributor sees the actions they own, the administrator their home. Each home is checked with axe
and photographed at both widths, and at 375 px nothing may make the page scroll sideways (WCAG 2.2 reflow).
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplans.choices import PlanStatus
from actionplans.models import ActionPlan
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment

from .journeys import Journey, error_summary

pytestmark = pytest.mark.django_db(transaction=True)

NARROW, WIDE = {"width": 375, "height": 812}, {"width": 1280, "height": 900}


def both_widths(journey, name):
    """axe and a screenshot at 1280 px, then at 375 px with no sideways scrolling; back to 1280 px."""
    page = journey.page
    page.set_viewport_size(WIDE)
    journey.check(f"{name}-1280")
    page.set_viewport_size(NARROW)
    journey.check(f"{name}-375")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"], f"{page.url} is {width} px wide at 375 px"
    page.set_viewport_size(WIDE)


def test_everyday_journeys_of_every_role(
    page, screenshot, capsys, framework, department_a, assessor, administrator, lead_a, contributor_a
):
    earlier = published_assessment(department_a, framework, year=2016)
    accepted = plan_with_actions(
        earlier,
        status=PlanStatus.ACCEPTED,
        owner_user=contributor_a,
        due_date=timezone.localdate() + datetime.timedelta(days=20),
        description="Publish the retention schedule " + "x" * 300,  # an unbroken string must wrap, not widen
    )
    ActionPlan.objects.filter(pk=accepted.pk).update(created_at=timezone.now() - datetime.timedelta(days=200))
    later = published_assessment(department_a, framework, year=2025)
    submitted = plan_with_actions(later, status=PlanStatus.SUBMITTED)
    ActionPlan.objects.filter(pk=submitted.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=3))
    journey = Journey(page, screenshot, "everyday")

    # The assessor: one queue with the plan waiting 3 days, narrowed to plans by the filter.
    journey.sign_in(assessor, "assessor")
    queue = page.locator("#main-content").inner_text()
    assert "Action plans to review: 1" in queue and "Submitted 3 days ago" in queue
    both_widths(journey, "assessor-home")
    page.get_by_text("Filter your work").click()
    page.select_option("#id_kind", "plans")
    journey.press("Apply filters", "assessor-queue-plans")
    assert "Action plan for the IMA 2025" in page.locator("table").first.inner_text()
    journey.sign_out()

    # The KIM lead: what needs doing next, by whom, and the actions due next.
    journey.sign_in(lead_a, "lead")
    home = page.locator("#main-content").inner_text()
    assert "TNA reviews the plan" in home and "Actions due next" in home and "0 of 10" not in home
    both_widths(journey, "lead-home")
    # A progress update dated 2001 is refused; an over-long one is counted, refused and kept whole.
    action = accepted.actions.order_by("recommendation__number", "sequence").first()
    journey.goto(f"/action-plans/actions/{action.pk}/progress/", "lead-progress-form")
    assert "You can enter up to 5000 characters" in page.locator(".govuk-character-count").inner_text()
    too_long = "Workshops held in every directorate. " * 140  # 5180 characters
    page.fill("#id_commentary", too_long)
    expect(page.locator(".govuk-character-count__status")).to_contain_text("too many")
    for part, value in zip(("0", "1", "2"), ("1", "1", "2001"), strict=True):
        page.fill(f"#id_date_{part}", value)
    journey.press("Save progress update", "lead-progress-refused")
    summary = error_summary(page)
    assert "The update must be 5000 characters or fewer" in summary
    assert "The date of the update must be on or after" in summary
    assert page.input_value("#id_commentary").strip() == too_long.strip()
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    page.set_viewport_size(WIDE)
    journey.sign_out()

    # The contributor: the actions they own; the administrator: running the service.
    journey.sign_in(contributor_a, "contributor")
    assert "Actions you own" in page.locator("#main-content").inner_text()
    both_widths(journey, "contributor-home")
    journey.sign_out()
    journey.sign_in(administrator, "administrator")
    both_widths(journey, "administrator-home")
    journey.finish(capsys)
