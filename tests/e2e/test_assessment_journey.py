"""The department's self-assessment in a browser, as its KIM lead and the assessor would do it.

A self-assessment is the department's own (an IMA is written by The National Archives: see
test_authoring_journey.py). The KIM lead starts one, rates all ten areas (one with a link and a PDF as
evidence) and submits; the assessor takes it into review and returns one area; the lead fixes it and
resubmits; the assessor rates every area and publishes; the lead sees the published ratings. axe runs on
every page; each step is photographed as var/screenshots/journey-assessment-NN-*.png.
"""

import datetime

import pytest

from assessments.models import Assessment, Evidence
from assessments.selectors.framework import framework_areas

from .conftest import SCREENSHOT_DIR
from .journeys import Journey, error_summary, heading, minimal_pdf

pytestmark = pytest.mark.django_db(transaction=True)

SELF_RATINGS = ["Satisfactory", "Progressing towards good practice", "Good practice"]
ASSESSOR_RATINGS = ["Progressing towards satisfactory", "Satisfactory", "Progressing towards good practice"]
RETURN_COMMENT = "Your narrative does not say how the department measures whether guidance is followed."


def narrative_for(area):
    return (
        f"For {area.name.lower()} the department has an agreed policy, owned by the KIM team, "
        "and reviews it every year with business areas."
    )


def rate_area(page, level, narrative):
    page.get_by_label(level, exact=True).check()
    page.fill("#id_narrative", narrative)


