"""The whole story in one browser test, across every role, as issue 9 tells it.

The assessor opens an IMA for the Department for Education; its KIM lead rates all ten areas with
evidence and submits; the assessor returns one area; the lead fixes it; the assessor moderates, writes
two recommendations and publishes; the lead drafts the action plan (one action owned by a contributor);
the assessor returns it, then accepts it; the contributor posts progress and completes the action; the
assessor opens the progress review (baseline: the published IMA), the department rates itself, the
assessor rates it and publishes it, then requests its PDF, watches the job page move on by itself and
downloads it, and the PDF's text is checked with pypdf. A real Celery worker (root `celery_worker`
fixture) renders every PDF.

axe runs on every page (tests/e2e/journeys.py). Each step is photographed as
var/screenshots/story-NN-*.png; the folder is printed at the end by `Journey.finish(capsys)`, which
writes with capture disabled, so a plain `pytest tests/e2e/test_full_story.py -q` shows it (no -s).
"""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Action, ActionPlan, Recommendation
from assessments.models import Assessment, Evidence
from assessments.selectors.framework import framework_areas
from reports.models import ReportJob
from reports.tests.conftest import pdf_text

from .conftest import SCREENSHOT_DIR
from .journeys import Journey, heading, minimal_pdf
from .test_report_journey import WATCH_STAGES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

SELF_RATINGS = ["Satisfactory", "Progressing towards good practice", "Good practice"]
IMA_RATINGS = ["Development area", "Progressing towards satisfactory", "Satisfactory"]
REVIEW_RATINGS = ["Progressing towards satisfactory", "Satisfactory", "Progressing towards good practice"]
RECOMMENDATIONS = [
    "Publish a retention schedule for every business area",
    "Train all staff on what to keep and where to save it",
]
RETURN_COMMENT = "Say how the department measures whether its guidance is followed."
SITUATION = "At the time of the IMA nobody measured whether staff followed the KIM guidance."
PROGRESS = "The DRO now samples files in every directorate each quarter and reports to the board."


def narrative_for(area):
    return f"For {area.name.lower()} the department has an agreed policy, owned by the KIM team."


def rate_self(page, level, narrative):
    page.get_by_label(level, exact=True).check()
    page.fill("#id_narrative", narrative)


def open_assessment(journey, department, type_label, year, step):
    page = journey.page
    journey.click_link("Open an assessment", f"{step}-form", exact=True, shot=False)
    page.select_option("#id_department", label=department.name)
    page.get_by_label(type_label, exact=True).check()
    page.fill("#id_year", str(year))
    journey.press("Open assessment", f"{step}-opened")
    assert department.name in journey.page.locator(".govuk-notification-banner").inner_text()


def lead_rates_every_area(journey, areas, *, evidence_pdf=None, prefix):
    """From the first area's page to check your answers; with `evidence_pdf`, a link on every area and a file on 1.1."""
    page = journey.page
    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        rate_self(page, SELF_RATINGS[index % 3], narrative_for(area))
        if evidence_pdf:
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


