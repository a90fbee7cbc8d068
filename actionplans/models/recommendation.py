from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from actionplans.choices import Priority, RecommendationStatus
from actionplans.labels import recommendation_label


class Recommendation(models.Model):
    """What TNA asks a department to do, written by an assessor while moderating an assessment."""

    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.CASCADE, related_name="recommendations")
    theme = models.ForeignKey("assessments.Theme", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    area = models.ForeignKey(
        "assessments.PerformanceArea", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.PositiveSmallIntegerField(help_text="R1, R2… within the assessment.")
    text = models.TextField()
    priority = models.CharField(max_length=10, choices=Priority.choices)
    status = models.CharField(max_length=10, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic concurrency (common.versions): a save based on an older version is refused, not overwriting.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "number"]
        indexes = [models.Index(fields=["status", "assessment"])]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="recommendation_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="recommendation_number_positive"),
            models.CheckConstraint(condition=Q(priority__in=Priority.values), name="recommendation_priority_valid"),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True) | Q(status="closed", closed_at__isnull=False),
                name="recommendation_closed_at_iff_closed",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.text[:60]}"

    @property
    def label(self):
        return recommendation_label(self.number)

    @property
    def full_label(self):
        """The label that never collides on a page listing several reports' recommendations: "IMA 2013 R3"."""
        return f"{self.assessment.column_label} {self.label}"

    @property
    def is_open(self):
        return self.status == RecommendationStatus.OPEN
