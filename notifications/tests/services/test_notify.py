"""notifications.services.notify: one email per address, queued for the worker only once the change commits,
and an email the broker refuses is kept to send later, never the person's change lost to a server error."""

import logging

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

from notifications.models import PendingEmail
from notifications.services import notify
from notifications.tasks import send_email

pytestmark = pytest.mark.django_db

CONTEXT = {"name": "Lena"}


def test_each_address_gets_one_email_queued_after_the_commit(broker):
    with broker.after_commit():
        count = notify(
            recipients=["b@example.gov.uk", "a@example.gov.uk", "", None, "b@example.gov.uk"],
            template="test_message",
            context=CONTEXT,
        )
    assert count == 2
    assert [email.to for email in broker.emails] == [["a@example.gov.uk"], ["b@example.gov.uk"]]
    assert {email.subject for email in broker.emails} == {"A test message for Lena"}
    assert broker.emails[0].body.startswith("Hello Lena,\n\nThis message checks that the worker sends email.")
    assert broker.sent(send_email)[0].kwargs == {
        "to": "a@example.gov.uk",
        "subject": "A test message for Lena",
        "body": broker.emails[0].body,
    }


def test_nothing_is_queued_before_the_commit_nor_after_a_rollback(broker):
    notify(recipients=["a@example.gov.uk"], template="test_message", context=CONTEXT)
    assert broker.emails == []  # the test's transaction has not committed

    with broker.after_commit() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        notify(recipients=["b@example.gov.uk"], template="test_message", context=CONTEXT)
        raise RuntimeError("the change fails after the notification")
    assert callbacks == []
    assert broker.messages == []


def test_no_addresses_means_nothing_rendered_or_queued(broker):
    with broker.after_commit():
        # The template does not exist: rendering it would raise.
        assert notify(recipients=["", None], template="no_such_template", context=CONTEXT) == 0
    assert broker.messages == []


@pytest.mark.parametrize("error", [BrokerError("[Errno 111] Connection refused"), OSError("network unreachable")])
def test_an_email_the_broker_refuses_is_kept_to_send_later_not_a_server_error(broker, caplog, error):
    broker.refuse(error)
    with caplog.at_level(logging.WARNING, logger="notifications.services"), broker.after_commit():
        assert notify(recipients=["a@example.gov.uk"], template="test_message", context=CONTEXT) == 1
    assert broker.emails == []
    [kept] = PendingEmail.objects.all()
    assert (kept.to, kept.subject, kept.claimed_at) == ("a@example.gov.uk", "A test message for Lena", None)
    assert kept.body.startswith("Hello Lena,")
    assert [record.getMessage() for record in caplog.records if record.name == "notifications.services"] == [
        "Email 'A test message for Lena' to a@example.gov.uk kept to send later: the broker did not take it."
    ]
