"""Requesting and issuing reports. The rendering itself happens in a worker (reports/jobs.py)."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max

from accounts import access
from assessments.models import Assessment
from common.errors import NotAllowed, ServiceError

from . import jobs
from .models import IssuedReport, ReportJob, ReportKind
from .rendering import template_version
from .rules import ISSUED_KIND, kinds_for
from .selectors import visible_assessments
from .snapshot import snapshot_build, snapshot_sha256

KIND_NOT_AVAILABLE = "A {kind} is not available for a {type}."
MARKING_NOT_ALLOWED = "Choose a protective marking from the list, or none."
NOT_VISIBLE = "You cannot request reports for this assessment."
ISSUE_ONLY_ASSESSORS = "Only assessors from The National Archives can issue a report."
ISSUE_ONLY_PUBLISHED = "Publish the assessment before issuing its report."
ISSUE_KIND_NOT_ISSUABLE = "Only the main report of an assessment is issued: a {kind} is not."
REISSUE_NEEDS_REASON = "Enter why a new version is issued, for example the correction it makes"


def marking_choices():
    return ["", *settings.REPORTS_PROTECTIVE_MARKINGS]


def _check_kind(assessment, kind):
    if kind not in kinds_for(assessment):
        raise ServiceError(
            KIND_NOT_AVAILABLE.format(
                kind=ReportKind(kind).label.lower() if kind in ReportKind.values else "report",
                type=assessment.get_assessment_type_display().lower(),
            ),
            field="kind",
        )


def _job(*, assessment, kind, by, snapshot, issued=None):
    version = template_version()
    return ReportJob.objects.create(
        kind=kind,
        assessment=assessment,
        requested_by=by,
        snapshot=snapshot,
        input_sha256=snapshot_sha256(snapshot, version),
        template_version=version,
        issued_report=issued,
        version=issued.version if issued else None,
    )


def _reusable(assessment, kind, input_sha256):
    """An earlier working copy of exactly this input: done (with its file still there) or still on its way."""
    candidates = ReportJob.objects.filter(
        assessment=assessment,
        kind=kind,
        input_sha256=input_sha256,
        template_version=template_version(),
        issued_report__isnull=True,
    ).exclude(status=ReportJob.Status.FAILED)
    for job in candidates.order_by("-created_at", "-pk")[:5]:
        if job.status != ReportJob.Status.DONE or default_storage.exists(job.pdf.name):
            return job
    return None


@transaction.atomic
def report_job_request(*, assessment, kind, by, protective_marking=None, enqueue=True):
    """A working copy of a report, as `by` may see it. Returns (job, reused).

    The same input (snapshot and template version) hands back the job that already has it, done or
    on its way, so nothing is rendered twice. `by=None` is the command line, which sees everything;
    `enqueue=False` leaves the job for the caller to run in-process (`render_report` without --via-worker).
    """
    if by is not None and not visible_assessments(by).filter(pk=assessment.pk).exists():
        raise ServiceError(NOT_VISIBLE)  # the views answer 404 before this (reports.selectors)
    _check_kind(assessment, kind)
    marking = settings.REPORTS_PROTECTIVE_MARKING if protective_marking is None else protective_marking
    if marking not in marking_choices():
        raise ServiceError(MARKING_NOT_ALLOWED, field="protective_marking")
    snapshot = snapshot_build(assessment=assessment, kind=kind, user=by, protective_marking=marking)
    existing = _reusable(assessment, kind, snapshot_sha256(snapshot, template_version()))
    if existing is not None:
        return existing, True
    job = _job(assessment=assessment, kind=kind, by=by, snapshot=snapshot)
    if enqueue:
        transaction.on_commit(lambda: jobs.job_enqueue(job.pk))
    return job, False


@transaction.atomic
def report_issue_on_publish(*, assessment, by, **_signal):
    """Publishing an IMA, reassessment or progress review issues its report as version 1.

    Connected to assessments.signals.assessment_published in ReportsConfig.ready().
    """
    if assessment.assessment_type in ISSUED_KIND:
        return report_issue(assessment=assessment, by=by)
    return None


@transaction.atomic  # the Re-issue view calls it directly: select_for_update needs a transaction (PostgreSQL)
def report_issue(*, assessment, kind=None, by, reason="", protective_marking=None):
    """Freeze the report as it stands into the next issued version and have a worker produce its PDF.

    Called by the publish service (version 1) and by an assessor's "Re-issue" (version 2, 3…).
    Later edits to the assessment never change an issued version: it renders from its own snapshot.
    """
    if not access.is_assessor(by):
        raise NotAllowed(ISSUE_ONLY_ASSESSORS)
    assessment = (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("department", "baseline")
        .get(pk=assessment.pk)
    )
    if assessment.status != Assessment.Status.PUBLISHED:
        raise ServiceError(ISSUE_ONLY_PUBLISHED)
    kind = kind or ISSUED_KIND.get(assessment.assessment_type)
    if kind is None or ISSUED_KIND.get(assessment.assessment_type) != kind:
        raise ServiceError(ISSUE_KIND_NOT_ISSUABLE.format(kind=ReportKind(kind).label.lower() if kind else "report"))
    latest = IssuedReport.objects.filter(assessment=assessment, kind=kind).aggregate(latest=Max("version"))["latest"]
    version = (latest or 0) + 1
    reason = (reason or "").strip()
    if version > 1 and not reason:
        raise ServiceError(REISSUE_NEEDS_REASON, field="reason")
    if protective_marking is None:
        protective_marking = settings.REPORTS_PROTECTIVE_MARKING
    if protective_marking not in marking_choices():
        raise ServiceError(MARKING_NOT_ALLOWED, field="protective_marking")
    snapshot = snapshot_build(
        assessment=assessment,
        kind=kind,
        protective_marking=protective_marking,
        issue_version=version,
    )
    issued = IssuedReport.objects.create(
        assessment=assessment,
        kind=kind,
        version=version,
        snapshot=snapshot,
        input_sha256=snapshot_sha256(snapshot, template_version()),
        template_version=template_version(),
        issued_by=by,
        reason=reason,
    )
    job = _job(assessment=assessment, kind=kind, by=by, snapshot=snapshot, issued=issued)
    transaction.on_commit(lambda: jobs.job_enqueue(job.pk))
    return issued


RETRY_NOT_FAILED = "Only a report that failed can be tried again."


@transaction.atomic
def report_job_retry(*, job, by):
    """Try a failed job again from its own snapshot (an issued version must keep the data it was issued with)."""
    retried = ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.FAILED).update(
        status=ReportJob.Status.QUEUED,
        progress=0,
        attempts=0,
        error_message="",
        enqueued_at=None,
        started_at=None,
        heartbeat_at=None,
        finished_at=None,
    )
    if not retried:
        raise ServiceError(RETRY_NOT_FAILED)
    transaction.on_commit(lambda: jobs.job_enqueue(job.pk))
    job.refresh_from_db()
    return job
