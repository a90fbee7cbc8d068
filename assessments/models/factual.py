"""The department's check of a draft report for factual accuracy, before TNA publishes it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .assessment import Assessment


class FactualComment(models.Model):
    """A KIM lead's comment on one section of a shared draft, and the assessor's resolution of it."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factual_comments")
    section = models.CharField(max_length=40, help_text="Key of the report section (assessments.report_sections).")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    response = models.TextField(blank=True, help_text="What the assessor did about it.")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True) | ~Q(response=""), name="factual_comment_resolution_has_response"
            )
        ]

    def __str__(self):
        return f"{self.assessment} – {self.section}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None
