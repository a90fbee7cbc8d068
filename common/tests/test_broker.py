"""common.broker.task_publish: one bounded try, True or False, and a few quiet seconds after a failure."""

import logging
import time

import pytest
from kombu.exceptions import OperationalError as BrokerError

from common import broker as common_broker
from common.broker import broker_failures_forget, task_publish
from notifications.tasks import send_email

EMAIL = {"to": "a@example.gov.uk", "subject": "Subject", "body": "Body"}


def test_a_task_the_broker_takes_is_sent_once_without_retries(broker):
    assert task_publish(send_email, kwargs=EMAIL) is True
    [message] = broker.sent(send_email)
    assert message.kwargs == EMAIL
    assert message.options == {"retry": True, "retry_policy": {"max_retries": 0}}


@pytest.mark.parametrize("error", [BrokerError("[Errno 111] Connection refused"), OSError("network unreachable")])
def test_a_refused_publish_is_false_and_logged_not_raised(broker, caplog, error):
    broker.refuse(error)
    with caplog.at_level(logging.WARNING, logger="common.broker"):
        assert task_publish(send_email, kwargs=EMAIL) is False
    assert caplog.messages == [f"Task notifications.tasks.send_email not sent: the broker did not take it ({error})."]


def test_after_a_failure_the_broker_is_left_alone_for_a_few_seconds(broker, monkeypatch):
    broker.refuse(BrokerError("[Errno 111] Connection refused"))
    assert task_publish(send_email, kwargs=EMAIL) is False
    broker.accept()
    assert task_publish(send_email, kwargs=EMAIL) is False  # not even tried
    assert broker.messages == []

    monkeypatch.setattr(common_broker, "QUIET_AFTER_FAILURE_SECONDS", 0)  # the quiet seconds are over
    assert task_publish(send_email, kwargs=EMAIL) is True
    assert len(broker.messages) == 1


def test_forgetting_failures_tries_the_broker_at_once(broker):
    broker.refuse(BrokerError("[Errno 111] Connection refused"))
    task_publish(send_email, kwargs=EMAIL)
    broker.accept()
    broker_failures_forget()
    assert task_publish(send_email, kwargs=EMAIL) is True


def test_a_broker_that_hangs_is_given_up_on_within_the_transport_timeouts(hung_broker, settings):
    started = time.monotonic()
    assert task_publish(send_email, kwargs=EMAIL) is False
    assert time.monotonic() - started < 2 * settings.BROKER_TIMEOUT_SECONDS + 0.5
    assert hung_broker.connections, "the publish reached the hung broker (it was not refused elsewhere)"
