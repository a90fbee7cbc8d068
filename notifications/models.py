from django.db import models


class PendingEmail(models.Model):
    """An email the broker did not take when its change was saved (down or hanging), kept to be sent again.

    Rendered already: the worker that sends it later sends these words, not a re-render of later data.
    `claimed_at` marks a row a resend is handling, so two resends at once do not send it twice.
    """

    to = models.EmailField()
    subject = models.TextField()
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.subject} → {self.to}"
