"""Emails are rendered now (inside the transaction, from committed-to-be data) and sent by a worker after commit."""

import logging

from django.db import transaction
from django.template.loader import render_to_string

from common.broker import task_publish

from .tasks import send_email

logger = logging.getLogger(__name__)


def _queue(address, subject, body):
    # Runs after the commit, inside the request: the change is already saved. A broker that is down or hangs
    # must not turn it into a server error (or a long wait) for the person.
    if not task_publish(send_email, kwargs={"to": address, "subject": subject, "body": body}):
        logger.error("Email %r to %s not queued: the broker did not take it.", subject, address)


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
