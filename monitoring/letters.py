"""Rendering a director's letter in the worker: snapshot → HTML → tagged PDF, with the reports app's pipeline.

The same WeasyPrint layout, URL fetcher (report assets only) and PDF/UA writer as the reports; claimed by a
conditional UPDATE so a redelivered message renders it once.
"""

import logging

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from reports.rendering import layout, write_pdf

from .models import DirectorLetter

logger = logging.getLogger(__name__)
Status = DirectorLetter.Status

RENDER_FAILED = "The letter could not be produced. Prepare the letters again; if it fails again, tell the support team."


def letter_html(snapshot):
    return render_to_string("monitoring/pdf/letter.html", {"snapshot": snapshot})


def letter_execute(letter_id):
    claimed = DirectorLetter.objects.filter(pk=letter_id, status=Status.QUEUED).update(status=Status.RUNNING)
    if not claimed:
        return None
    letter = DirectorLetter.objects.get(pk=letter_id)
    data = write_pdf(layout(letter_html(letter.snapshot)))
    letter.pdf.save("letter.pdf", ContentFile(data), save=False)
    DirectorLetter.objects.filter(pk=letter_id, status=Status.RUNNING).update(
        status=Status.DONE, pdf=letter.pdf.name, finished_at=timezone.now()
    )
    return letter


def letter_fail(letter_id):
    DirectorLetter.objects.filter(pk=letter_id).exclude(status=Status.DONE).update(
        status=Status.FAILED, error_message=RENDER_FAILED, finished_at=timezone.now()
    )
