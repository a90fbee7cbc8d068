"""TNA writes a progress review in the browser (issue 13, "Reports as TNA writes them").

The baseline, a published IMA 2013 with its findings per theme and one open recommendation, is stored as
an import leaves one. The department does NOT assess itself: the assessor opens the progress review and
writes every task of "Write the progress review" (report details, ratings, background, each theme,
recommendations, next steps), shares the draft for a factual accuracy check; the KIM lead comments on a
section; publication is refused while that comment is open; the assessor corrects the text and resolves
the comment; publication is refused for a date in the future (what was typed is kept); then the review is
published, the real Celery worker renders the issued PDF, it is downloaded and its text checked.

A second test: the publication refusals of an unwritten review (each missing section listed, no Publish
button) and of a written one whose department comments while the assessor is on the publish page.

axe runs on every page (tests/e2e/journeys.py); each step is photographed as
var/screenshots/authoring-NN-*.png and authoring-refusals-NN-*.png.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import NextStep, Recommendation
from assessments.models import Assessment, FactualComment, ThemeSummary
from assessments.selectors.framework import framework_areas, framework_themes
from assessments.tests.factories import published_assessment, rate
from reports.models import IssuedReport
from reports.tests.conftest import pdf_text

from .authoring import (
    date_typed,
    fill_date,
    open_assessment,
    rate_every_area,
    share_for_factual_check,
    task_status,
    write_theme,
)
from .conftest import SCREENSHOT_DIR
from .journeys import Journey, error_summary, heading

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

IMA_RATINGS = [
    "Development area",
    "Progressing towards satisfactory",
    "Progressing towards satisfactory",
    "Development area",
    "Satisfactory",
    "Progressing towards satisfactory",
    "Development area",
    "Progressing towards satisfactory",
    "Satisfactory",
    "Progressing towards satisfactory",
]
REVIEW_RATINGS = [
    "Progressing towards satisfactory",
    "Satisfactory",
    "Satisfactory",
    "Progressing towards satisfactory",
    "Progressing towards good practice",
    "Satisfactory",
    "Progressing towards satisfactory",
    "Satisfactory",
    "Progressing towards good practice",
    "Satisfactory",
]
# The IMA report's findings per theme: the review's "situation at the time" starts from them.
IMA_FINDINGS = {
    1: "In 2013 the department did not treat its information as an asset and had no information asset owners.",
    2: "In 2013 shared drives held most records and nobody planned for digital continuity.",
    3: "In 2013 nobody measured whether staff followed the KIM guidance.",
    4: "In 2013 the department had a backlog of paper records awaiting review.",
}
PROGRESS = {
    1: "Every directorate now has an information asset owner, named in the asset register.",
    2: "A corporate store replaced the shared drives in 2014 and a digital continuity plan is agreed.",
    3: "The DRO now samples files in every directorate each month and reports to the board.",
    4: "The backlog of paper records was reviewed and the selected files were transferred in 2014.",
}
CORRECTED = "The DRO now samples files in every directorate each quarter and reports to the board."
COMMENT = "The DRO samples files each quarter, not each month."
RESOLUTION = "Corrected: the sampling is quarterly."
RECOMMENDATION = "Review the information management policy and publish it on the intranet"
BACKGROUND_ADDED = "The review team met the Departmental Records Officer and the KIM team."
NEXT_STEPS_LEAD = "TNA will continue to monitor progress against the action plan and will review it again in 2017."
SUGGESTED_REWORDED = f"IMA 2013 R1: {RECOMMENDATION}, with a date for its next review"
OWN_NEXT_STEP = "Agree a date for the next transfer of selected records."
PLACEHOLDERS = ("No summary was recorded", "[The statement", "remain outstanding", "not written yet", "Not written")


@pytest.fixture
def ima_2013(framework, department_a, assessor):
    """The published IMA 2013 (stored as an import leaves one) with findings per theme and one open recommendation."""
    ima = published_assessment(
        department_a,
        framework,
        year=2013,
        ratings=IMA_RATINGS,
        by=assessor,
        interviews_from=datetime.date(2013, 5, 14),
        interviews_to=datetime.date(2013, 5, 16),
        fieldwork_place="Sanctuary Buildings, London",
        published_on=datetime.date(2013, 9, 2),
    )
    for summary in ThemeSummary.objects.filter(assessment=ima).select_related("theme"):
        summary.progress_narrative = IMA_FINDINGS[summary.theme.number]
        summary.save(update_fields=["progress_narrative"])
    Recommendation.objects.create(assessment=ima, number=1, text=RECOMMENDATION, priority="high")
    return ima


def test_assessor_writes_a_progress_review_department_checks_it_assessor_publishes_the_pdf(
    page, screenshot, framework, department_a, lead_a, assessor, ima_2013, celery_worker, capsys
):
    for old in SCREENSHOT_DIR.glob("authoring-[0-9]*.png"):
        old.unlink()  # the folder shows this run's steps only
    journey = Journey(page, screenshot, "authoring")
    areas = framework_areas(framework)
    themes = framework_themes(framework)
    assert (len(areas), len(themes)) == (10, 4)

    # 1. The assessor opens the progress review: TNA writes it, with no self-assessment from the department.
    journey.sign_in(assessor, "assessor")
    open_assessment(journey, department_a, "Progress review", 2015, "review")
    review = Assessment.objects.get(department=department_a, assessment_type="progress_review", year=2015)
    assert (review.status, review.baseline_id, review.self_assessment_id) == ("in_review", ima_2013.pk, None)
    assert not Assessment.objects.filter(assessment_type="self_assessment").exists()
    assert page.locator(".govuk-task-list").count() == 1
    assert task_status(page, "details") == "Not started"
    assert task_status(page, "ratings") == "Incomplete"
    assert task_status(page, "factual-check") == "Not started"
    assert "0 of 10 performance areas rated" in page.locator(".govuk-task-list").inner_text()

    # 2. Report details: the review's fieldwork, and the month progress was assessed. No self-assessment is offered.
    journey.click_link("Report details", "details-form", exact=True, shot=False)
    assert page.locator("#id_self_assessment option").all_inner_texts() == ["None: TNA assesses without one"]
    assert page.get_by_label("Priya Shah").is_checked()  # the assessor who opened it is on the team
    fill_date(page, "interviews_from", datetime.date(2015, 3, 3))
    fill_date(page, "interviews_to", datetime.date(2015, 3, 5))
    page.fill("#id_fieldwork_place", "the department's offices in London")
    page.select_option("#id_assessed_month", label="March")
    page.fill("#id_assessed_year", "2015")
    journey.shot("details-filled")
    journey.press("Save", "details-saved")
    assert "Report details saved" in page.locator(".govuk-notification-banner").inner_text()
    assert task_status(page, "details") == "Completed"

    # 3. Ratings: every area, one page after another.
    rate_every_area(journey, areas, REVIEW_RATINGS, prefix="ratings")
    assert task_status(page, "ratings") == "Completed"

    # 4. Background: pre-filled from the dates of the IMA and of the review; the assessor adds a sentence.
    journey.click_link("Background", "background-form", exact=True)
    prefilled = page.input_value("#id_text")
    assert "with interviews held 14 to 16 May 2013 at Sanctuary Buildings, London" in prefilled
    assert "through interviews held 3 to 5 March 2015 at the department's offices in London" in prefilled
    assert "This text was written from the report's dates" in page.locator("#id_text_hint").inner_text()
    page.fill("#id_text", prefilled.rstrip() + "\n\n" + BACKGROUND_ADDED)
    journey.shot("background-filled")
    journey.press("Save", "background-saved")
    assert "Written by you" in page.locator(".govuk-task-list").inner_text()

    # 5. Each theme: the situation at the time starts from the IMA's findings; the progress since is written.
    for theme in themes:
        write_theme(journey, theme, step=f"theme-{theme.number}", progress=PROGRESS[theme.number])
        assert task_status(page, f"theme-{theme.number}") == "Completed"
    saved = {summary.theme.number: summary for summary in ThemeSummary.objects.filter(assessment=review)}
    assert {number: summary.situation_at_time for number, summary in saved.items()} == IMA_FINDINGS

    # 6. Recommendations: optional in a progress review; none are added.
    journey.click_link("Recommendations", "recommendations", exact=True)
    assert "There are no recommendations for this assessment yet" in page.locator("main").inner_text()
    journey.click_link("Back to the review", "recommendations-back", exact=True, shot=False)

    # 7. Next steps: the lead paragraph, the IMA's open recommendation added from the suggestions and
    # reworded, and an item of the assessor's own.
    journey.click_link("Next steps", "next-steps", exact=True)
    assert "No items yet" in page.locator("main").inner_text()
    journey.click_link("Write the lead paragraph", "next-steps-lead-form", exact=True, shot=False)
    page.fill("#id_text", NEXT_STEPS_LEAD)
    journey.shot("next-steps-lead-filled")
    journey.press("Save", "next-steps-lead-saved")  # back on the Next steps page it was written from
    assert NEXT_STEPS_LEAD in page.locator(".govuk-inset-text").inner_text()
    suggestion = page.get_by_label(f"IMA 2013 R1: {RECOMMENDATION}", exact=True)
    suggestion.check()
    journey.shot("next-steps-suggestion-chosen")
    journey.press("Add the chosen items", "next-steps-suggestion-added")
    first = page.locator("main ol.govuk-list--number > li").nth(0).inner_text()
    assert f"IMA 2013 R1: {RECOMMENDATION}" in first and "Follows up" not in first  # the label is in the text
    journey.click_link("Change next step 1", "next-step-1-change", exact=True, shot=False)
    page.get_by_label("What should the department focus on?").fill(SUGGESTED_REWORDED)
    journey.shot("next-step-1-reworded")
    journey.press("Save next step", "next-step-1-changed", shot=False)
    page.get_by_label("What should the department focus on?").fill(OWN_NEXT_STEP)
    journey.press("Add next step", "next-steps-written")
    items = page.locator("main ol.govuk-list--number > li")
    assert items.count() == 2
    assert SUGGESTED_REWORDED in items.nth(0).inner_text() and OWN_NEXT_STEP in items.nth(1).inner_text()
    journey.click_link("Back to the report", "report-written", exact=True)
    for task in ("details", "ratings", "background", "theme-1", "theme-4", "next-steps"):
        assert task_status(page, task) == "Completed", task

    # 8. The factual accuracy check task before sharing, then the draft is shared with the department.
    journey.click_link("Factual accuracy check", "factual-check-not-shared", exact=True)
    assert "The draft has not been shared with the department yet" in page.locator("main").inner_text()
    journey.goto(reverse("assessments:assessment_review", args=[review.pk]), "report-before-sharing", shot=False)
    share_for_factual_check(journey, step="share")
    assert Assessment.objects.get(pk=review.pk).status == "factual_check"
    journey.sign_out()

    # 9. The KIM lead sees the banner and comments on a theme's section (an empty comment is refused first).
    journey.sign_in(lead_a, "lead")
    journey.click_link("Progress review 2015", "lead-review")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "The National Archives has shared its draft report for a factual accuracy check" in banner
    journey.click_link("Read the draft and comment on it", "lead-factual-check")
    options = page.locator("#id_section option").all_inner_texts()
    assert options == ["Choose a section", "Background", *[f"{t.number}. {t.name}" for t in themes], "Next steps"]
    journey.press("Send comment", "lead-comment-empty")
    assert "Select the section of the report your comment is about" in error_summary(page)
    page.select_option("#id_section", label=f"3. {themes[2].name}")
    page.fill("#id_text", COMMENT)
    journey.shot("lead-comment-filled")
    journey.press("Send comment", "lead-commented")
    assert "Comment sent to The National Archives" in page.locator(".govuk-notification-banner").inner_text()
    assert COMMENT in page.locator("#section-theme-3 ~ .govuk-summary-card").first.inner_text()
    journey.sign_out()

    # 10. The assessor cannot publish while the comment is open.
    journey.sign_in(assessor, "assessor-checked")
    journey.goto(reverse("assessments:assessment_review", args=[review.pk]), "report-commented")
    assert task_status(page, "factual-check") == "Incomplete"
    assert "1 of 1 comments open" in page.locator(".govuk-task-list").inner_text()
    journey.click_link("Publish", "publish-refused-open-comment", exact=True)
    main = page.locator("main").inner_text()
    assert "Factual accuracy check: resolve the department's 1 open comment" in main
    assert page.get_by_role("button", name="Publish assessment").count() == 0

    # 11. The assessor corrects the theme's text, then resolves the comment saying what was done.
    journey.click_link("Go back to the report", "report-to-correct", exact=True, shot=False)
    write_theme(journey, themes[2], step="theme-3-corrected", progress=CORRECTED)
    journey.click_link("Factual accuracy check", "factual-check-assessor", exact=True)
    journey.click_link("Resolve the comment", "resolve-form")
    assert COMMENT in page.locator(".govuk-inset-text").inner_text()
    page.fill("#id_response", RESOLUTION)
    journey.shot("resolve-filled")
    journey.press("Resolve comment", "resolved")
    assert RESOLUTION in page.locator("main").inner_text()
    assert FactualComment.objects.get(assessment=review).is_resolved

    # 12. Publication is refused for a date in the future; the error summary says so and the date typed stays.
    journey.click_link("Back to the assessment", "review-page", exact=True, shot=False)
    journey.click_link("Write the report", "report-resolved", exact=True)
    assert task_status(page, "factual-check") == "Completed"
    journey.click_link("Publish", "publish-form", exact=True)
    future = (str(timezone.localdate().day), "6", str(timezone.localdate().year + 1))
    fill_date(page, "published_on", future)
    journey.press("Publish assessment", "publish-refused-future")
    assert "The date of publication must be today or in the past" in error_summary(page)
    assert page.title().startswith("Error: ")
    assert date_typed(page, "published_on") == future
    assert Assessment.objects.get(pk=review.pk).status == "factual_check"

    # 13. Published in June 2015; publishing issues the report, which the real worker renders.
    fill_date(page, "published_on", datetime.date(2015, 6, 15))
    journey.press("Publish assessment", "published")
    assert "Progress review 2015 for Department for Education published" in page.locator("main").inner_text()
    review.refresh_from_db()
    assert (review.status, review.published_on) == ("published", datetime.date(2015, 6, 15))
    issued = IssuedReport.objects.get(assessment=review)
    celery_worker.wait_until(lambda: bool(IssuedReport.objects.get(pk=issued.pk).pdf), timeout=120)
    journey.goto(reverse("assessments:assessment_detail", args=[review.pk]), "published-report-issued")
    assert "Progress review, version 1" in page.locator("main").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download version 1").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert_review_pdf(pdf_text(data), areas, themes)
    journey.sign_out()
    journey.finish(capsys)


def assert_review_pdf(text, areas, themes):
    expected = [
        "Information Management Assessment: progress review",
        "Department for Education",
        "Assessed: March 2015",
        "Published: June 2015",
        "Background",
        "Information Management Assessment (IMA) of the Department for Education (DfE), with interviews held "
        "14 to 16 May 2013 at Sanctuary Buildings, London.",
        "The IMA report was published in September 2013.",
        "Progress against that plan was formally assessed through interviews held 3 to 5 March 2015 at the "
        "department's offices in London.",
        BACKGROUND_ADDED,
        "Performance rating IMA 2013 Review 2015",
        *[f"{area.name} {IMA_RATINGS[index]} {REVIEW_RATINGS[index]}" for index, area in enumerate(areas)],
        *[IMA_FINDINGS[theme.number] for theme in themes],
        *[PROGRESS[number] for number in (1, 2, 4)],
        CORRECTED,
        "Next steps",
        NEXT_STEPS_LEAD,
        SUGGESTED_REWORDED,
        OWN_NEXT_STEP,
    ]
    missing = [item for item in expected if item not in text]
    assert missing == [], f"not in the PDF: {missing}\n{text}"
    assert PROGRESS[3] not in text  # the text before the factual accuracy check's correction
    placeholders = [item for item in PLACEHOLDERS if item in text]
    assert placeholders == [], f"placeholder text in the PDF: {placeholders}\n{text}"
    background = text.index("Background", text.index("Published: June 2015"))
    assert background < text.index("Performance rating") < text.rindex("Next steps") < text.rindex(OWN_NEXT_STEP)
    for theme in themes:  # each theme: its table, then the situation at the time, then the progress since
        table = text.index(f"{theme.number}. {theme.name} Performance rating")
        assert (
            table
            < text.index(IMA_FINDINGS[theme.number])
            < text.index(CORRECTED if theme.number == 3 else PROGRESS[theme.number])
        )


def test_publication_is_refused_while_the_report_is_unwritten_or_a_comment_is_open(
    page, screenshot, framework, department_a, lead_a, assessor, ima_2013, capsys
):
    journey = Journey(page, screenshot, "authoring-refusals")
    themes = framework_themes(framework)

    # An unwritten review: the publish page lists each missing section and offers no Publish button.
    journey.sign_in(assessor, "assessor")
    open_assessment(journey, department_a, "Progress review", 2015, "unwritten")
    review = Assessment.objects.get(department=department_a, assessment_type="progress_review", year=2015)
    journey.click_link("Publish", "unwritten-publish", exact=True)
    assert heading(page) == "Publish the progress review 2015"
    gaps = page.locator("main ul.govuk-list--bullet > li").all_inner_texts()
    assert gaps == [
        "Ratings: rate every performance area (10 not rated yet)",
        "Background: enter when progress was assessed (the review's fieldwork dates or month), or write the background",
        *[f"{theme.number}. {theme.name}: write the progress since the IMA" for theme in themes],
        "Next steps: write the lead paragraph (what The National Archives will do)",
        "Next steps: add at least one thing the department should focus on",
    ]
    assert "You cannot publish yet: the report would print" in page.locator(".govuk-warning-text").inner_text()
    assert page.get_by_role("button", name="Publish assessment").count() == 0
    assert page.locator("#id_published_on_0").count() == 0

    # Written in full, shared; the department comments while the assessor is on the publish page.
    rate(review, REVIEW_RATINGS, by=assessor)
    Assessment.objects.filter(pk=review.pk).update(
        interviews_from=datetime.date(2015, 3, 3),
        interviews_to=datetime.date(2015, 3, 5),
        next_steps_text=NEXT_STEPS_LEAD,
        status=Assessment.Status.FACTUAL_CHECK,
    )
    ThemeSummary.objects.filter(assessment=review).update(progress_narrative=PROGRESS[1])
    NextStep.objects.create(assessment=review, position=1, text=OWN_NEXT_STEP)
    journey.goto(reverse("assessments:assessment_publish", args=[review.pk]), "written-publish")
    assert page.locator(".govuk-warning-text").count() == 0
    fill_date(page, "published_on", datetime.date(2015, 6, 15))
    FactualComment.objects.create(assessment=review, section="background", text=COMMENT, author=lead_a)
    journey.press("Publish assessment", "written-publish-refused-comment")
    assert "Factual accuracy check: resolve the department's 1 open comment" in error_summary(page)
    assert Assessment.objects.get(pk=review.pk).status == "factual_check"

    # Once the comment is resolved, the same page publishes.
    comment = FactualComment.objects.get(assessment=review)
    journey.goto(reverse("assessments:factual_comment_resolve", args=[review.pk, comment.pk]), "resolve-form")
    page.fill("#id_response", RESOLUTION)
    journey.press("Resolve comment", "resolved")
    journey.goto(reverse("assessments:assessment_publish", args=[review.pk]), "written-publish-again")
    fill_date(page, "published_on", datetime.date(2015, 6, 15))
    journey.press("Publish assessment", "published")
    assert Assessment.objects.get(pk=review.pk).status == "published"
    journey.finish(capsys)
