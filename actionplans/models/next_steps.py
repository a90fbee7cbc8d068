"""The Next steps of a progress review (or IMA report): written by the assessor for that report."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .recommendation import Recommendation


class NextStep(models.Model):
    """One item of the report's bulleted list of what the department should focus on.

    Written for the report (offered a starting list from open recommendations), optionally linked to the
    recommendation it follows up, and frozen with the report when the assessment is published.
    """

    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.CASCADE, related_name="next_steps")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.SET_NULL, null=True, blank=True, related_name="next_steps"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic concurrency (common.versions): a save based on an older version is refused, not overwriting.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "position", "pk"]
        constraints = [models.CheckConstraint(condition=Q(position__gte=1), name="next_step_position_positive")]

    def __str__(self):
        return f"{self.assessment_id} next step {self.position}"

    @property
    def follows_up(self):
        """The linked recommendation's full label, unless the text already starts with it."""
        if self.recommendation is None:
            return ""
        label = self.recommendation.full_label
        return "" if self.text.startswith(label) else label
