"""The whole story in one browser test, across every role: the IMA to the progress review, both written by TNA.

The Department for Education's KIM lead does a self-assessment (all ten areas, with evidence) and submits
it; the assessor opens an IMA, uses that self-assessment as input, writes every section of the report
(details, ratings, statement of commitment, background, key findings, each theme's findings, two
recommendations) and publishes it; the lead drafts the action plan (one action owned by a contributor);
the assessor returns it, then accepts it; the contributor posts progress and completes the action; the
assessor opens the progress review (baseline: the published IMA), writes it (each theme's situation at
the time starts from the IMA's findings; the Next steps are the IMA's open recommendations, added from
the suggestions) and publishes it, then requests its PDF, watches the job page move on by itself and
downloads it, and the PDF's text is checked with pypdf. A real Celery worker (root `celery_worker`
fixture) renders every PDF.

axe runs on every page (tests/e2e/journeys.py). Each step is photographed as
var/screenshots/story-NN-*.png; the folder is printed at the end by `Journey.finish(capsys)`, which
writes with capture disabled, so a plain `pytest tests/e2e/test_full_story.py -q` shows it (no -s).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from actionplans.models import Action, ActionPlan, NextStep
from assessments.models import Assessment, Evidence
from assessments.report.background import date_range
from assessments.selectors.framework import framework_areas, framework_themes
from reports.models import ReportJob
from reports.tests.conftest import pdf_text

from .authoring import (
    add_recommendations,
    open_assessment,
    rate_every_area,
    report_details,
    task_status,
    write_commitment,
    write_text,
    write_theme,
)
from .conftest import SCREENSHOT_DIR
from .journeys import Journey, heading, minimal_pdf
from .test_report_journey import WATCH_STAGES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

SELF_RATINGS = ["Satisfactory", "Progressing towards good practice", "Good practice"]
IMA_RATINGS = [["Development area", "Progressing towards satisfactory", "Satisfactory"][i % 3] for i in range(10)]
REVIEW_RATINGS = [
    ["Progressing towards satisfactory", "Satisfactory", "Progressing towards good practice"][i % 3] for i in range(10)
]
RECOMMENDATIONS = [
    "Publish a retention schedule for every business area",
    "Train all staff on what to keep and where to save it",
]
COMMITMENT = "The department is committed to managing its information as a public record and as an asset."
KEY_FINDINGS = "The department values its information but does not yet know whether staff follow its guidance."
IMA_FINDINGS = {
    1: "The department did not treat its information as an asset.",
    2: "Shared drives held most records and nobody planned for digital continuity.",
    3: "Nobody measured whether staff followed the KIM guidance.",
    4: "Paper records awaited review in a backlog of several years.",
}
PROGRESS = {
    1: "Every directorate now has an information asset owner.",
    2: "A corporate store replaced the shared drives and a digital continuity plan is agreed.",
    3: "The DRO now samples files in every directorate each quarter and reports to the board.",
    4: "The backlog was reviewed and the selected files were transferred.",
}
NEXT_STEPS_LEAD = "TNA will continue to monitor the department's progress against its action plan."


def narrative_for(area):
    return f"For {area.name.lower()} the department has an agreed policy, owned by the KIM team."


def rate_self(page, level, narrative):
    page.get_by_label(level, exact=True).check()
    page.fill("#id_narrative", narrative)


def lead_rates_every_area(journey, areas, *, evidence_pdf, prefix):
    """From the first area's page to check your answers and submit; a link on every area and a file on 1.1."""
    page = journey.page
    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        rate_self(page, SELF_RATINGS[index % 3], narrative_for(area))
        page.fill("#id_link_url", f"https://intranet.education.example.gov.uk/kim/{area.key}")
        page.fill("#id_link_title", f"Evidence for {area.name}")
        if index == 0:
            page.set_input_files("#id_evidence_file", str(evidence_pdf))
            page.fill("#id_evidence_file_title", "Records management policy (PDF)")
        last = index == len(areas) - 1
        step = f"{prefix}-check-answers" if last else f"{prefix}-area-{areas[index + 1].reference}"
        journey.press("Save and continue", step, shot=index in (0, len(areas) - 1))
    assert page.locator(".govuk-summary-card").count() == len(areas)
    journey.press("Submit self-assessment", f"{prefix}-submitted")
    assert page.locator(".govuk-panel--confirmation h1").inner_text() == "Self-assessment submitted"


