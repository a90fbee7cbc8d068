"""The one rule for an action's derived state, used by pages, exports, PDFs, reminders and dashboards.

- Overdue: the due date has passed (it is before today) and the action is not Complete or Not applicable.
- RAG:
  - Green: Complete or Not applicable, or on track (none of the below).
  - Amber: due within the next 30 days and still Not started; or overdue by fewer than 30 days.
  - Red: overdue by 30 days or more.
An action with no due date is on track (Green) until it is given one.
"""

from datetime import date

from .choices import CLOSED_STATUSES, ActionStatus, Rag

WARNING_DAYS = 30
RED_AFTER_DAYS_OVERDUE = 30


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
    if late >= RED_AFTER_DAYS_OVERDUE:
        return Rag.RED
    if late > 0:
        return Rag.AMBER
    if (due_date - today).days <= WARNING_DAYS and status == ActionStatus.NOT_STARTED:
        return Rag.AMBER
    return Rag.GREEN
