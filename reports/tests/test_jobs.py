from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.storage import default_storage
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from common.broker import broker_failures_forget
from reports import jobs
from reports.models import ReportJob
from reports.services import report_job_request
from reports.tasks import MAX_RETRIES, render_report_job

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(review, assessor):
    return report_job_request(assessment=review, kind="progress_review", by=assessor)[0]


def _broken(error):
    def render(*args, **kwargs):
        raise error

    return render


def test_a_render_that_breaks_marks_the_job_failed_with_what_to_do(job, monkeypatch):
    monkeypatch.setattr(jobs, "render_pdf", _broken(ValueError("no such template variable")))
    render_report_job.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.error_message == (
        "The report could not be produced because of a problem with its layout or data. Request it again. "
        f"If it fails again, tell the IMA Portal support team the job reference RJ-{job.pk}."
    )
    assert job.finished_at is not None and not job.pdf


def test_transient_errors_are_retried_a_bounded_number_of_times_then_reported(job, monkeypatch):
    monkeypatch.setattr(jobs, "render_pdf", _broken(OSError("disk full")))
    render_report_job.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.attempts == MAX_RETRIES + 1
    assert job.error_message.startswith(
        f"The report service could not reach its database or file storage, even after trying {MAX_RETRIES + 1} times."
    )


def test_a_transient_error_that_clears_still_produces_the_report(job, monkeypatch):
    real = jobs.render_pdf
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("storage blinked")
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "render_pdf", flaky)
    render_report_job.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.attempts, job.progress) == ("done", 2, 100)


def test_a_render_over_the_soft_time_limit_says_it_took_too_long(job, monkeypatch, settings):
    monkeypatch.setattr(jobs, "render_pdf", _broken(SoftTimeLimitExceeded()))
    render_report_job.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.error_message.startswith("The report took longer than 120 seconds to produce and was stopped.")


def test_a_job_that_is_not_queued_is_left_alone(job, monkeypatch):
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, heartbeat_at=timezone.now())
    monkeypatch.setattr(jobs, "render_pdf", lambda *a, **k: pytest.fail("a second worker rendered a claimed job"))
    assert jobs.job_execute(job.pk) is None


def test_a_crash_before_the_move_leaves_no_file_under_the_final_name(job, monkeypatch):
    def crash(source, target):
        raise KeyboardInterrupt  # as good as SIGKILL for this process: nothing after it runs

    monkeypatch.setattr(jobs.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        jobs.job_execute(job.pk)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.RUNNING and not job.pdf
    assert not default_storage.exists(jobs.pdf_name(job))


def test_a_file_stored_before_a_crash_is_used_when_the_job_runs_again(job, monkeypatch):
    jobs.job_execute(job.pk)
    job.refresh_from_db()
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.QUEUED, pdf="", content_sha256="")
    monkeypatch.setattr(jobs, "render_pdf", lambda *a, **k: pytest.fail("rendered again"))
    again = jobs.job_execute(job.pk)
    assert (again.status, again.pdf.name, again.content_sha256) == ("done", job.pdf.name, job.content_sha256)


def test_the_sweeper_queues_again_a_running_job_whose_heartbeat_stopped(job, broker, settings):
    stale = timezone.now() - timedelta(seconds=settings.REPORTS_STALE_AFTER_SECONDS + 1)
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.RUNNING, attempts=1, heartbeat_at=stale, enqueued_at=stale
    )
    result = jobs.jobs_sweep()
    job.refresh_from_db()
    assert result["requeued"] == [job.pk] and broker.report_jobs == [job.pk]
    assert job.status == ReportJob.Status.QUEUED and job.enqueued_at is not None


def test_the_sweeper_leaves_a_job_that_is_still_beating(job, broker):
    now = timezone.now()
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.RUNNING, heartbeat_at=now, enqueued_at=now)
    assert jobs.jobs_sweep() == {"requeued": [], "failed": [], "resent": []}
    assert broker.report_jobs == []


def test_the_sweeper_fails_a_job_that_lost_its_worker_too_often(job, settings):
    stale = timezone.now() - timedelta(seconds=settings.REPORTS_STALE_AFTER_SECONDS + 1)
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJob.Status.RUNNING, attempts=settings.REPORTS_MAX_ATTEMPTS, heartbeat_at=stale
    )
    jobs.jobs_sweep()
    job.refresh_from_db()
    assert job.status == ReportJob.Status.FAILED
    assert job.error_message.startswith("The report service stopped 3 times while producing this report.")


def test_with_the_broker_down_the_job_stays_queued_and_the_sweeper_sends_it_later(review, assessor, broker):
    broker.refuse(BrokerError("[Errno 111] Connection refused"))
    with broker.after_commit():
        job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    job.refresh_from_db()
    assert (job.status, job.enqueued_at) == ("queued", None)

    broker.accept()
    broker_failures_forget()  # else common.broker leaves the broker alone for a few seconds after the failure
    assert jobs.jobs_sweep()["resent"] == [job.pk]
    job.refresh_from_db()
    assert broker.report_jobs == [job.pk] and job.enqueued_at is not None