def assessor_rates_every_area(journey, areas, ratings, *, prefix):
    page = journey.page
    journey.click_link(f"{areas[0].reference} {areas[0].name}", f"{prefix}-area-1.1", shot=False)
    for index, area in enumerate(areas):
        assert heading(page) == f"{area.reference} {area.name}"
        page.get_by_label(ratings[index % 3], exact=True).check()
        page.fill("#id_assessor_commentary", f"The assessor's finding on {area.name.lower()}.")
        if index == len(areas) - 1:
            journey.press("Save and return to the review", f"{prefix}-rated-all")
        else:
            journey.press("Save and go to the next area", f"{prefix}-area-{areas[index + 1].reference}", shot=False)


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
    assert len(areas) == 10
    review_year = timezone.localdate().year
    ima_year = review_year - 1
    ima_link = f"Information Management Assessment {ima_year}"
    review_link = f"Progress review {review_year}"
    plan_link = f"{department_a.name}, IMA {ima_year}"

    # 1. The assessor opens an IMA for department A.
    journey.sign_in(assessor, "assessor")
    open_assessment(journey, department_a, "Information Management Assessment", ima_year, "ima")
    ima = Assessment.objects.get(department=department_a, assessment_type="ima", year=ima_year)
    journey.sign_out()

    # 2. Its KIM lead rates all ten areas, with a link as evidence on each (and a PDF on the first), and submits.
    journey.sign_in(lead_a, "lead")
    journey.click_link(ima_link, "lead-ima", shot=False)
    journey.click_link("Start the self-assessment", "lead-task-list")
    journey.click_link(f"{areas[0].reference} {areas[0].name}", "lead-area-1.1", shot=False)
    evidence_pdf = tmp_path / "records-policy.pdf"
    evidence_pdf.write_bytes(minimal_pdf())
    lead_rates_every_area(journey, areas, evidence_pdf=evidence_pdf, prefix="lead-ima")
    assert Evidence.objects.filter(rating__assessment=ima).count() == len(areas) + 1
    journey.sign_out()

    # 3. The assessor takes it into review and returns one area.
    returned = areas[7]
    journey.sign_in(assessor, "assessor-queue")
    journey.click_link(ima_link, "assessor-ima", shot=False)
    journey.click_link("Review this assessment", "assessor-review", shot=False)
    journey.press("Start review", "assessor-in-review")
    journey.click_link("Return to the department", "assessor-return-form", shot=False)
    page.fill("#id_comment", "Please strengthen one area before we review again.")
    page.get_by_label(f"{returned.reference} {returned.name} (optional)").fill(RETURN_COMMENT)
    journey.press("Return with comments", "assessor-returned")
    assert Assessment.objects.get(pk=ima.pk).status == "returned"
    journey.sign_out()

    # 4. The lead fixes the returned area and resubmits.
    journey.sign_in(lead_a, "lead-returned")
    journey.click_link(ima_link, "lead-returned-ima", shot=False)
    journey.click_link("Continue the self-assessment", "lead-returned-task-list")
    journey.click_link(f"{returned.reference} {returned.name}", "lead-returned-area")
    assert RETURN_COMMENT in page.locator("main").inner_text()
    rate_self(page, "Satisfactory", narrative_for(returned) + " " + PROGRESS)
    journey.press("Save and continue", "lead-fixed-check-answers", shot=False)
    journey.press("Submit self-assessment", "lead-resubmitted")
    journey.sign_out()

    # 5. The assessor moderates every area, writes two recommendations and publishes.
    journey.sign_in(assessor, "assessor-resubmitted")
    journey.click_link(ima_link, "assessor-resubmitted-ima", shot=False)
    journey.click_link("Review this assessment", "assessor-review-again", shot=False)
    journey.press("Start review", "assessor-in-review-again", shot=False)
    assessor_rates_every_area(journey, areas, IMA_RATINGS, prefix="assessor-ima")
    journey.click_link("Write recommendations", "recommendations", exact=True, shot=False)
    for number, text in enumerate(RECOMMENDATIONS, start=1):
        journey.click_link("Add a recommendation", f"recommendation-{number}-form", exact=True, shot=False)
        page.get_by_label("Recommendation", exact=True).fill(text)
        page.get_by_label("High", exact=True).check()
        journey.press("Add recommendation", f"recommendation-{number}-added")
    assert page.locator("table").inner_text().count("Open") == 2
    journey.goto(reverse("assessments:assessment_review", args=[ima.pk]), "assessor-review-done", shot=False)
    journey.click_link("Publish", "ima-publish-form", exact=True, shot=False)
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

    # 9. The assessor opens the progress review; its baseline defaults to the published IMA.
    journey.sign_in(assessor, "assessor-review")
    open_assessment(journey, department_a, "Progress review", review_year, "review")
    review = Assessment.objects.get(department=department_a, assessment_type="progress_review", year=review_year)
    assert review.baseline_id == ima.pk
    journey.sign_out()

    # 10. The department rates itself for the review and submits (the app's flow: the lead submits first).
    journey.sign_in(lead_a, "lead-review")
    journey.click_link(review_link, "lead-review-assessment", shot=False)
    journey.click_link("Start the self-assessment", "lead-review-task-list", shot=False)
    journey.click_link(f"{areas[0].reference} {areas[0].name}", "lead-review-area-1.1", shot=False)
    lead_rates_every_area(journey, areas, prefix="lead-review")
    journey.sign_out()

    # 11. The assessor rates every area, writes a theme summary and publishes the review.
    journey.sign_in(assessor, "assessor-review-queue")
    journey.click_link(review_link, "assessor-review-assessment", shot=False)
    journey.click_link("Review this assessment", "assessor-review-review", shot=False)
    journey.press("Start review", "assessor-review-in-review", shot=False)
    assessor_rates_every_area(journey, areas, REVIEW_RATINGS, prefix="assessor-review")
    theme = returned.theme
    journey.click_link(f"Edit the summary of {theme.name}", "theme-summary-form", exact=True, shot=False)
    page.get_by_label("Situation at the time of the IMA").fill(SITUATION)
    page.get_by_label("Progress since").fill(PROGRESS)
    journey.press("Save summary", "theme-summary-saved")
    journey.click_link("Publish", "review-publish-form", exact=True, shot=False)
    journey.press("Publish assessment", "review-published")
    assert heading(page) == review_link

    # 12. The assessor requests the review PDF, watches the job page move on by itself and downloads it.
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
    assert_progress_review_pdf(pdf_text(data), areas, ima_year=ima_year, review_year=review_year)
    journey.sign_out()
    journey.finish(capsys)


def assert_progress_review_pdf(text, areas, *, ima_year, review_year):
    recommendations = list(Recommendation.objects.order_by("number"))
    expected = [
        "Information Management Assessment: progress review",
        "Department for Education",
        "Background",
        f"Information Management Assessment (IMA) of the Department for Education (DfE) in {ima_year}",
        f"Performance rating IMA {ima_year} Review {review_year}",
        f"{areas[0].name} {IMA_RATINGS[0]} {REVIEW_RATINGS[0]}",
        f"{areas[7].name} {IMA_RATINGS[7 % 3]} {REVIEW_RATINGS[7 % 3]}",
        SITUATION,
        PROGRESS,
        "Next steps",
        f"{recommendations[0].label}: {RECOMMENDATIONS[0]}",
        f"{recommendations[1].label}: {RECOMMENDATIONS[1]}",
    ]
    missing = [item for item in expected if item not in text]
    assert missing == [], f"not in the PDF: {missing}\n{text}"
    assert text.index("Background") < text.index("Performance rating") < text.rindex("Next steps")
    assert text.rindex("Next steps") < text.rindex(RECOMMENDATIONS[0])
