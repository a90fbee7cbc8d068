from django.db import models


class Priority(models.TextChoices):
    HIGH = "high", "High"
    MEDIUM = "medium", "Medium"
    LOW = "low", "Low"


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    UNDERWAY = "underway", "Underway"
    COMPLETE = "complete", "Complete"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Rag(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"


CLOSED_STATUSES = frozenset({ActionStatus.COMPLETE, ActionStatus.NOT_APPLICABLE})
