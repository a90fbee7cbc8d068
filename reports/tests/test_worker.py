"""Real Celery worker processes (not eager): the behaviour under test is the worker's."""

import hashlib
import time

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from reports import jobs
from reports.models import ReportJob
from reports.services import report_job_request
from reports.tests.conftest import pdf_text

pytestmark = pytest.mark.worker

WAIT_SECONDS = 60


def _wait_for(job, condition, worker, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.append((job.status, job.progress))
        if condition(job):
            return seen
        time.sleep(0.1)
    raise AssertionError(f"Job {job.pk} is {job.status} at {job.progress}% after {seconds}s:\n{worker.log()[-3000:]}")


def _stored_files():
    if not default_storage.exists("reports"):
        return []
    folders, _ = default_storage.listdir("reports")
    return [name for folder in folders for name in default_storage.listdir(f"reports/{folder}")[1]]


def test_a_real_worker_produces_the_requested_review_and_the_same_request_reuses_it(
    worker_factory, client, assessor, review, tmp_path
):
    worker = worker_factory()
    client.force_login(assessor)
    request_url = reverse("reports:report_request", args=[review.pk])
    response = client.post(request_url, {"kind": "progress_review", "protective_marking": ""})
    job = ReportJob.objects.get()
    seen = _wait_for(job, lambda job: job.status == ReportJob.Status.DONE, worker)

    assert job.progress == 100 and job.attempts == 1
    assert ("done", 100) in seen
    download = client.get(reverse("reports:job_download", args=[job.pk]))
    data = b"".join(download.streaming_content)
    assert hashlib.sha256(data).hexdigest() == job.content_sha256
    text = pdf_text(data)
    assert "Performance rating IMA 2013 Review 2015" in text
    assert "Communicating and realising value Development area Progressing towards satisfactory" in text
    assert "Next steps" in text

    again = client.post(request_url, {"kind": "progress_review", "protective_marking": ""})
    assert again["Location"] == response["Location"]
    assert ReportJob.objects.count() == 1

    output = tmp_path / "out" / "review.pdf"
    call_command(
        "render_report", review.pk, output=str(output), marking="OFFICIAL", via_worker=True, timeout=WAIT_SECONDS
    )
    assert "OFFICIAL" in pdf_text(output.read_bytes())
    assert ReportJob.objects.filter(status="done").count() == 2


def test_a_failing_job_ends_failed_with_a_message_a_person_can_act_on(worker_factory, assessor, review):
    worker = worker_factory()
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor, enqueue=False)
    ReportJob.objects.filter(pk=job.pk).update(snapshot={**job.snapshot, "kind": "no_such_layout"})
    jobs.job_enqueue(job.pk)
    _wait_for(job, lambda job: job.is_finished, worker)
    assert job.status == ReportJob.Status.FAILED
    assert job.error_message.startswith("The report could not be produced because of a problem with its layout")
    assert f"RJ-{job.pk}" in job.error_message


def test_a_job_whose_worker_is_killed_mid_render_is_completed_by_the_next_worker(
    worker_factory, client, assessor, review
):
    fast_sweep = {"REPORTS_HEARTBEAT_SECONDS": 0.5, "REPORTS_STALE_AFTER_SECONDS": 2}
    slow = worker_factory(REPORTS_TEST_RENDER_DELAY=WAIT_SECONDS, **fast_sweep)
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    _wait_for(job, lambda job: job.status == ReportJob.Status.RUNNING, slow)

    client.force_login(assessor)
    assert client.get(reverse("reports:job_download", args=[job.pk])).status_code == 404
    assert not job.pdf and _stored_files() == []

    slow.kill()
    time.sleep(2.5)  # the heartbeat goes stale
    replacement = worker_factory(**fast_sweep)
    _wait_for(job, lambda job: job.is_finished, replacement)

    assert job.status == ReportJob.Status.DONE, job.error_message
    assert job.attempts == 2
    assert _stored_files() == [job.pdf.name.rsplit("/", 1)[1]]
    download = client.get(reverse("reports:job_download", args=[job.pk]))
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == job.content_sha256
