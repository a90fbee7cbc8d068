from django.db import models

from .plan import Action


class ReminderLog(models.Model):
    """One reminder about one action for one reason on one day: the unique constraint makes reminders send once."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=20, help_text='"due_in_30", "due_in_7", "due_in_1" or "overdue".')
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "action"]
        constraints = [
            models.UniqueConstraint(fields=["action", "reason", "sent_on"], name="reminder_once_per_action_reason_day")
        ]

    def __str__(self):
        return f"{self.action} – {self.reason} – {self.sent_on}"
