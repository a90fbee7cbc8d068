"""The KIM Leaders' Network's meetings: agenda, the record of items discussed, papers, attendance, actions."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from actionplans.choices import ActionStatus

DEFAULT_MEETING_TITLE = "KIM Leaders' Network meeting"


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        REARRANGED = "rearranged", "Rearranged"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    class Source(models.TextChoices):
        RECORDED = "recorded", "Recorded in this service"
        PUBLISHED_RECORD = "published_record", "The network's published record"
        DEMO = "demo", "Invented for the demo"

    # Still to happen: the next meeting is the earliest of these from today.
    UPCOMING_STATUSES = (Status.PLANNED, Status.REARRANGED)

    title = models.CharField(max_length=200, default=DEFAULT_MEETING_TITLE)
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True, help_text="Leave empty for an all-day entry.")
    end_time = models.TimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    original_date = models.DateField(
        null=True, blank=True, help_text="The date first planned, when the meeting was rearranged."
    )
    location = models.CharField(max_length=200, blank=True)
    # Where the row came from: the public page (public/) shows the published record; demo rows say they are invented.
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.RECORDED)
    other_attendees = models.TextField(
        blank=True, help_text="Guests and observers who are not a department's KIM lead, for example speakers."
    )
    # Calendar clients replace an event with the same UID only when SEQUENCE goes up (RFC 5545 3.8.7.4).
    sequence = models.PositiveIntegerField(default=0)
    # Optimistic concurrency (common.versions): the details and agenda page, and the attendance page, each
    # refuse a save based on an older version of what they edit.
    version = models.PositiveIntegerField(default=1)
    attendance_version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    attending_departments = models.ManyToManyField(
        "accounts.Department", through="Attendance", related_name="network_meetings", blank=True
    )

    history = HistoricalRecords(excluded_fields=["sequence"])

    class Meta:
        ordering = ["-date", "-start_time", "-pk"]
        indexes = [models.Index(fields=["status", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rearranged") | Q(original_date__isnull=False),
                name="meeting_rearranged_has_original_date",
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="meeting_end_time_needs_start_time",
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.date:%-d %B %Y}"

    @property
    def agenda_text(self):
        """The agenda as its form shows it: one item per line."""
        return "\n".join(item.title for item in self.agenda_items.all())

    @property
    def is_upcoming_status(self):
        return self.status in self.UPCOMING_STATUSES

    @property
    def is_in_future(self):
        """Attendance is recorded only on or after the day of the meeting."""
        return self.date > timezone.localdate()

    @property
    def was_rearranged(self):
        return self.original_date is not None and self.original_date != self.date


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique")]

    def __str__(self):
        return self.title


class DiscussionItem(models.Model):
    """One entry of the meeting's record of "Items discussed"."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="discussion_items")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic concurrency (common.versions)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "order"], name="discussion_item_order_unique")]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """A department was represented at a meeting (a row exists only for departments that attended)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    department = models.ForeignKey("accounts.Department", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["department__name"]
        verbose_name_plural = "attendance"
        constraints = [models.UniqueConstraint(fields=["meeting", "department"], name="attendance_once_per_meeting")]

    def __str__(self):
        return f"{self.department} at {self.meeting}"


def paper_upload_path(instance, filename):
    # The stored name is never the user's: it cannot collide, traverse or reveal anything.
    return f"network/papers/{instance.meeting_id}/{uuid.uuid4().hex}"


class MeetingPaper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=paper_upload_path, max_length=255)
    original_filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    extension = models.CharField(max_length=10, help_text="Detected from the file's contents.")
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title


class MeetingAction(models.Model):
    """An action arising from a meeting; overdue and RAG come from actionplans.rules."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="A person, a role or a department.")
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="network_actions"
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    version = models.PositiveIntegerField(default=1)  # optimistic concurrency (common.versions)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return self.description[:80]
