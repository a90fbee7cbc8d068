"""Running a report job: claim, render from the snapshot, store the PDF atomically, finish.

Shared by the Celery task and the `render_report` command, so both take the same path. Every
state change is a conditional UPDATE, so a redelivered message, a retry and the sweeper can
race without two workers finishing one job differently.
"""

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections, transaction
from django.db.models import F, Q
from django.utils import timezone

from common.broker import task_publish

from .models import IssuedReport, ReportJob
from .rendering import render_pdf

logger = logging.getLogger(__name__)
Status = ReportJob.Status

SUPPORT = "If it fails again, tell the IMA Portal support team the job reference {ref}."
RENDER_FAILED = (
    "The report could not be produced because of a problem with its layout or data. Request it again. " + SUPPORT
)
TOO_SLOW = (
    "The report took longer than {seconds} seconds to produce and was stopped. Request it again later. " + SUPPORT
)
SERVICE_UNAVAILABLE = (
    "The report service could not reach its database or file storage, even after trying {tries} times. "
    "Request the report again in a few minutes. " + SUPPORT
)
WORKER_LOST = (
    "The report service stopped {tries} times while producing this report. Request it again in a few minutes. "
    + SUPPORT
)


def reference(job_id):
    return f"RJ-{job_id}"


def pdf_name(job):
    """Named after the input, so the same input never yields two different stored files."""
    return f"reports/{job.assessment_id}/{job.kind}-{job.input_sha256[:32]}.pdf"


# ----------------------------------------------------------------------------------------------
# Sending


def job_enqueue(job_id):
    """Hand the job to the broker; False (job left queued for the sweeper) when the broker did not take it in time."""
    from .tasks import render_report_job

    # A person is usually waiting for the page: one bounded try, and the sweeper sends it again later.
    if not task_publish(render_report_job, args=[job_id]):
        logger.warning("Report job %s not sent to the broker; the sweeper will send it later.", job_id)
        return False
    ReportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(enqueued_at=timezone.now())
    return True


# ----------------------------------------------------------------------------------------------
# Running


def job_claim(job_id):
    """Move a queued job to running (one claimant wins); None if it is not queued any more."""
    now = timezone.now()
    claimed = ReportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
        status=Status.RUNNING,
        progress=10,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        error_message="",
    )
    return ReportJob.objects.select_related("assessment").get(pk=job_id) if claimed else None


def job_set_progress(job_id, progress):
    ReportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(progress=progress, heartbeat_at=timezone.now())


@contextlib.contextmanager
def heartbeat(job_id, every=None):
    """Beat from a thread while the render (CPU-bound, in C) holds the main thread."""
    every = every or settings.REPORTS_HEARTBEAT_SECONDS
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(every):
                try:
                    ReportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(heartbeat_at=timezone.now())
                except Exception:  # a missed beat must never break the render
                    logger.warning("Heartbeat of report job %s failed", job_id, exc_info=True)
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, name=f"report-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 5)


def _test_delay(job_id):
    """Tests only (REPORTS_TEST_RENDER_DELAY, 0 = off): a slow render, still beating, so a test can kill the worker.

    reports/tests/test_worker.py SIGKILLs a real Celery worker mid-render and checks that the next worker
    completes the job. That worker is a separate process started from the environment, so a test cannot
    monkeypatch it, and a real render ends too soon to be killed reliably. Never set in production.
    """
    delay = settings.REPORTS_TEST_RENDER_DELAY
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        job_set_progress(job_id, 20)
        time.sleep(min(0.5, max(deadline - time.monotonic(), 0)))


def _store_atomically(name, data):
    """Write the PDF where it belongs only once it is complete: a killed worker leaves at most a temp file."""
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        final = Path(storage.path(name))
        final.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=final.parent, prefix=".partial-", suffix=".pdf", delete=False) as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, final)
        return name
    # Object stores (S3 and the like) make an upload visible only once it is complete.
    if storage.exists(name):
        return name
    return storage.save(name, ContentFile(data))