def add_action(journey, recommendation_label, description, owner, *, owner_user=None, step):
    page = journey.page
    journey.click_link(f"Add an action for {recommendation_label}", f"{step}-form", shot=False)
    page.get_by_label("Action", exact=True).fill(description)
    page.get_by_label("Owner", exact=True).fill(owner)
    if owner_user:
        page.select_option("#id_owner_user", value=str(owner_user.pk))
    page.get_by_label("High", exact=True).check()
    page.fill("#id_due_date_0", "31")
    page.fill("#id_due_date_1", "3")
    page.fill("#id_due_date_2", str(timezone.localdate().year + 2))
    journey.press("Add action", step)


def review_plan(journey, plan_link, decision, step, *, comment="", action_comments=None):
    page = journey.page
    journey.click_link("Action plans", f"{step}-plans", exact=True, shot=False)
    journey.click_link(plan_link, f"{step}-plan", shot=False)
    journey.click_link("Review the plan", f"{step}-form", exact=True, shot=False)
    page.get_by_label(decision, exact=True).check()
    page.get_by_label("Overall comment").fill(comment)
    for label, text in (action_comments or {}).items():
        page.get_by_label(f"Comment on action {label} (optional)").fill(text)
    journey.press("Save decision", step)


def post_progress(journey, commentary, status, step):
    page = journey.page
    journey.click_link("Add a progress update", f"{step}-form", exact=True, shot=False)
    page.get_by_label("What has happened").fill(commentary)
    page.select_option("#id_status", status)
    journey.press("Save progress update", step)


