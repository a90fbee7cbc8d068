"""Celery tasks: a director's letter (by id) and the daily reminders before rounds close."""

import logging

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from common.broker import retry_countdown

from . import letters
from .services.reminders import reminders_send

logger = logging.getLogger(__name__)
MAX_RETRIES = 3


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=settings.REPORTS_SOFT_TIME_LIMIT,
    time_limit=settings.REPORTS_TIME_LIMIT,
)
def render_director_letter(self, letter_id):
    try:
        letters.letter_execute(letter_id)
    except (OperationalError, OSError) as exc:
        if self.request.retries >= MAX_RETRIES:
            letters.letter_fail(letter_id)
            return
        letters.DirectorLetter.objects.filter(pk=letter_id, status=letters.Status.RUNNING).update(
            status=letters.Status.QUEUED
        )
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    except Exception:
        logger.exception("Director letter %s failed", letter_id)
        letters.letter_fail(letter_id)


@shared_task(acks_late=True, soft_time_limit=120, time_limit=150, ignore_result=True)
def send_round_reminders():
    run = reminders_send(today=timezone.localdate())
    return {"rounds": run.rounds, "emails": run.emails}


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, ignore_result=True)
def sweep_director_letters():
    result = letters.letters_sweep()
    if result["requeued"] or result["resent"]:
        logger.info("Director letter sweeper: %s", result)
    return result
