"""An assessment of one department against one framework version, and what it is made of."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.dateformat import format as date_format
from simple_history.models import HistoricalRecords

from accounts.models import Department

from .framework import FrameworkVersion, PerformanceArea, RatingLevel, Theme


class Assessment(models.Model):
    class Type(models.TextChoices):
        IMA = "ima", "Information Management Assessment"
        PROGRESS_REVIEW = "progress_review", "Progress review"
        REASSESSMENT = "reassessment", "Reassessment"
        SELF_ASSESSMENT = "self_assessment", "Self-assessment"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        IN_REVIEW = "in_review", "In review"
        RETURNED = "returned", "Returned"
        FACTUAL_CHECK = "factual_check", "Shared for factual accuracy check"
        PUBLISHED = "published", "Published"

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"

    # Types that are measured against an earlier IMA or reassessment.
    TYPES_WITH_BASELINE = (Type.PROGRESS_REVIEW, Type.REASSESSMENT)
    # Types that can serve as a baseline.
    BASELINE_TYPES = (Type.IMA, Type.REASSESSMENT)
    # Written by TNA's assessors (the department's self-assessment is an optional input, never a precondition).
    TNA_LED_TYPES = (Type.IMA, Type.PROGRESS_REVIEW, Type.REASSESSMENT)
    # Full reports with key findings and a statement of commitment.
    FULL_REPORT_TYPES = (Type.IMA, Type.REASSESSMENT)

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="assessments")
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="assessments")
    assessment_type = models.CharField("type", max_length=20, choices=Type.choices)
    year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    baseline = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text="The earlier IMA or reassessment this one is measured against.",
    )
    interviews_from = models.DateField("fieldwork from", null=True, blank=True)
    interviews_to = models.DateField("fieldwork to", null=True, blank=True)
    fieldwork_place = models.CharField("where the fieldwork took place", max_length=200, blank=True)
    assessed_on = models.DateField(
        null=True,
        blank=True,
        help_text='The month of the assessment, stored as its first day (the cover\'s "Assessed: <month year>").',
    )
    published_on = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="An imported report may know only the month it was published in.",
    )
    team = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="assessment_teams", help_text="TNA's assessment team."
    )
    self_assessment = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="informs",
        help_text="The department's self-assessment the assessors used, if any: its ratings are shown beside theirs.",
    )
    return_comment = models.TextField(blank=True, help_text="The assessor's overall comment when returning it.")
    background_text = models.TextField(
        blank=True, help_text="The report's Background; when empty, the text generated from the dates is printed."
    )
    key_findings = models.TextField(blank=True, help_text="Key findings (executive summary) of an IMA report.")
    next_steps_text = models.TextField(blank=True, help_text="Lead paragraph of the report's Next steps.")
    commitment_text = models.TextField("statement of commitment", blank=True)
    commitment_signed_by = models.CharField(
        "signed by", max_length=200, blank=True, help_text="For example, Permanent Secretary."
    )
    commitment_signed_on = models.DateField("date signed", null=True, blank=True)
    share_good_practice = models.BooleanField(
        default=False, help_text="The department agrees that its good practice may be shared with the network."
    )
    # Optimistic concurrency (common.versions), one version per page that several people write: TNA's report
    # details, each of its texts, the statement of commitment, and the department's consent to share. A save
    # based on an older version of its part is refused; two assessors writing different parts do not collide.
    details_version = models.PositiveIntegerField(default=1)
    background_version = models.PositiveIntegerField(default=1)
    key_findings_version = models.PositiveIntegerField(default=1)
    next_steps_text_version = models.PositiveIntegerField(default=1)
    commitment_version = models.PositiveIntegerField(default=1)
    share_good_practice_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["department__name", "-year", "-created_at"]
        indexes = [
            models.Index(fields=["department", "status", "year"]),
            models.Index(fields=["status", "assessment_type"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(assessment_type__in=["progress_review", "reassessment"]),
                name="assessment_baseline_only_for_reviews",
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="assessment_year_plausible"),
            models.CheckConstraint(
                condition=Q(interviews_from__isnull=True)
                | Q(interviews_to__isnull=True)
                | Q(interviews_to__gte=models.F("interviews_from")),
                name="assessment_interview_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(self_assessment__isnull=True)
                | Q(assessment_type__in=["ima", "progress_review", "reassessment"]),
                name="assessment_self_assessment_only_for_tna_led",
            ),
        ]

    def __str__(self):
        return f"{self.department.short_name} {self.get_assessment_type_display()} {self.year}"

    @property
    def is_tna_led(self):
        return self.assessment_type in self.TNA_LED_TYPES

    @property
    def shows_department_ratings(self):
        """The department's own ratings: always in its self-assessment; in TNA's report only when it used one."""
        return not self.is_tna_led or self.self_assessment_id is not None

    @property
    def assessed_month_label(self):
        """As the report's cover says it: September 2015."""
        return date_format(self.assessed_on, "F Y") if self.assessed_on else ""

    @property
    def short_label(self):
        """How pages name it: "IMA 2013", "Progress review 2015", "Reassessment 2019", "Self-assessment 2025"."""
        words = {
            self.Type.IMA: "IMA",
            self.Type.PROGRESS_REVIEW: "Progress review",
            self.Type.REASSESSMENT: "Reassessment",
            self.Type.SELF_ASSESSMENT: "Self-assessment",
        }
        return f"{words[self.assessment_type]} {self.year}"

    @property
    def column_label(self):
        """As published reports head a column of ratings: "IMA 2013", "Review 2015" (the PDF's wording)."""
        if self.assessment_type == self.Type.PROGRESS_REVIEW:
            return f"Review {self.year}"
        return self.short_label


