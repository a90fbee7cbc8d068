"""Signed-in sessions: idle sign-out and pages never stored (accounts/middleware.py)."""

import time

import pytest
from django.urls import reverse

from accounts.middleware import LAST_ACTIVITY

pytestmark = pytest.mark.django_db


def idle_for(client, minutes):
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - minutes * 60
    session.save()


def test_an_assessor_idle_for_31_minutes_is_signed_out_and_told_why(client, assessor):
    client.force_login(assessor)
    assert client.get("/").status_code == 200
    idle_for(client, 31)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=%2F&signed_out=idle")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because you had not used the service for a while" in page


def test_an_administrator_idle_for_31_minutes_is_signed_out(client, administrator):
    client.force_login(administrator)
    client.get("/")
    idle_for(client, 31)
    assert client.get("/").status_code == 302


def test_a_kim_lead_idle_for_31_minutes_is_still_signed_in_but_not_after_the_longer_limit(client, lead_a):
    client.force_login(lead_a)
    client.get("/")
    idle_for(client, 31)
    assert client.get("/").status_code == 200
    idle_for(client, 121)
    assert client.get("/").status_code == 302


def test_activity_keeps_the_session_alive(client, assessor):
    client.force_login(assessor)
    client.get("/")
    idle_for(client, 29)
    assert client.get("/").status_code == 200
    assert time.time() - client.session[LAST_ACTIVITY] < 5
    assert client.get("/").status_code == 200


def test_the_idle_limit_is_a_setting(client, assessor, settings):
    settings.SESSION_IDLE_MINUTES_ASSESSORS_AND_ADMINISTRATORS = 60
    client.force_login(assessor)
    client.get("/")
    idle_for(client, 31)
    assert client.get("/").status_code == 200


def test_signed_in_pages_are_not_stored_but_responses_with_their_own_rules_keep_them(client, lead_a):
    client.force_login(lead_a)
    assert "no-store" in client.get("/").headers["Cache-Control"]
    assert client.get(reverse("dashboards:level_styles")).headers["Cache-Control"] == "max-age=300"
