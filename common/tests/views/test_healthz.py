import pytest
from celery import Celery

from common import health


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
