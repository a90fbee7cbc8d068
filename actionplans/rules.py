"""The one rule for an action's derived state, used by pages, exports, PDFs, reminders and dashboards.

- Overdue: the due date has passed (it is before today) and the action is not Complete or Not applicable.
- RAG:
  - Green: Complete or Not applicable, or on track (none of the below).
  - Amber: due within the next 30 days and still Not started; or overdue by fewer than 30 days.
  - Red: overdue by 30 days or more.
  (30 and 30: ACTION_RAG_WARNING_DAYS and ACTION_RAG_RED_AFTER_DAYS_OVERDUE, IMA Portal's own rule.)
An action with no due date is on track (Green) until it is given one.
"""

from datetime import date

from django.conf import settings

from .choices import CLOSED_STATUSES, ActionStatus, Rag


# TNA's published plans carry a status, not a RAG: the thresholds are this service's own rule, and settings.
def warning_days():
    return settings.ACTION_RAG_WARNING_DAYS


def red_after_days_overdue():
    return settings.ACTION_RAG_RED_AFTER_DAYS_OVERDUE


def days_overdue(*, due_date, status, today: date):
    """Days past the due date (0 when not overdue)."""
    if due_date is None or status in CLOSED_STATUSES or due_date >= today:
        return 0
    return (today - due_date).days


def is_overdue(*, due_date, status, today: date):
    return days_overdue(due_date=due_date, status=status, today=today) > 0


def rag_status(*, due_date, status, today: date):
    if status in CLOSED_STATUSES or due_date is None:
        return Rag.GREEN
    late = days_overdue(due_date=due_date, status=status, today=today)
    if late >= red_after_days_overdue():
        return Rag.RED
    if late > 0:
        return Rag.AMBER
    if (due_date - today).days <= warning_days() and status == ActionStatus.NOT_STARTED:
        return Rag.AMBER
    return Rag.GREEN
