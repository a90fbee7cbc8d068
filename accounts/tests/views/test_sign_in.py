import pytest
from django.core import mail

from accounts.forms import INVALID_LOGIN
from accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password_goes_home(client, lead_a):
    response = client.post("/accounts/login/", {"username": "lead.a@example.gov.uk", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_sign_in_email_is_case_insensitive(client, lead_a):
    response = client.post("/accounts/login/", {"username": "Lead.A@Example.gov.uk", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_wrong_password_shows_error_summary_without_saying_which_part_was_wrong(client, lead_a):
    response = client.post("/accounts/login/", {"username": "lead.a@example.gov.uk", "password": "nope"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert INVALID_LOGIN in page
    assert "password is incorrect" not in page.lower()
    assert 'value="lead.a@example.gov.uk"' in page  # what was typed is kept
    assert "<title>Error: Sign in" in page


def test_unknown_email_gets_the_same_error_as_a_wrong_password(client, lead_a):
    page = client.post("/accounts/login/", {"username": "who@example.gov.uk", "password": "nope"}).content.decode()
    assert INVALID_LOGIN in page


def test_empty_sign_in_form_says_what_to_enter(client):
    page = client.post("/accounts/login/", {"username": "", "password": ""}).content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page


def test_logout_by_get_is_refused(client, lead_a):
    client.force_login(lead_a)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/").status_code == 200


def test_logout_by_post_signs_out(client, lead_a):
    client.force_login(lead_a)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_password_reset_sends_an_email_with_a_link(client, lead_a):
    response = client.post("/accounts/password/reset/", {"email": "lead.a@example.gov.uk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_password_change_page_needs_sign_in(client):
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302


def test_password_change_with_wrong_current_password_shows_error(client, lead_a):
    client.force_login(lead_a)
    page = client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": "a-new-long-password-1", "new_password2": "a-new-long-password-1"},
    ).content.decode()
    assert "govuk-error-summary" in page
