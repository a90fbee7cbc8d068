import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
    soft_time_limit=30,
    time_limit=60,
)
def send_email(self, *, to, subject, body):
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, ignore_result=True)
def send_pending_emails():
    """Beat's resend of the emails the broker did not take when their change was saved."""
    # services imports this module for send_email: imported here, when the task runs, to avoid the cycle.
    from .services import pending_emails_send

    sent = pending_emails_send()
    if sent:
        logging.getLogger(__name__).info("Sent %s kept emails to the broker", sent)
    return sent
