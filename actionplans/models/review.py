from django.conf import settings
from django.db import models
from django.db.models import Q

from actionplans.choices import ReviewDecision

from .plan import Action, ActionPlan


class PlanReview(models.Model):
    """An assessor's decision on a submitted plan, with the plan exactly as it was decided."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    comment = models.TextField(blank=True, help_text="The overall comment.")
    snapshot = models.JSONField(help_text="The plan as decided: recommendations and their actions.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(condition=Q(decision__in=ReviewDecision.values), name="review_decision_valid"),
            models.CheckConstraint(
                condition=~Q(decision="returned") | ~Q(comment=""), name="review_return_has_comment"
            ),
        ]

    def __str__(self):
        return f"{self.get_decision_display()} – {self.plan}"


class ActionComment(models.Model):
    """An assessor's comment on one action, given with a review."""

    review = models.ForeignKey(PlanReview, on_delete=models.CASCADE, related_name="action_comments")
    # The action may later be deleted; the label keeps the comment readable.
    action = models.ForeignKey(Action, on_delete=models.SET_NULL, null=True, related_name="review_comments")
    action_label = models.CharField(max_length=12)
    comment = models.TextField()

    class Meta:
        ordering = ["review", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "action"], name="action_comment_one_per_review"),
            models.CheckConstraint(condition=~Q(comment=""), name="action_comment_not_blank"),
        ]

    def __str__(self):
        return f"{self.action_label}: {self.comment[:60]}"
