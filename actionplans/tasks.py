from datetime import date

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from .services.reminders import reminders_send


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
    soft_time_limit=300,
    time_limit=360,
)
def send_action_reminders(today=None):
    """Daily (CELERY_BEAT_SCHEDULE). Idempotent: a redelivered or repeated run sends nothing twice."""
    run = reminders_send(today=date.fromisoformat(today) if today else timezone.localdate())
    return {"today": run.today.isoformat(), "actions": run.actions, "emails": run.emails}
