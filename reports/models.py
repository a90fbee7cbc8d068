"""Report jobs (one PDF render each) and issued reports (frozen versions handed to a department)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class ReportKind(models.TextChoices):
    PROGRESS_REVIEW = "progress_review", "Progress review"
    IMA_REPORT = "ima_report", "IMA report"
    ACTION_PLAN = "action_plan", "Action plan"


class ReportJob(models.Model):
    """One request to turn an input snapshot into a PDF, run by a Celery worker.

    The snapshot is taken when the job is requested; the worker renders only from it, so what
    the PDF shows is what the data said at that moment.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being produced"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.CASCADE, related_name="report_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent, 0 to 100.")
    error_message = models.TextField(blank=True, help_text="What went wrong, in words a person can act on.")

    snapshot = models.JSONField(help_text="All data the report shows, as it was when requested.")
    input_sha256 = models.CharField(max_length=64, help_text="Of the canonical snapshot plus the template version.")
    template_version = models.CharField(max_length=20)
    issued_report = models.ForeignKey(
        "IssuedReport", on_delete=models.PROTECT, null=True, blank=True, related_name="jobs"
    )
    version = models.PositiveIntegerField(
        null=True, blank=True, help_text="The issued version this job produces; empty for a working copy."
    )

    # Never served from a public URL: only the download view (which checks access) reads it.
    pdf = models.FileField(max_length=255, blank=True)
    content_sha256 = models.CharField(max_length=64, blank=True)

    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(
        null=True, blank=True, help_text="When the message last reached the broker; empty if it never did."
    )
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["assessment", "kind", "input_sha256"]),
            models.Index(fields=["status", "heartbeat_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_job_progress_max_100"),
            models.CheckConstraint(condition=~Q(status="done") | ~Q(pdf=""), name="report_job_done_has_pdf"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.assessment_id} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def stage_label(self):
        if self.status == self.Status.DONE:
            return "Ready to download"
        if self.status == self.Status.FAILED:
            return "Failed"
        if self.status == self.Status.QUEUED:
            return "Waiting for the report service"
        if self.progress < 40:
            return "Collecting the assessment data"
        if self.progress < 80:
            return "Laying out the pages"
        return "Writing the PDF"


class IssuedReport(models.Model):
    """A report as issued to the department: its snapshot and PDF never change after issue."""

    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.PROTECT, related_name="issued_reports")
    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    input_sha256 = models.CharField(max_length=64)
    template_version = models.CharField(max_length=20)
    pdf = models.FileField(max_length=255, blank=True, help_text="Empty until the worker has produced it.")
    sha256 = models.CharField(max_length=64, blank=True, help_text="Of the PDF file.")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True, help_text="Why a version after the first was issued (a correction).")

    class Meta:
        ordering = ["assessment", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind", "version"], name="issued_report_version_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="issued_report_version_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} version {self.version} for {self.assessment_id}"

    @property
    def is_ready(self):
        return bool(self.pdf)


class PublicRelease(models.Model):
    """An issued report an assessor has released for the public site (`public/`), with the department's consent.

    What the public pages show is the issued version's frozen snapshot (and its PDF), less the withheld
    sections; the action plan published with it is frozen here at release. A release shows from
    `released_on`; a withdrawn release shows only its withdrawal notice, which stays.
    """

    assessment = models.OneToOneField("assessments.Assessment", on_delete=models.PROTECT, related_name="public_release")
    issued_report = models.ForeignKey(IssuedReport, on_delete=models.PROTECT, related_name="public_releases")
    released_on = models.DateField(help_text="The date it appears on the public site.")
    consent_given_by = models.CharField(max_length=200, help_text="Who agreed for the department.")
    consent_given_on = models.DateField()
    consent_how = models.CharField(max_length=300, help_text="How consent was given, for example an email.")
    withheld_sections = models.JSONField(default=list, blank=True, help_text="Keys of the sections not shown.")
    action_plan_snapshot = models.JSONField(
        null=True, blank=True, help_text="The action plan published with the report, frozen at release."
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_notice = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-released_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawal_notice=""),
                name="public_release_withdrawal_has_notice",
            )
        ]

    def __str__(self):
        return f"Public release of {self.issued_report}"

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None