class AreaRating(models.Model):
    """One performance area of one assessment: the department's view, and the assessor's."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    area = models.ForeignKey(PerformanceArea, on_delete=models.PROTECT, related_name="ratings")
    self_rating = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    narrative = models.TextField(blank=True)
    is_complete = models.BooleanField(default=False, help_text="The department marked this area as done.")
    assessor_rating = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    assessor_commentary = models.TextField(blank=True)
    return_comment = models.TextField(blank=True, help_text="What the assessor asks the department to change.")
    baseline_rating = models.ForeignKey(
        RatingLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The baseline's published rating, copied for side-by-side display.",
    )
    # Optimistic concurrency: every save increments it; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["area__theme__number", "area__number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "area"], name="rating_one_per_area")]

    def __str__(self):
        return f"{self.assessment} – {self.area}"

    @property
    def gap(self):
        """Assessor's level minus the department's, in levels (None until both exist)."""
        if self.self_rating is None or self.assessor_rating is None:
            return None
        return self.assessor_rating.position - self.self_rating.position


class ThemeSummary(models.Model):
    """Assessor-written narrative per theme, used by the progress-review report."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="theme_summaries")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+")
    situation_at_time = models.TextField("situation at the time of the IMA", blank=True)
    progress_narrative = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["theme__number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "theme"], name="theme_summary_one_per_theme")]

    def __str__(self):
        return f"{self.assessment} – {self.theme}"


def evidence_upload_path(instance, filename):
    # The stored name is not the user's: it cannot collide, traverse or reveal anything.
    import uuid

    return f"evidence/{instance.rating.assessment_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    class Kind(models.TextChoices):
        FILE = "file", "File"
        LINK = "link", "Link"

    rating = models.ForeignKey(AreaRating, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=evidence_upload_path, blank=True, max_length=255)
    original_filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    url = models.URLField(max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="file") & ~Q(file="")) | (Q(kind="link") & ~Q(url="")),
                name="evidence_has_file_or_link",
            )
        ]

    def __str__(self):
        return self.title
