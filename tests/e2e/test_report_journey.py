"""The progress review PDF in a browser: request it, watch the job page update itself, download it.

A real Celery worker renders the PDF. It is paused (SIGSTOP) while the request is made, so the job
page is seen queued and then seen to move on by itself (static/js/report-job.js), every time.
"""

from pathlib import Path

import pytest

from reports.models import ReportJob
from reports.tests.conftest import pdf_text
from reports.tests.factories import review_scenario

from .journeys import Journey, heading

pytestmark = pytest.mark.django_db(transaction=True)

WATCH_STAGES = """() => {
  const stage = document.getElementById('report-job-stage');
  new MutationObserver(() => window.reportStageChanged(stage.textContent))
    .observe(stage, {childList: true, characterData: true, subtree: true});
}"""


def test_assessor_requests_a_progress_review_pdf_watches_it_being_made_and_downloads_it(
    page, screenshot, framework, department_a, assessor, celery_worker, capsys
):
    review = review_scenario(department_a, framework)  # IMA 2013, published review 2015 measured against it
    journey = Journey(page, screenshot, "journey-report")
    stages = []
    page.expose_function("reportStageChanged", lambda text: stages.append(text))

    journey.sign_in(assessor, "assessor")
    journey.click_link("Assessments", "assessments", exact=True)
    journey.click_link("Progress review 2015", "review-page")
    assert heading(page) == "Progress review 2015"

    with celery_worker.paused():
        journey.press("Produce progress review PDF", "job-queued")
        assert heading(page) == "Progress review PDF"
        assert page.locator("[data-report-job-status-tag]").inner_text() == "Waiting to start"
        assert page.locator("#report-job-progress").get_attribute("value") == "0"
        page.evaluate(WATCH_STAGES)

    # The page polls the job's status and reloads itself when the PDF is ready: no reload here.
    download_button = page.get_by_role("button", name="Download the PDF")
    download_button.wait_for(timeout=90000)
    journey.check("job-done")
    assert stages, "the job page never updated its progress"
    assert any(not stage.startswith("0%") for stage in stages), stages
    job = ReportJob.objects.get(assessment=review)
    assert (job.status, job.progress) == (ReportJob.Status.DONE, 100)

    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (
        "Department for Education",
        "Information Management Assessment: progress review",
        "Background",
        "Progress to address recommendations and risk areas",
        "Performance rating IMA 2013 Review 2015",
        "Communicating and realising value Development area Progressing towards satisfactory",
        "Situation at the time of the IMA",
        "Next steps",
        "Review the information management policy",
    ):
        assert expected in text, f"{expected!r} not in the PDF"
    assert text.index("Background") < text.index("Performance rating") < text.rindex("Next steps"), text
    journey.finish(capsys)
