"""Data the dashboards own: how performance areas of one framework version carry on in another."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

SAME_FRAMEWORK = "Choose areas from two different framework versions: a mapping links a revision to its predecessor."


class AreaMapping(models.Model):
    """`from_area` (an earlier framework version) continues as `to_area` (a later one).

    Trends and comparisons cross a framework revision only along these rows; an area with no
    mapping is shown as "not comparable" rather than joined to something unlike it.
    """

    from_area = models.ForeignKey(
        "assessments.PerformanceArea",
        on_delete=models.CASCADE,
        related_name="mappings_out",
        help_text="The area in the earlier framework version.",
    )
    to_area = models.ForeignKey(
        "assessments.PerformanceArea",
        on_delete=models.CASCADE,
        related_name="mappings_in",
        help_text="The area in the later framework version that continues it.",
    )
    note = models.CharField(max_length=300, blank=True, help_text="Why these areas are comparable (optional).")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["from_area__theme__framework", "from_area__theme__number", "from_area__number", "to_area"]
        constraints = [
            models.UniqueConstraint(fields=["from_area", "to_area"], name="area_mapping_unique"),
            models.CheckConstraint(condition=~Q(from_area=F("to_area")), name="area_mapping_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.from_area} → {self.to_area}"

    def clean(self):
        same = (
            self.from_area_id
            and self.to_area_id
            and self.from_area.theme.framework_id == self.to_area.theme.framework_id
        )
        if same:
            raise ValidationError(SAME_FRAMEWORK)
