from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.dateformat import format as date_format
from simple_history.models import HistoricalRecords

from actionplans.choices import ActionStatus, PlanStatus, Priority
from actionplans.labels import action_label


class ActionPlan(models.Model):
    """The department's answer to an assessment's recommendations; one per assessment."""

    assessment = models.OneToOneField("assessments.Assessment", on_delete=models.CASCADE, related_name="action_plan")
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    # Set when the department edits a plan that TNA had accepted; cleared when TNA accepts it again.
    changed_since_accepted = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True, help_text="When TNA last accepted the plan.")
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_comment = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment__department__name", "-assessment__year"]
        indexes = [models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=PlanStatus.values), name="plan_status_valid"),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False), name="plan_closed_has_closed_at"
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(accepted_at__isnull=False, changed_since_accepted=False),
                name="plan_accepted_is_unchanged",
            ),
            models.CheckConstraint(
                condition=Q(changed_since_accepted=False) | Q(accepted_at__isnull=False),
                name="plan_changed_only_after_acceptance",
            ),
        ]

    def __str__(self):
        return f"Action plan for {self.assessment}"

    @property
    def department(self):
        return self.assessment.department

    @property
    def has_been_accepted(self):
        return self.accepted_at is not None

    @property
    def tracks_progress(self):
        """Progress is recorded against a plan TNA has accepted (even while it is being changed) until closed."""
        return self.accepted_at is not None and self.status != PlanStatus.CLOSED


class Action(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    recommendation = models.ForeignKey("actionplans.Recommendation", on_delete=models.PROTECT, related_name="actions")
    sequence = models.PositiveSmallIntegerField(help_text="1 → A, 2 → B… within the recommendation.")
    description = models.TextField()
    owner_text = models.CharField(
        "owner", max_length=200, help_text="A named person or a role, such as Departmental Records Officer."
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        help_text="A member of the department, who then sees the action under My actions.",
    )
    priority = models.CharField(max_length=10, choices=Priority.choices)
    due_date = models.DateField("due for completion")
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    completion_date = models.DateField(null=True, blank=True)
    # Optimistic concurrency: a save based on an older version is refused rather than overwriting.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation__number", "sequence"]
        indexes = [models.Index(fields=["due_date", "status"]), models.Index(fields=["owner_user", "status"])]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "sequence"], name="action_sequence_unique"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="action_sequence_positive"),
            models.CheckConstraint(condition=Q(priority__in=Priority.values), name="action_priority_valid"),
            models.CheckConstraint(condition=Q(status__in=ActionStatus.values), name="action_status_valid"),
            models.CheckConstraint(
                condition=Q(status="complete", completion_date__isnull=False)
                | (~Q(status="complete") & Q(completion_date__isnull=True)),
                name="action_completion_date_iff_complete",
            ),
            models.CheckConstraint(condition=~Q(owner_text=""), name="action_has_owner"),
        ]

    def __str__(self):
        return f"{self.label}: {self.description[:60]}"

    @property
    def label(self):
        return action_label(self.recommendation.number, self.sequence)

    @property
    def owner_display(self):
        """As the Owner column shows it: the role or name typed, and the linked person when different."""
        if self.owner_user_id and self.owner_user.full_name and self.owner_user.full_name != self.owner_text:
            return f"{self.owner_text} ({self.owner_user.full_name})"
        return self.owner_text

    @property
    def priority_label(self):
        return Priority(self.priority).label if self.priority else ""

    @property
    def due_date_label(self):
        """As the pages show it, e.g. 31 March 2027."""
        return date_format(self.due_date, "j F Y") if self.due_date else ""


class ProgressUpdate(models.Model):
    """A dated note against an action (the published "Additional commentary"), maybe changing its status."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    commentary = models.TextField()
    status_from = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    status_to = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    corrected_at = models.DateTimeField(null=True, blank=True, help_text="When its text or date was last corrected.")

    # What it said before a correction (actionplans.services.progress.progress_update_correct).
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status_from="", status_to="") | (~Q(status_from="") & ~Q(status_to="")),
                name="progress_status_change_has_both_ends",
            ),
        ]

    def __str__(self):
        return f"{self.action} – {self.date}"

    @property
    def changes_status(self):
        return bool(self.status_to)
