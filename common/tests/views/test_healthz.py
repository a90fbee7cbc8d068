import threading
import time

import pytest
from celery import Celery

from common import health
from tests.support.hung_broker import finish_together
from tests.support.waiting import wait_until


@pytest.mark.django_db
def test_healthz_reports_database_and_broker_ok_without_sign_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_names_the_failing_broker_with_503(client, monkeypatch):
    # A separate app whose broker nobody listens on; the real app's pools stay untouched.
    # Celery lets a CELERY_BROKER_URL environment variable win over any app's configuration.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    unreachable = Celery("unreachable", broker="redis://127.0.0.1:1/0", set_as_current=False)
    monkeypatch.setattr(health, "celery_app", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "failing"}


@pytest.mark.django_db
def test_healthz_names_the_failing_database_with_503(client, monkeypatch):
    monkeypatch.setattr(health, "database_ok", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "failing", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


# --- the broker check cannot be used to tie up the server ---------------------------------------------------


def _slow_broker(monkeypatch, seconds, ok=True):
    """broker_answers that takes `seconds`, counting its calls."""
    calls = []

    def answers(url):
        calls.append(url)
        time.sleep(seconds)
        return ok

    monkeypatch.setattr(health, "broker_answers", answers)
    return calls


def test_concurrent_calls_share_one_broker_check(monkeypatch):
    calls = _slow_broker(monkeypatch, 0.3)
    assert finish_together(2, *[health.broker_ok] * 6) == [True] * 6
    assert len(calls) == 1


def test_the_answer_stands_for_a_few_seconds_then_the_broker_is_asked_again(monkeypatch):
    calls = _slow_broker(monkeypatch, 0)
    assert health.broker_ok() and health.broker_ok()
    assert len(calls) == 1
    monkeypatch.setattr(health, "BROKER_CHECK_CACHE_SECONDS", 0)
    assert health.broker_ok()
    assert len(calls) == 2


def test_a_check_slower_than_the_wait_is_failing_and_the_next_calls_do_not_wait(monkeypatch):
    release = threading.Event()
    calls = []
    monkeypatch.setattr(health, "broker_answers", lambda url: calls.append(url) or release.wait(10))
    try:
        started = time.monotonic()
        assert health.broker_ok() is False
        assert time.monotonic() - started < health.BROKER_CHECK_WAIT_SECONDS + 0.5
        started = time.monotonic()
        assert health.broker_ok() is False
        assert time.monotonic() - started < 0.1
        assert len(calls) == 1
    finally:
        release.set()  # the check thread ends now, and cannot answer into the next test
        wait_until(lambda: not health._checks, timeout=5)


@pytest.mark.django_db
def test_a_broker_that_hangs_is_failing_within_a_second(client, hung_broker):
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < health.BROKER_CHECK_WAIT_SECONDS + 0.5
    assert (response.status_code, response.json()) == (503, {"database": "ok", "broker": "failing"})
    assert hung_broker.connections, "the check reached the hung broker"
