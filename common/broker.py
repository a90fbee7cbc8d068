"""The one way to hand a task to the broker: never for long, and saying whether it went.

A page that publishes (a report request, a change that sends email) must answer even when the broker is
down or hangs. The wait is bounded by the transport's timeouts (`BROKER_TIMEOUT_SECONDS` in settings: one
connect, one write) with no retries here, and the caller keeps what did not go: a report job stays queued
for the sweeper, an email waits in the outbox, and each is sent again later. After a failure this process
leaves the broker alone for a few seconds, so a change that sends ten emails waits for one timeout, not ten.
"""

import logging
import threading
import time

from kombu.exceptions import OperationalError as BrokerError

logger = logging.getLogger(__name__)

# Seconds after a failed publish during which this process does not try that broker again.
QUIET_AFTER_FAILURE_SECONDS = 10
# Not `retry=False`: kombu then falls back to its own connection retries (four tries with Celery's defaults);
# a retry policy of zero retries gives up after the first failure.
NO_RETRIES = {"max_retries": 0}

_lock = threading.Lock()
_last_failure = {}  # broker URL -> time.monotonic() of its last failed publish


def task_publish(task, *, args=(), kwargs=None):
    """Send `task` with these arguments. True if the broker took it; False (logged) if it did not answer in time."""
    url = task.app.conf.broker_url
    if _failed_recently(url):
        logger.warning("Task %s not sent: the broker failed in the last %s s.", task.name, QUIET_AFTER_FAILURE_SECONDS)
        return False
    try:
        task.apply_async(args=list(args), kwargs=dict(kwargs or {}), retry=True, retry_policy=NO_RETRIES)
    except (BrokerError, OSError) as error:  # OSError: a socket error kombu did not wrap
        with _lock:
            _last_failure[url] = time.monotonic()
        logger.warning("Task %s not sent: the broker did not take it (%s).", task.name, error)
        return False
    return True


def _failed_recently(url):
    with _lock:
        failed_at = _last_failure.get(url)
    return failed_at is not None and time.monotonic() - failed_at < QUIET_AFTER_FAILURE_SECONDS


def broker_failures_forget():
    """Try the broker at the next publish, whatever failed before (tests, which change the broker at will)."""
    with _lock:
        _last_failure.clear()


def retry_countdown(retries):
    """Seconds before a task's retry n (0-based): 2, 4, 8… capped at a minute (`self.retry(countdown=…)`)."""
    return min(2 ** (retries + 1), 60)
