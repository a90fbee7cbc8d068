"""A department's own KIM monitoring: its teams, the criteria it checks them against, rounds, answers, letters.

Everything here belongs to one department and is seen by its people only (accounts/access.py), and by TNA
only for a round the department shares.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class Team(models.Model):
    """A business unit. The director is kept as a name and address, so the team outlives people moving."""

    department = models.ForeignKey("accounts.Department", on_delete=models.CASCADE, related_name="monitoring_teams")
    name = models.CharField(max_length=200)
    directorate = models.CharField(max_length=200, blank=True)
    director_name = models.CharField(max_length=200, blank=True)
    director_email = models.EmailField(blank=True)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_teams",
        help_text="A person in the department who answers for the team.",
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["directorate", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["department", "name"], name="monitoring_team_unique_name")]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    """What a department checks its teams against; its wording lives in versions, never changed once used."""

    department = models.ForeignKey("accounts.Department", on_delete=models.CASCADE, related_name="monitoring_criteria")
    key = models.SlugField(max_length=60, help_text="The starter criterion it came from, or custom-<n>.")
    title = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["department", "key"], name="monitoring_criterion_unique_key")]

    def __str__(self):
        return self.title


class CriterionVersion(models.Model):
    """One wording of a criterion. Rounds answer a version, so scores of old rounds keep their question."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    question = models.TextField()
    evidence_guidance = models.TextField(help_text="What evidence counts.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["criterion", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "number"], name="monitoring_version_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="monitoring_version_number_positive"),
        ]

    def __str__(self):
        return f"{self.criterion.title} (version {self.number})"


class Round(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    department = models.ForeignKey("accounts.Department", on_delete=models.CASCADE, related_name="monitoring_rounds")
    name = models.CharField(max_length=120)
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    shared_with_tna = models.BooleanField(default=False)
    reminded_on = models.DateField(null=True, blank=True, help_text="When team contacts were last reminded.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="monitoring_round_unique_name"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="monitoring_round_dates"),
        ]

    def __str__(self):
        return self.name


def evidence_upload_path(instance, filename):
    # Never the person's file name: it cannot collide, traverse or reveal anything.
    return f"monitoring/evidence/{instance.round_id}/{uuid.uuid4().hex}"


class Answer(models.Model):
    """One team's answer to one criterion (the version current when the round opened) in one round.

    RESTRICT, not PROTECT: a team or wording with answers cannot be deleted on its own, but deleting the
    department (which cascades to its rounds, and so to the answers) still works.
    """

    class Choice(models.TextChoices):
        YES = "yes", "Yes"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    class Status(models.TextChoices):
        NOT_ANSWERED = "not_answered", "Not answered"
        SUBMITTED = "submitted", "Awaiting check"
        VERIFIED = "verified", "Verified"
        CHALLENGED = "challenged", "Challenged"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    team = models.ForeignKey(Team, on_delete=models.RESTRICT, related_name="answers")
    criterion_version = models.ForeignKey(CriterionVersion, on_delete=models.RESTRICT, related_name="answers")
    choice = models.CharField(max_length=10, choices=Choice.choices, blank=True)
    explanation = models.TextField(blank=True)
    evidence_link = models.URLField(max_length=500, blank=True)
    evidence_file = models.FileField(upload_to=evidence_upload_path, max_length=255, blank=True)
    evidence_filename = models.CharField(max_length=255, blank=True)
    evidence_content_type = models.CharField(max_length=120, blank=True)
    evidence_extension = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_ANSWERED)
    challenge_comment = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["round", "team", "criterion_version__criterion__position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "team", "criterion_version"], name="monitoring_answer_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(status="not_answered") | ~Q(choice=""), name="monitoring_answer_has_choice"
            ),
        ]

    def __str__(self):
        return f"{self.team} – {self.criterion_version.criterion.title}"


def letter_upload_path(instance, filename):
    return f"monitoring/letters/{instance.round_id}/{uuid.uuid4().hex}.pdf"


class DirectorLetter(models.Model):
    """A letter to one director about their teams, rendered to PDF by a worker from a frozen snapshot."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Being prepared"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="letters")
    director_name = models.CharField(max_length=200, blank=True)
    director_email = models.EmailField(blank=True)
    snapshot = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    pdf = models.FileField(upload_to=letter_upload_path, max_length=255, blank=True)
    error_message = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # For the sweeper (monitoring.letters.letters_sweep): when the broker took it, when a worker claimed it.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["director_name", "director_email", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "director_email"], name="monitoring_letter_one_per_director"),
            models.CheckConstraint(condition=~Q(status="done") | ~Q(pdf=""), name="monitoring_letter_done_has_pdf"),
        ]

    def __str__(self):
        return f"Letter to {self.director_name or 'the director'} ({self.round})"
