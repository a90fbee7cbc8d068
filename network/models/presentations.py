"""Presentations about the network given elsewhere in government (part of its published record)."""

from django.db import models


class NetworkPresentation(models.Model):
    """A presentation, dated by its month when the record gives only the month (`given_in` is its first day)."""

    given_in = models.DateField(help_text="The first day of the month it was given.")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=20, default="published_record")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_in", "pk"]
        constraints = [models.UniqueConstraint(fields=["given_in", "title"], name="network_presentation_unique")]

    def __str__(self):
        return f"{self.title} ({self.given_in:%B %Y})"
