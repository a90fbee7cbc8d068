"""Sign-in and password-reset throttling (accounts/throttling.py; docs/security.md, "Sign-in throttling")."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client

from accounts.models import PasswordResetRequest
from accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
RESET = "/accounts/password/reset/"
HERE = "198.51.100.7"
ELSEWHERE = "203.0.113.9"


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT == 20
    return settings


def fail(client, email, times, address=HERE):
    for _ in range(times):
        client.post(LOGIN, {"username": email, "password": "wrong-password"}, REMOTE_ADDR=address)


def sign_in(client, email, address=HERE, **extra):
    return client.post(LOGIN, {"username": email, "password": TEST_PASSWORD}, REMOTE_ADDR=address, **extra)


def test_five_failures_pause_the_account_from_that_address_even_against_the_right_password(client, lead_a, throttled):
    fail(client, lead_a.email, 5)
    response = sign_in(client, lead_a.email)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Sign-in to this account is paused" in page
    assert "reset your password" in page and "tell your administrator" in page
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_pause_the_account(client, lead_a, throttled):
    fail(client, lead_a.email, 4)
    assert sign_in(client, lead_a.email).status_code == 302


def test_the_owner_elsewhere_can_still_sign_in_while_one_address_is_paused(client, lead_a, throttled):
    fail(client, lead_a.email, 5, address=HERE)
    assert sign_in(Client(), lead_a.email, address=ELSEWHERE).status_code == 302


def test_guessing_spread_over_many_addresses_pauses_the_account_everywhere(client, lead_a, throttled):
    for number in range(5):
        fail(client, lead_a.email, 4, address=f"192.0.2.{number + 1}")
    assert sign_in(Client(), lead_a.email, address=ELSEWHERE).status_code == 429


def test_signing_in_to_ones_own_account_does_not_clear_the_guesses_at_another(client, lead_a, lead_b, throttled):
    """The bypass: four guesses, a successful sign-in to one's own account from the same address, repeat."""
    for _ in range(5):
        fail(client, lead_a.email, 4)
        assert sign_in(client, lead_b.email).status_code == 302
        client.logout()
    assert sign_in(Client(), lead_a.email).status_code == 429


def test_a_successful_sign_in_clears_that_accounts_own_failures(client, lead_a, throttled):
    fail(client, lead_a.email, 4)
    assert sign_in(client, lead_a.email).status_code == 302
    client.logout()
    fail(client, lead_a.email, 4)
    assert sign_in(client, lead_a.email).status_code == 302


def test_failures_at_other_accounts_do_not_lock_everybody_behind_an_address(client, lead_a, throttled):
    for number in range(10):
        fail(client, f"guess{number}@example.gov.uk", 1)
    assert sign_in(client, lead_a.email).status_code == 302


def test_an_address_failing_very_often_is_slowed_not_locked(client, lead_a, throttled):
    throttled.SIGN_IN_ADDRESS_SLOW_AFTER = 12
    for number in range(12):
        fail(client, f"guess{number}@example.gov.uk", 1)
    slowed = sign_in(client, lead_a.email)
    page = slowed.content.decode()
    assert slowed.status_code == 429
    assert re.search(r"Wait \d seconds, then try again", page)
    assert "govuk-error-summary" in page and 'value="lead.a@example.gov.uk"' in page
    # Once the delay has passed, the next attempt from that address is tried.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.latest("attempt_time").attempt_time - timedelta(seconds=6)
    )
    assert sign_in(client, lead_a.email).status_code == 302


def test_capitals_in_the_email_address_count_as_the_same_account(client, lead_a, throttled):
    for number in range(5):
        fail(client, lead_a.email.upper() if number % 2 else lead_a.email, 1)
    assert sign_in(client, lead_a.email).status_code == 429


def test_behind_a_proxy_the_pause_counts_the_persons_address_not_the_proxys(client, lead_a, throttled):
    throttled.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(5):
        # The attacker's own X-Forwarded-For entries (left) are not trusted: the proxy appended the real one.
        client.post(
            LOGIN,
            {"username": lead_a.email, "password": "wrong"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.1, {HERE}",
        )
    assert sign_in(client, lead_a.email, address=proxy, HTTP_X_FORWARDED_FOR=HERE).status_code == 429
    assert sign_in(Client(), lead_a.email, address=proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE).status_code == 302


def test_a_completed_password_reset_ends_the_pause(client, lead_a, throttled):
    for number in range(5):
        fail(client, lead_a.email, 4, address=f"192.0.2.{number + 1}")
    client.post(RESET, {"email": lead_a.email})
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new_password = "a-brand-new-long-password-7"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    response = Client().post(LOGIN, {"username": lead_a.email, "password": new_password}, REMOTE_ADDR="192.0.2.1")
    assert response.status_code == 302


def test_password_reset_emails_are_limited_per_account_without_saying_so(client, lead_a):
    for number in range(5):
        response = client.post(RESET, {"email": lead_a.email}, REMOTE_ADDR=f"192.0.2.{number + 1}")
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 3


def test_password_reset_requests_are_limited_per_address(client, lead_a, settings):
    for number in range(20):
        client.post(RESET, {"email": f"someone{number}@example.gov.uk"}, REMOTE_ADDR=HERE)
    refused = client.post(RESET, {"email": lead_a.email}, REMOTE_ADDR=HERE)
    page = refused.content.decode()
    assert refused.status_code == 429
    assert "too many requests to reset a password from your network" in page
    assert 'value="lead.a@example.gov.uk"' in page
    assert not mail.outbox
    assert client.post(RESET, {"email": lead_a.email}, REMOTE_ADDR=ELSEWHERE).status_code == 302
    assert len(mail.outbox) == 1


def test_old_password_reset_requests_are_forgotten(client, lead_a):
    for _ in range(3):
        client.post(RESET, {"email": lead_a.email})
    PasswordResetRequest.objects.update(
        requested_at=PasswordResetRequest.objects.first().requested_at - timedelta(hours=2)
    )
    client.post(RESET, {"email": lead_a.email})
    assert len(mail.outbox) == 4