def test_full_story_from_ima_to_progress_review_pdf(
    page, screenshot, framework, department_a, lead_a, contributor_a, assessor, celery_worker, tmp_path, capsys
):
    for old in SCREENSHOT_DIR.glob("story-*.png"):
        old.unlink()  # a person looking at the folder sees this run's steps only
    journey = Journey(page, screenshot, "story")
    stages = []
    page.expose_function("reportStageChanged", lambda text: stages.append(text))
    areas = framework_areas(framework)
    themes = framework_themes(framework)
    assert (len(areas), len(themes)) == (10, 4)
    today = timezone.localdate()
    review_year = today.year
    ima_year = review_year - 1
    review_link = f"Progress review {review_year}"
    plan_link = f"{department_a.name}, IMA {ima_year}"
    ima_fieldwork = (datetime.date(ima_year, 5, 14), datetime.date(ima_year, 5, 16))
    review_fieldwork = (today - datetime.timedelta(days=8), today - datetime.timedelta(days=7))

    # 1. The KIM lead does a self-assessment: all ten areas, a link as evidence on each (a PDF on the first).
    journey.sign_in(lead_a, "lead")
    journey.click_link("Start a self-assessment", "lead-start", shot=False)
    journey.press("Start self-assessment", "lead-task-list")
    journey.click_link(f"{areas[0].reference} {areas[0].name}", "lead-area-1.1", shot=False)
    evidence_pdf = tmp_path / "records-policy.pdf"
    evidence_pdf.write_bytes(minimal_pdf())
    lead_rates_every_area(journey, areas, evidence_pdf=evidence_pdf, prefix="lead-self")
    own = Assessment.objects.get(department=department_a, assessment_type="self_assessment")
    assert Evidence.objects.filter(rating__assessment=own).count() == len(areas) + 1
    journey.sign_out()

    # 2. The assessor opens the IMA (TNA writes it) and names the department's self-assessment as an input.
    journey.sign_in(assessor, "assessor")
    open_assessment(journey, department_a, "Information Management Assessment", ima_year, "ima")
    ima = Assessment.objects.get(department=department_a, assessment_type="ima", year=ima_year)
    assert ima.status == "in_review"
    report_details(
        journey,
        started=ima_fieldwork[0],
        ended=ima_fieldwork[1],
        place="Sanctuary Buildings, London",
        self_assessment=f"{department_a.short_name} Self-assessment {review_year}",
        step="ima-details",
    )
    assert Assessment.objects.get(pk=ima.pk).self_assessment_id == own.pk

    # 3. The assessor writes every section of the IMA report and publishes it.
    rate_every_area(journey, areas, IMA_RATINGS, prefix="ima-ratings")
    write_commitment(journey, COMMITMENT, "Permanent Secretary", datetime.date(ima_year, 1, 20), step="ima-commitment")
    journey.click_link("Background", "ima-background-form", exact=True)
    assert f"took place 14 to 16 May {ima_year} at Sanctuary Buildings, London" in page.input_value("#id_text")
    journey.press("Save", "ima-background-saved", shot=False)  # the text generated from the dates, as it is
    write_text(journey, "Key findings", KEY_FINDINGS, step="ima-key-findings", saved="Key findings")
    for theme in themes:
        write_theme(journey, theme, step=f"ima-theme-{theme.number}", findings=IMA_FINDINGS[theme.number])
    add_recommendations(journey, RECOMMENDATIONS, step="recommendation")
    assert all(task.inner_text().strip() == "Completed" for task in page.locator(".govuk-task-list__status").all()[:-1])
    journey.click_link("Publish", "ima-publish-form", exact=True)
    journey.press("Publish assessment", "ima-published")
    assert Assessment.objects.get(pk=ima.pk).status == "published"
    journey.sign_out()

    # 6. The lead drafts the action plan: an action for each recommendation, 1A owned by contributor A.
    journey.sign_in(lead_a, "lead-published")
    journey.click_link("Action plans", "lead-plans", exact=True)
    journey.click_link("Start the action plan", "plan-start-form", shot=False)
    journey.press("Start the action plan", "plan-started", shot=False)
    add_action(
        journey,
        "R1",
        "Draft the schedule with each directorate",
        "Departmental Records Officer",
        owner_user=contributor_a,
        step="plan-action-1A",
    )
    add_action(journey, "R2", "Run training sessions for every team", "Head of KIM", step="plan-action-2A")
    journey.click_link("Submit for review", "plan-submit-form", exact=True, shot=False)
    journey.press("Submit the plan", "plan-submitted")
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan submitted"
    plan = ActionPlan.objects.get(assessment=ima)
    assert Action.objects.get(plan=plan, recommendation__number=1).owner_user == contributor_a
    journey.sign_out()

    # 7. The assessor returns the plan with a comment on 2A; the lead fixes 2A and resubmits; the assessor accepts.
    journey.sign_in(assessor, "assessor-plan")
    review_plan(
        journey,
        plan_link,
        "Return it to the department for changes",
        "plan-returned",
        comment="Please bring the training forward.",
        action_comments={"2A": "Train every team within a year."},
    )
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan returned"
    journey.sign_out()

    journey.sign_in(lead_a, "lead-plan-returned")
    journey.click_link("Action plans", "lead-plans-returned", exact=True, shot=False)
    journey.click_link(plan_link, "lead-plan-returned")
    assert "Train every team within a year." in page.locator("main").inner_text()
    journey.click_link("Change action 2A", "plan-action-2A-change", exact=True, shot=False)
    page.fill("#id_due_date_2", str(review_year + 1))
    journey.press("Save action", "plan-action-2A-changed", shot=False)
    journey.click_link("Submit for review", "plan-resubmit-form", exact=True, shot=False)
    journey.press("Submit the plan", "plan-resubmitted")
    journey.sign_out()

    journey.sign_in(assessor, "assessor-plan-again")
    review_plan(journey, plan_link, "Accept the plan", "plan-accepted")
    assert page.locator(".govuk-panel__title").inner_text() == "Action plan accepted"
    journey.sign_out()

    # 8. The owner, contributor A, posts a progress update, then completes the action.
    journey.sign_in(contributor_a, "owner")
    journey.click_link("My actions", "owner-my-actions", exact=True)
    # The link reads "1A" with the plan in visually hidden text.
    journey.click_link(re.compile(rf"^1A\W+{department_a.short_name} IMA {ima_year}$"), "owner-action-1A", shot=False)
    post_progress(journey, "Workshops held with four directorates.", "underway", "owner-progress")
    post_progress(journey, "Schedule agreed by the KIM board.", "complete", "owner-complete")
    main = page.locator("main").inner_text()
    assert "Complete" in main and "Schedule agreed by the KIM board." in main
    assert Action.objects.get(plan=plan, recommendation__number=1).completion_date is not None
    journey.sign_out()

    # 9. The assessor opens the progress review; its baseline defaults to the published IMA and the
    # department's latest self-assessment is shown beside the ratings.
    journey.sign_in(assessor, "assessor-review")
    open_assessment(journey, department_a, "Progress review", review_year, "review")
    review = Assessment.objects.get(department=department_a, assessment_type="progress_review", year=review_year)
    assert (review.baseline_id, review.self_assessment_id) == (ima.pk, own.pk)
    first_row = page.locator("#ratings ~ .app-table-wrapper table tbody tr").first.inner_text()
    assert IMA_RATINGS[0] in first_row and SELF_RATINGS[0] in first_row  # the IMA's and the department's own

    # 10. The assessor writes the review: details, ratings, the background generated from the dates, each theme
    # (its situation at the time starts from the IMA's findings) and the Next steps, and publishes it.
    report_details(
        journey,
        started=review_fieldwork[0],
        ended=review_fieldwork[1],
        place="Sanctuary Buildings, London",
        step="review-details",
    )
    rate_every_area(journey, areas, REVIEW_RATINGS, prefix="review-ratings")
    journey.click_link("Background", "review-background-form", exact=True)
    journey.press("Save", "review-background-saved", shot=False)
    for theme in themes:
        journey.click_link(f"{theme.number}. {theme.name}", f"review-theme-{theme.number}-form", exact=True)
        assert page.input_value("#id_situation_at_time") == IMA_FINDINGS[theme.number]
        page.fill("#id_progress_narrative", PROGRESS[theme.number])
        journey.press("Save summary", f"review-theme-{theme.number}-saved", shot=False)
    journey.click_link("Next steps", "next-steps", exact=True)
    journey.click_link("Write the lead paragraph", "next-steps-lead-form", exact=True, shot=False)
    page.fill("#id_text", NEXT_STEPS_LEAD)
    journey.press("Save", "next-steps-lead-saved")  # back on the Next steps page it was written from
    for number, text in enumerate(RECOMMENDATIONS, start=1):
        page.get_by_label(f"IMA {ima_year} R{number}: {text}", exact=True).check()
    journey.press("Add the chosen items", "next-steps-added")
    assert NextStep.objects.filter(assessment=review).count() == 2
    journey.click_link("Back to the report", "review-written", exact=True, shot=False)
    assert task_status(page, "next-steps") == "Completed"
    journey.click_link("Publish", "review-publish-form", exact=True, shot=False)
    journey.press("Publish assessment", "review-published")
    assert heading(page) == review_link
    assert Assessment.objects.get(pk=review.pk).status == "published"

    # 11. The assessor requests the review PDF, watches the job page move on by itself and downloads it.
    # Publishing issued version 1 of each report; the worker finishes those first, so it is idle when paused.
    celery_worker.wait_until(lambda: not ReportJob.objects.exclude(status__in=["done", "failed"]).exists(), timeout=90)
    assert not ReportJob.objects.filter(status="failed").exists()
    with celery_worker.paused():
        journey.press("Produce progress review PDF", "review-pdf-queued")
        assert heading(page) == "Progress review PDF"
        assert page.locator("[data-report-job-status-tag]").inner_text() == "Waiting to start"
        page.evaluate(WATCH_STAGES)
    download_button = page.get_by_role("button", name="Download the PDF")
    download_button.wait_for(timeout=90000)
    journey.check("review-pdf-ready")
    assert any(not stage.startswith("0%") for stage in stages), f"the job page never showed progress: {stages}"
    job = ReportJob.objects.filter(assessment=review, version__isnull=True).get()
    assert (job.status, job.progress) == (ReportJob.Status.DONE, 100)
    with page.expect_download() as download_info:
        download_button.click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert_progress_review_pdf(
        pdf_text(data), areas, ima_year=ima_year, review_year=review_year, review_fieldwork=review_fieldwork
    )
    journey.sign_out()
    journey.finish(capsys)


