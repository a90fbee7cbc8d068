"""Good practice found in assessments, shared with the network once an assessor approves an excerpt."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class GoodPracticeExcerpt(models.Model):
    """What the library shows for one area rating: an assessor-written excerpt, hidden until approved."""

    rating = models.OneToOneField(
        "assessments.AreaRating", on_delete=models.CASCADE, related_name="good_practice_excerpt"
    )
    excerpt = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Optimistic concurrency (common.versions); a page opened before the first excerpt was written sends 0.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_at__isnull=True) | models.Q(approved_by__isnull=False),
                name="excerpt_approval_has_approver",
            )
        ]

    def __str__(self):
        return f"Good practice: {self.rating}"

    @property
    def is_approved(self):
        return self.approved_at is not None
