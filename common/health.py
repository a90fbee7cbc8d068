"""/healthz: is the database answering, is the broker answering. Reveals nothing else, and never waits long.

Anyone may call it, so it must not be a way to tie up the server. Each process asks the broker at most once
every BROKER_CHECK_CACHE_SECONDS, from one background thread, with a short timeout on every socket operation
(a ping, not a Celery connection with its retries); a request waits for that answer at most
BROKER_CHECK_WAIT_SECONDS and otherwise reports the broker as failing. Concurrent calls share one check.
"""

import socket
import threading
import time
from urllib.parse import urlsplit

import redis
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from redis.backoff import NoBackoff
from redis.retry import Retry

from ima_portal.celery import app as celery_app
from ima_portal.celery import ensure_filesystem_broker_folders

BROKER_CHECK_TIMEOUT_SECONDS = 0.5  # connecting, then each read or write
BROKER_CHECK_WAIT_SECONDS = 1.0  # the longest a request waits for the broker's answer
BROKER_CHECK_CACHE_SECONDS = 5  # how long an answer stands for every caller in this process
LOCAL_TRANSPORTS = {"filesystem", "memory"}  # nothing on the network: kombu's own check cannot hang

_lock = threading.Lock()
_answers = {}  # broker URL -> (time.monotonic() of the answer, ok)
_checks = {}  # broker URL -> threading.Event set when the check under way ends


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ok"; the reason is not for the public
        return False


def broker_answers(url):
    """Ask the broker itself, each socket operation bounded by BROKER_CHECK_TIMEOUT_SECONDS."""
    url = url.split(";")[0]  # a failover list: the first broker is the one publishes go to
    parts = urlsplit(url)
    if parts.scheme in LOCAL_TRANSPORTS:
        ensure_filesystem_broker_folders()
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1)
        return True
    if parts.scheme in ("redis", "rediss"):
        client = redis.Redis.from_url(
            url,
            socket_connect_timeout=BROKER_CHECK_TIMEOUT_SECONDS,
            socket_timeout=BROKER_CHECK_TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 0),
            health_check_interval=0,
        )
        try:
            return client.ping() is True
        finally:
            client.close()
    # Any other broker (RabbitMQ…): that it accepts a connection is as much as a bounded check can say.
    with socket.create_connection((parts.hostname, parts.port or 5672), timeout=BROKER_CHECK_TIMEOUT_SECONDS):
        return True


def _check(url, done):
    ok = False
    try:
        ok = broker_answers(url)
    except Exception:  # noqa: BLE001 - any failure means "not ok"
        ok = False
    finally:
        with _lock:
            _answers[url] = (time.monotonic(), ok)
            _checks.pop(url, None)
        done.set()


def broker_ok():
    url = celery_app.conf.broker_url
    with _lock:
        answer = _answers.get(url)
        if answer and time.monotonic() - answer[0] < BROKER_CHECK_CACHE_SECONDS:
            return answer[1]
        done = _checks.get(url)
        if done is None:
            done = _checks[url] = threading.Event()
            threading.Thread(target=_check, args=(url, done), name="healthz-broker-check", daemon=True).start()
    if not done.wait(BROKER_CHECK_WAIT_SECONDS):
        with _lock:  # too slow is failing; callers until the check ends (or the answer expires) hear it at once
            _answers[url] = (time.monotonic(), False)
        return False
    with _lock:
        return _answers.get(url, (0, False))[1]


def broker_answers_forget():
    """Ask the broker again at the next call (tests, which change the broker at will)."""
    with _lock:
        _answers.clear()


@never_cache
@require_GET
def healthz(request):
    checks = {"database": database_ok(), "broker": broker_ok()}
    body = {name: "ok" if ok else "failing" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
