"""Rating an area with the keyboard alone: Tab, Space, Enter (and the arrow keys inside a radio group).

Every element the Tab key reaches must show where the focus is (GOV.UK's yellow focus state), and
a failed save must move the focus to the error summary, whose links take the focus to the input.
"""

import pytest

from assessments.models import AreaRating, Assessment
from assessments.selectors.framework import framework_areas
from assessments.services.creation import assessment_create

from .journeys import Journey, heading

pytestmark = pytest.mark.django_db(transaction=True)

# GOV.UK Frontend's focus state is yellow (#ffdd00): an outline, a box shadow or a background.
# A radio or checkbox input is invisible: its focus ring is drawn on the label's ::before.
FOCUS_STATE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return {visible: false, what: 'nothing'};
  const yellow = 'rgb(255, 221, 0)';
  const styles = [getComputedStyle(element)];
  if (element.matches('.govuk-radios__input, .govuk-checkboxes__input')) {
    styles.push(getComputedStyle(element.labels[0], '::before'));
    styles.push(getComputedStyle(element.labels[0], '::after'));
  }
  const visible = styles.some(style =>
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor === yellow)
    || style.boxShadow.includes(yellow)
    || style.backgroundColor === yellow);
  const what = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
    + ' ' + (element.innerText || element.value || element.getAttribute('aria-label') || '').trim().slice(0, 60);
  return {visible, what};
}"""
ERROR_SUMMARY_FOCUSED = "document.activeElement.classList.contains('govuk-error-summary')"


def focused(page):
    return page.evaluate(FOCUS_STATE)


def tab_until(page, wanted, *, limit=60):
    """Press Tab until the focused element's description contains `wanted`; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["visible"], f"no visible focus on {state['what']!r} at {page.url}"
        if wanted in state["what"]:
            return state
    raise AssertionError(f"{wanted!r} not reached with {limit} presses of Tab at {page.url}")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_lead_rates_an_area_with_the_keyboard_alone(page, screenshot, framework, department_a, lead_a, capsys):
    assessment = assessment_create(
        department=department_a,
        framework=framework,
        assessment_type=Assessment.Type.SELF_ASSESSMENT,
        year=2026,
        by=lead_a,
    )
    first, second = framework_areas(framework)[:2]
    journey = Journey(page, screenshot, "journey-keyboard")
    journey.sign_in(lead_a, "lead")
    journey.goto(f"/assessments/{assessment.pk}/tasks/", "task-list", shot=False)

    tab_until(page, "Skip to main content")  # the skip link is the first stop, and shows its focus
    tab_until(page, f"{first.reference} {first.name}")
    journey.shot("task-link-focused")
    press_enter_and_wait(page)
    journey.check("area-page")
    assert heading(page) == f"{first.reference} {first.name}"

    # Save with nothing chosen: the error summary takes the focus.
    tab_until(page, "Save and continue")
    press_enter_and_wait(page)
    journey.check("save-failed")
    page.wait_for_function(ERROR_SUMMARY_FOCUSED)
    assert f"Select a rating for {first.name}" in page.locator(".govuk-error-summary").inner_text()

    # From the summary's first link to the radios; Space chooses, the arrow keys move within the group.
    tab_until(page, f"Select a rating for {first.name}")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.matches('.govuk-radios__input')")
    assert focused(page)["visible"]
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Satisfactory", exact=True).is_checked()
    journey.shot("radio-focused")

    page.keyboard.press("Tab")
    state = focused(page)
    assert state["visible"] and state["what"].startswith("textarea#id_narrative"), state
    page.keyboard.type("A policy is in place and each directorate reports on it to the board every quarter.")
    tab_until(page, "Save and continue")
    journey.shot("save-focused")
    press_enter_and_wait(page)
    journey.check("saved-next-area")
    assert heading(page) == f"{second.reference} {second.name}"

    rating = AreaRating.objects.select_related("self_rating").get(assessment=assessment, area=first)
    assert rating.self_rating.name == "Satisfactory" and rating.is_complete
    assert rating.narrative.startswith("A policy is in place")
    journey.finish(capsys)