def _existing_file(job):
    """A complete PDF of this exact input, from another job or an earlier attempt of this one."""
    done = (
        ReportJob.objects.filter(
            input_sha256=job.input_sha256, template_version=job.template_version, status=Status.DONE
        )
        .exclude(pk=job.pk)
        .exclude(pdf="")
        .first()
    )
    for name in ([done.pdf.name] if done else []) + [pdf_name(job)]:
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                return name, hashlib.sha256(handle.read()).hexdigest()
    return None


@transaction.atomic
def job_finish(job, *, name, sha256):
    now = timezone.now()
    finished = ReportJob.objects.filter(pk=job.pk, status__in=[Status.QUEUED, Status.RUNNING]).update(
        status=Status.DONE, progress=100, pdf=name, content_sha256=sha256, finished_at=now, heartbeat_at=now
    )
    if job.issued_report_id:
        # An issued version gets its file once and keeps it.
        IssuedReport.objects.filter(pk=job.issued_report_id, pdf="").update(pdf=name, sha256=sha256)
    return bool(finished)


def job_fail(job_id, message):
    ReportJob.objects.filter(pk=job_id).exclude(status=Status.DONE).update(
        status=Status.FAILED, error_message=message.format(ref=reference(job_id)), finished_at=timezone.now()
    )


def job_release_for_retry(job_id):
    """After a transient error: queued again, for the retry that follows."""
    ReportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(status=Status.QUEUED, progress=0)


def job_execute(job_id):
    """Render one queued job to the end. Returns the job, or None when it was not queued (nothing to do).

    Transient errors (database, file system) propagate, for the caller to retry.
    """
    job = job_claim(job_id)
    if job is None:
        return None
    existing = _existing_file(job)
    if existing is None:
        with heartbeat(job.pk):
            if settings.REPORTS_TEST_RENDER_DELAY:
                _test_delay(job.pk)
            data = render_pdf(job.snapshot, on_stage=lambda progress: job_set_progress(job.pk, progress))
        name = _store_atomically(pdf_name(job), data)
        existing = (name, hashlib.sha256(data).hexdigest())
        job_set_progress(job.pk, 90)
    name, sha256 = existing
    job_finish(job, name=name, sha256=sha256)
    job.refresh_from_db()
    return job


# ----------------------------------------------------------------------------------------------
# Sweeping: brokers differ in when (or whether) they redeliver a lost message, so we do not rely on it.


def jobs_sweep(*, now=None):
    """Queue again the jobs whose worker died, and send again the ones that never reached the broker."""
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.REPORTS_STALE_AFTER_SECONDS)
    result = {"requeued": [], "failed": [], "resent": []}
    stale = ReportJob.objects.filter(status=Status.RUNNING).filter(
        Q(heartbeat_at__lt=stale_before) | Q(heartbeat_at__isnull=True, started_at__lt=stale_before)
    )
    for job in stale:
        if job.attempts >= settings.REPORTS_MAX_ATTEMPTS:
            job_fail(job.pk, WORKER_LOST.replace("{tries}", str(job.attempts)))
            result["failed"].append(job.pk)
            continue
        # Conditional on the heartbeat we saw: a worker that beat in the meantime keeps its job.
        requeued = ReportJob.objects.filter(pk=job.pk, status=Status.RUNNING, heartbeat_at=job.heartbeat_at).update(
            status=Status.QUEUED, progress=0, enqueued_at=None
        )
        if requeued:
            result["requeued"].append(job.pk)
    resend_before = now - timedelta(seconds=settings.REPORTS_RESEND_QUEUED_AFTER_SECONDS)
    lost = ReportJob.objects.filter(status=Status.QUEUED).filter(
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=resend_before)
    )
    for job_id in lost.values_list("pk", flat=True):
        if job_enqueue(job_id):
            result["resent"].append(job_id)
    return result
