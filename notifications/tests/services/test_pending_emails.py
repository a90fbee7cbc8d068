"""notifications.services.pending_emails_send: the emails the broker did not take go when it answers again."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from common.broker import broker_failures_forget
from notifications.models import PendingEmail
from notifications.services import CLAIM_EXPIRES_AFTER, pending_emails_send
from notifications.tasks import send_pending_emails

pytestmark = pytest.mark.django_db


def kept(to, **fields):
    return PendingEmail.objects.create(to=to, subject=f"Subject for {to}", body="Body", **fields)


def test_kept_emails_are_sent_oldest_first_and_leave_the_outbox(broker):
    kept("first@example.gov.uk")
    kept("second@example.gov.uk")
    assert pending_emails_send() == 2
    assert [email.to for email in broker.emails] == [["first@example.gov.uk"], ["second@example.gov.uk"]]
    assert broker.emails[0].subject == "Subject for first@example.gov.uk"
    assert not PendingEmail.objects.exists()


def test_with_the_broker_still_down_the_emails_stay_unclaimed_for_the_next_run(broker):
    kept("first@example.gov.uk")
    kept("second@example.gov.uk")
    broker.refuse(BrokerError("[Errno 111] Connection refused"))
    assert pending_emails_send() == 0
    assert list(PendingEmail.objects.values_list("to", "claimed_at")) == [
        ("first@example.gov.uk", None),
        ("second@example.gov.uk", None),
    ]

    broker.accept()
    broker_failures_forget()  # else common.broker leaves the broker alone for a few seconds after the failure
    assert pending_emails_send() == 2


def test_an_email_another_resend_has_claimed_is_left_to_it_until_the_claim_expires(broker):
    now = timezone.now()
    kept("claimed@example.gov.uk", claimed_at=now)
    kept("abandoned@example.gov.uk", claimed_at=now - CLAIM_EXPIRES_AFTER - timedelta(seconds=1))
    assert pending_emails_send(now=now) == 1
    assert [email.to for email in broker.emails] == [["abandoned@example.gov.uk"]]
    assert list(PendingEmail.objects.values_list("to", flat=True)) == ["claimed@example.gov.uk"]


def test_beat_runs_the_resend_every_few_seconds(broker):
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-send-pending-emails"]
    assert entry == {"task": send_pending_emails.name, "schedule": settings.NOTIFICATIONS_RESEND_EVERY_SECONDS}
    kept("a@example.gov.uk")
    assert send_pending_emails() == 1
    assert [email.to for email in broker.emails] == [["a@example.gov.uk"]]
