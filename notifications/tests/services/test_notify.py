"""notifications.services.notify: one email per address, queued for the worker only once the change commits,
and a broker that refuses it loses the email to the log, never the person's change to a server error."""

import logging

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

from common.broker import broker_failures_forget
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
def test_a_refusing_broker_loses_the_email_to_the_log_not_to_a_server_error(broker, caplog, error):
    broker.refuse(error)
    with caplog.at_level(logging.ERROR, logger="notifications.services"), broker.after_commit():
        assert notify(recipients=["a@example.gov.uk"], template="test_message", context=CONTEXT) == 1
    assert broker.emails == []
    [record] = caplog.records
    assert record.levelno == logging.ERROR
    assert record.getMessage() == (
        "Email 'A test message for Lena' to a@example.gov.uk not queued: the broker did not take it."
    )

    broker.accept()
    broker_failures_forget()  # else common.broker leaves the broker alone for a few seconds after the failure
    with broker.after_commit():
        notify(recipients=["a@example.gov.uk"], template="test_message", context=CONTEXT)
    assert [email.to for email in broker.emails] == [["a@example.gov.uk"]]
