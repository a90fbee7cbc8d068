"""Real Celery worker processes (not eager): the behaviour under test is the worker's."""

import datetime
import hashlib

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from reports import jobs
from reports.models import ReportJob
from reports.services import report_job_request
from reports.tests.conftest import pdf_text

pytestmark = pytest.mark.worker

WAIT_SECONDS = 60


def _wait_for(job, condition, worker):
    """Wait until the job (read afresh each time) meets `condition`; return the (status, progress) pairs seen."""
    seen = []

    def met():
        job.refresh_from_db()
        seen.append((job.status, job.progress))
        return condition(job)

    worker.wait_until(met, timeout=WAIT_SECONDS)
    return seen


def _stored_files():
    if not default_storage.exists("reports"):
        return []
    folders, _ = default_storage.listdir("reports")
    return [name for folder in folders for name in default_storage.listdir(f"reports/{folder}")[1]]


def test_a_real_worker_produces_the_requested_review_and_the_same_request_reuses_it(
    celery_worker, client, assessor, review, tmp_path
):
    worker = celery_worker
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


def test_a_failing_job_ends_failed_with_a_message_a_person_can_act_on(celery_worker, assessor, review):
    worker = celery_worker
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor, enqueue=False)
    ReportJob.objects.filter(pk=job.pk).update(snapshot={**job.snapshot, "kind": "no_such_layout"})
    jobs.job_enqueue(job.pk)
    _wait_for(job, lambda job: job.is_finished, worker)
    assert job.status == ReportJob.Status.FAILED
    assert job.error_message.startswith("The report could not be produced because of a problem with its layout")
    assert f"RJ-{job.pk}" in job.error_message


@pytest.mark.parametrize("celery_worker", [{"REPORTS_TEST_RENDER_DELAY": WAIT_SECONDS}], indirect=True)
def test_a_job_whose_worker_is_killed_mid_render_is_completed_by_the_next_worker(
    celery_worker, client, assessor, review
):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    _wait_for(job, lambda job: job.status == ReportJob.Status.RUNNING, celery_worker)

    client.force_login(assessor)
    assert client.get(reverse("reports:job_download", args=[job.pk])).status_code == 404
    assert not job.pdf and _stored_files() == []

    celery_worker.kill()
    # Dead, it beats no more: its last heartbeat is made older than the sweeper's limit instead of waiting for it.
    stale = timezone.now() - datetime.timedelta(seconds=settings.REPORTS_STALE_AFTER_SECONDS + 60)
    assert ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.RUNNING).update(heartbeat_at=stale) == 1
    celery_worker.start(REPORTS_TEST_RENDER_DELAY=0)  # the next worker sweeps lost jobs as it starts
    _wait_for(job, lambda job: job.is_finished, celery_worker)

    assert job.status == ReportJob.Status.DONE, job.error_message
    assert job.attempts == 2
    assert _stored_files() == [job.pdf.name.rsplit("/", 1)[1]]
    download = client.get(reverse("reports:job_download", args=[job.pk]))
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == job.content_sha256
