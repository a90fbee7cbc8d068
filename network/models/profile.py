from django.db import models

DEFAULT_CHAIR = "The National Archives"


class NetworkProfile(models.Model):
    """The network's chair and contact: one row, edited in the admin site, so a change needs no deploy."""

    # Always 1: the unique constraint makes a second row impossible.
    singleton = models.PositiveSmallIntegerField(default=1, unique=True, editable=False)
    chair_organisation = models.CharField(max_length=200, default=DEFAULT_CHAIR)
    chair_name = models.CharField(max_length=150, blank=True, help_text="The person who chairs, if named.")
    chair_role = models.CharField(max_length=150, blank=True, help_text="For example Head of Information Management.")
    contact_email = models.EmailField(blank=True, help_text="Where members send items for the agenda.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "network profile"
        constraints = [models.CheckConstraint(condition=models.Q(singleton=1), name="network_profile_singleton")]

    def __str__(self):
        return "KIM Leaders' Network profile"

    @property
    def chair_label(self):
        person = ", ".join(part for part in (self.chair_name, self.chair_role) if part)
        return f"{person} ({self.chair_organisation})" if person else self.chair_organisation