def assert_progress_review_pdf(text, areas, *, ima_year, review_year, review_fieldwork):
    published = timezone.localdate().strftime("%B %Y")
    expected = [
        "Information Management Assessment: progress review",
        "Department for Education",
        f"Assessed: {review_fieldwork[1]:%B %Y}",
        f"Published: {published}",
        "Background",
        f"The National Archives (TNA) carried out an Information Management Assessment (IMA) of the Department "
        f"for Education (DfE), with interviews held 14 to 16 May {ima_year} at Sanctuary Buildings, London.",
        f"The IMA report was published in {published}.",
        f"Progress against that plan was formally assessed through interviews held {date_range(*review_fieldwork)} "
        "at Sanctuary Buildings, London.",
        f"Performance rating IMA {ima_year} Review {review_year}",
        *[f"{area.name} {IMA_RATINGS[index]} {REVIEW_RATINGS[index]}" for index, area in enumerate(areas)],
        *IMA_FINDINGS.values(),
        *PROGRESS.values(),
        "Next steps",
        NEXT_STEPS_LEAD,
        # The items the assessor wrote for this report (added from the IMA's open recommendations).
        f"IMA {ima_year} R1: {RECOMMENDATIONS[0]}",
        f"IMA {ima_year} R2: {RECOMMENDATIONS[1]}",
    ]
    missing = [item for item in expected if item not in text]
    assert missing == [], f"not in the PDF: {missing}\n{text}"
    assert text.index("Background", text.index("Published:")) < text.index("Performance rating")
    assert text.index("Performance rating") < text.rindex("Next steps") < text.rindex(RECOMMENDATIONS[0])
    for placeholder in ("No summary was recorded", "[The statement", "remain outstanding"):
        assert placeholder not in text
