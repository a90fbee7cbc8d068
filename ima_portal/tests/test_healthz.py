import pytest

from ima_portal.celery import app as celery_app


@pytest.mark.django_db
def test_healthz_reports_database_and_broker_ok_without_sign_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_names_the_failing_broker_with_503(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    celery_app.pool.force_close_all()
    try:
        response = client.get("/healthz")
    finally:
        monkeypatch.undo()
        celery_app.pool.force_close_all()
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "failing"}


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
