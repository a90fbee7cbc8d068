"""Render a report to a file, through the same job code as the web (in this process, or by a worker)."""

import os
import shutil
import tempfile
import time
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from assessments.models import Assessment
from common.errors import ServiceError
from reports import jobs
from reports.models import ReportJob, ReportKind
from reports.rules import ISSUED_KIND
from reports.services import report_job_request


class Command(BaseCommand):
    help = "Render an assessment's report as PDF to --output (in this process, or by a worker with --via-worker)."

    def add_arguments(self, parser):
        parser.add_argument("assessment_id", type=int)
        parser.add_argument("--output", required=True, help="Where to write the PDF.")
        parser.add_argument("--kind", choices=ReportKind.values, help="Default: the assessment's main report.")
        parser.add_argument("--marking", default=None, help="Protective marking, e.g. OFFICIAL (default: setting).")
        parser.add_argument("--via-worker", action="store_true", help="Queue a job for a Celery worker and wait.")
        parser.add_argument("--timeout", type=float, default=120, help="Seconds to wait for a worker (default 120).")

    def handle(self, *args, assessment_id, output, kind, marking, via_worker, timeout, **options):
        assessment = Assessment.objects.select_related("department", "baseline", "framework").filter(pk=assessment_id)
        assessment = assessment.first()
        if assessment is None:
            raise CommandError(f"There is no assessment {assessment_id}.")
        kind = kind or ISSUED_KIND.get(assessment.assessment_type)
        if kind is None:
            raise CommandError("Say which report with --kind: this assessment has no main report.")
        try:
            job, reused = report_job_request(
                assessment=assessment, kind=kind, by=None, protective_marking=marking, enqueue=via_worker
            )
        except ServiceError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"Job {jobs.reference(job.pk)}: {job.get_kind_display()} for {assessment}")
        if reused and job.status == ReportJob.Status.DONE:
            self.stdout.write("Reusing the PDF already produced from the same data.")
        elif via_worker or reused:
            job = self._wait(job, timeout)
        else:
            job = self._run_here(job)
        self._copy(job, Path(output))
        self.stdout.write(self.style.SUCCESS(f"Wrote {output} ({Path(output).stat().st_size} bytes)"))

    def _run_here(self, job):
        try:
            jobs.job_execute(job.pk)
        except Exception as error:
            jobs.job_fail(job.pk, jobs.RENDER_FAILED)
            job.refresh_from_db()
            raise CommandError(f"{job.error_message} ({type(error).__name__}: {error})") from error
        job.refresh_from_db()
        return job

    def _wait(self, job, timeout):
        deadline = time.monotonic() + timeout
        shown = None
        while time.monotonic() < deadline:
            job.refresh_from_db()
            line = f"{job.progress:3d}% {job.stage_label}"
            if line != shown:
                self.stdout.write(line)
                shown = line
            if job.status == ReportJob.Status.DONE:
                return job
            if job.status == ReportJob.Status.FAILED:
                raise CommandError(job.error_message)
            time.sleep(0.3)
        raise CommandError(
            f"No PDF after {timeout:g} seconds: job {jobs.reference(job.pk)} is {job.get_status_display().lower()}. "
            "Is a worker running (make worker)?"
        )

    def _copy(self, job, output):
        output.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(job.pdf.name, "rb") as source:
            fd, temporary = tempfile.mkstemp(dir=output.parent, prefix=".render-report-", suffix=".pdf")
            with os.fdopen(fd, "wb") as target:
                shutil.copyfileobj(source, target)
        os.replace(temporary, output)