def test_lead_starts_and_rates_assessor_returns_lead_fixes_assessor_publishes(
    page, screenshot, framework, department_a, lead_a, assessor, tmp_path, capsys
):
    for old in SCREENSHOT_DIR.glob("journey-assessment-*.png"):
        old.unlink()  # the folder shows this run's steps only
    journey = Journey(page, screenshot, "journey-assessment")
    areas = framework_areas(framework)
    assert len(areas) == 10
    year = datetime.date.today().year
    link = f"Self-assessment {year}"

    # 1. The KIM lead starts a self-assessment from the home page (their only department is chosen for them).
    journey.sign_in(lead_a, "lead")
    journey.click_link("Start a self-assessment", "lead-start")
    assert heading(page) == "Start a self-assessment"
    assert f"You are starting a self-assessment of {department_a.name}" in page.locator("main").inner_text()
    journey.press("Start self-assessment", "lead-task-list")
    assessment = Assessment.objects.get(department=department_a, assessment_type="self_assessment", year=year)
    assert assessment.status == "draft"
    assert "Not started" in page.locator(".govuk-task-list").first.inner_text()

    # 2. The lead rates every area, adds a link and a PDF to the first, and submits.
    journey.click_link(f"{areas[0].reference} {areas[0].name}", "lead-first-area")

    rate_area(page, SELF_RATINGS[0], narrative_for(areas[0]))
    page.fill("#id_link_url", "https://intranet.education.example.gov.uk/kim/records-policy")
    page.fill("#id_link_title", "Records management policy on the intranet")
    journey.press("Add evidence", "lead-link-added", shot=False)
    evidence_pdf = tmp_path / "records-policy.pdf"
    evidence_pdf.write_bytes(minimal_pdf())
    page.set_input_files("#id_evidence_file", str(evidence_pdf))
    page.fill("#id_evidence_file_title", "Records management policy (PDF)")
    journey.press("Add evidence", "lead-evidence-added")
    evidence = page.locator(".govuk-summary-list").first.inner_text()
    assert "Records management policy on the intranet" in evidence and "records-policy.pdf" in evidence
    assert page.get_by_label(SELF_RATINGS[0], exact=True).is_checked()  # the rating survived "Add evidence"
    assert Evidence.objects.filter(rating__assessment=assessment).count() == 2

    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        if index:
            rate_area(page, SELF_RATINGS[index % 3], narrative_for(area))
        last = index == len(areas) - 1
        journey.press("Save and continue", "lead-check-answers" if last else f"lead-area-{areas[index + 1].reference}")
    assert heading(page) == "Check your answers before submitting your self-assessment"
    assert page.locator(".govuk-summary-card").count() == 10
    journey.press("Submit self-assessment", "lead-submitted")
    assert page.locator(".govuk-panel--confirmation h1").inner_text() == "Self-assessment submitted"
    journey.sign_out()

    # 3. The assessor takes it into review and returns one area with a comment.
    returned = areas[7]
    journey.sign_in(assessor, "assessor-queue")
    assert "Your work" in page.locator("main").inner_text()
    journey.click_link(link, "assessor-submitted-assessment")
    journey.click_link("Review this assessment", "assessor-review")
    journey.press("Start review", "assessor-in-review")
    # The department's own assessment is reviewed, not written: no report task list, no factual check.
    assert heading(page) == f"Review the self-assessment {year}"
    assert page.locator(".govuk-task-list").count() == 0
    assert page.get_by_role("button", name="Share for a factual accuracy check").count() == 0
    journey.click_link("Return to the department", "assessor-return-form")
    journey.press("Return with comments", "assessor-return-empty")  # the overall comment is required
    assert "Enter a comment telling the department what to change" in error_summary(page)
    page.fill("#id_comment", "Please strengthen one area before we review again.")
    page.get_by_label(f"{returned.reference} {returned.name} (optional)").fill(RETURN_COMMENT)
    journey.press("Return with comments", "assessor-returned")
    assert Assessment.objects.get(pk=assessment.pk).status == "returned"
    journey.sign_out()

    # 4. The lead sees the comment, fixes the area from check-your-answers and resubmits.
    journey.sign_in(lead_a, "lead-returned")
    journey.click_link(link, "lead-returned-assessment")
    assert "Please strengthen one area" in page.locator("main").inner_text()
    journey.click_link("Continue the self-assessment", "lead-returned-task-list")
    assert "The assessor asked for changes" in page.locator(".govuk-task-list").nth(2).inner_text()
    journey.click_link(f"{returned.reference} {returned.name}", "lead-returned-area")
    assert RETURN_COMMENT in page.locator("main").inner_text()
    rate_area(
        page,
        "Satisfactory",
        narrative_for(returned) + " Each quarter the DRO samples files in every directorate and reports to the board.",
    )
    # Every other area is complete, so "Save and continue" goes straight to check your answers.
    journey.press("Save and continue", "lead-fixed-check-answers")
    assert "Each quarter the DRO samples files" in page.locator("main").inner_text()
    journey.press("Submit self-assessment", "lead-resubmitted")
    assert page.locator(".govuk-panel--confirmation h1").inner_text() == "Self-assessment submitted"
    journey.sign_out()

    # 5. The assessor rates every area and publishes.
    journey.sign_in(assessor, "assessor-resubmitted")
    journey.click_link(link, "assessor-resubmitted-assessment")
    journey.click_link("Review this assessment", "assessor-review-again")
    journey.press("Start review", "assessor-in-review-again")
    journey.click_link(f"{areas[0].reference} {areas[0].name}", "assessor-area-1.1")
    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        page.get_by_label(ASSESSOR_RATINGS[index % 3], exact=True).check()
        page.fill("#id_assessor_commentary", f"The assessor's finding on {area.name.lower()}.")
        last = index == len(areas) - 1
        if last:
            journey.press("Save and return to the review", "assessor-rated-all")
        else:
            journey.press("Save and go to the next area", f"assessor-area-{areas[index + 1].reference}", shot=False)
    journey.click_link("Publish", "assessor-publish-form", exact=True)
    journey.press("Publish assessment", "assessor-published")
    assert "published" in page.locator(".govuk-notification-banner").inner_text()
    journey.sign_out()

    # 6. The lead sees the published ratings.
    journey.sign_in(lead_a, "lead-published")
    journey.click_link(link, "lead-published-ratings")
    main = page.locator("main").inner_text()
    assert "Published" in main and "Assessor's rating" in main
    rows = page.locator(".govuk-tabs__panel table tbody tr")
    first_row = rows.first.inner_text()
    assert areas[0].name in first_row and SELF_RATINGS[0] in first_row and ASSESSOR_RATINGS[0] in first_row
    assert page.get_by_text(f"Assessor's commentary on {areas[0].name}").count() == 1
    # TNA issues reports for its own assessments only: a self-assessment has none, and no task list to write.
    assert "There is no PDF report for a self-assessment" in main
    assert page.get_by_role("button", name="Produce IMA report PDF").count() == 0
    journey.finish(capsys)
