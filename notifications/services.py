"""Emails are rendered now (inside the transaction, from committed-to-be data) and sent by a worker after commit.

An email the broker does not take is kept (`PendingEmail`) and sent again by `pending_emails_send`, which beat
runs every NOTIFICATIONS_RESEND_EVERY_SECONDS.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from common.broker import task_publish

from .models import PendingEmail
from .tasks import send_email

logger = logging.getLogger(__name__)


def _queue(address, subject, body):
    # Runs after the commit, inside the request: the change is already saved. A broker that is down or hangs
    # must not turn it into a server error (or a long wait) for the person, nor lose the email.
    if not task_publish(send_email, kwargs={"to": address, "subject": subject, "body": body}):
        PendingEmail.objects.create(to=address, subject=subject, body=body)
        logger.warning("Email %r to %s kept to send later: the broker did not take it.", subject, address)


def notify(*, recipients, template, context):
    """Queue one email per recipient, sent only if the surrounding transaction commits.

    `template` names a pair under templates/emails/: `<template>_subject.txt` and `<template>.txt`.
    """
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return 0
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    body = render_to_string(f"emails/{template}.txt", context)
    for address in addresses:
        transaction.on_commit(lambda address=address: _queue(address, subject, body))
    return len(addresses)


# A resend that died between claiming a row and deleting it (a killed worker) leaves it claimed: after this
# long another resend takes it. The email may then go twice, which beats never.
CLAIM_EXPIRES_AFTER = timedelta(minutes=5)


def pending_emails_send(*, now=None):
    """Hand the kept emails to the broker, oldest first; each leaves the outbox once the broker has it.

    Stops at the first the broker does not take (it is down again) and returns how many went.
    """
    now = now or timezone.now()
    claimable = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_EXPIRES_AFTER)
    sent = 0
    for email in PendingEmail.objects.filter(claimable):
        # Conditional on the claim we saw: of two resends at once, one sends it.
        if not PendingEmail.objects.filter(claimable, pk=email.pk).update(claimed_at=now):
            continue
        if not task_publish(send_email, kwargs={"to": email.to, "subject": email.subject, "body": email.body}):
            PendingEmail.objects.filter(pk=email.pk).update(claimed_at=None)
            break
        PendingEmail.objects.filter(pk=email.pk).delete()
        sent += 1
    return sent
