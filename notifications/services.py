"""Emails are rendered now (inside the transaction, from committed-to-be data) and sent by a worker after commit."""

from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_email


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
        transaction.on_commit(lambda address=address: send_email.delay(to=address, subject=subject, body=body))
    return len(addresses)
