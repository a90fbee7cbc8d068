"""Rendering a director's letter in the worker: snapshot → HTML → tagged PDF, with the reports app's pipeline.

The same WeasyPrint layout, URL fetcher (report assets only) and PDF/UA writer as the reports; claimed by a
conditional UPDATE so a redelivered message renders it once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from common.broker import task_publish
from reports.rendering import layout, write_pdf

from .models import DirectorLetter

logger = logging.getLogger(__name__)
Status = DirectorLetter.Status

RENDER_FAILED = "The letter could not be produced. Prepare the letters again; if it fails again, tell the support team."


def letter_html(snapshot):
    return render_to_string("monitoring/pdf/letter.html", {"snapshot": snapshot})


def letter_execute(letter_id):
    claimed = DirectorLetter.objects.filter(pk=letter_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None
    letter = DirectorLetter.objects.get(pk=letter_id)
    data = write_pdf(layout(letter_html(letter.snapshot)))
    letter.pdf.save("letter.pdf", ContentFile(data), save=False)
    DirectorLetter.objects.filter(pk=letter_id, status=Status.RUNNING).update(
        status=Status.DONE, pdf=letter.pdf.name, finished_at=timezone.now()
    )
    return letter


def letter_enqueue(letter_id):
    """Hand the letter to the broker; False (left queued for the sweeper) when the broker did not take it."""
    # The task module imports this one: imported here, as reports.jobs.job_enqueue does.
    from .tasks import render_director_letter

    if not task_publish(render_director_letter, args=[letter_id]):
        logger.warning("Director letter %s not sent to the broker; the sweeper will send it later.", letter_id)
        return False
    DirectorLetter.objects.filter(pk=letter_id, status=Status.QUEUED).update(enqueued_at=timezone.now())
    return True


def letter_fail(letter_id):
    DirectorLetter.objects.filter(pk=letter_id).exclude(status=Status.DONE).update(
        status=Status.FAILED, error_message=RENDER_FAILED, finished_at=timezone.now()
    )


def letters_sweep(*, now=None):
    """Like the reports' sweeper: a letter whose worker died goes back to the queue, and a letter the broker never
    took (or lost) is sent again."""
    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.REPORTS_STALE_AFTER_SECONDS)
    requeued = DirectorLetter.objects.filter(status=Status.RUNNING, started_at__lt=stale).update(
        status=Status.QUEUED, enqueued_at=None
    )
    resend_before = now - timedelta(seconds=settings.REPORTS_RESEND_QUEUED_AFTER_SECONDS)
    lost = DirectorLetter.objects.filter(status=Status.QUEUED).filter(
        Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=resend_before)
    )
    resent = [letter_id for letter_id in lost.values_list("pk", flat=True) if letter_enqueue(letter_id)]
    return {"requeued": requeued, "resent": resent}
