"""Single sign-on end to end against a real OpenID Connect provider started here (node-oidc-provider,
tests/support/oidc_provider.mjs): the provider's pages are driven with requests through its real redirects,
IMA Portal's with Django's test client. Sign-in, an unknown person refused, bad state and nonce refused, sign-out."""

import re
from urllib.parse import urlsplit

import pytest
import requests
from django.test import Client

from accounts.models import User
from accounts.oidc import UNKNOWN_PERSON, UNVERIFIED_EMAIL
from tests.support.oidc import configure, running_provider

# One xdist worker runs this module, so one provider process serves it.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("oidc")]

CALLBACK = "http://testserver/accounts/organisation/callback/"
ACCOUNTS = {
    "priya": {"email": "Priya.Lead@Example.gov.uk", "email_verified": True},
    "stranger": {"email": "stranger@example.gov.uk", "email_verified": True},
    "unverified": {"email": "priya.lead@example.gov.uk", "email_verified": False},
}


@pytest.fixture(scope="module")
def provider():
    with running_provider(redirect_uri=CALLBACK, accounts=ACCOUNTS) as issuer:
        yield issuer


@pytest.fixture
def sso(provider, settings):
    configure(settings, provider)
    return provider


@pytest.fixture
def priya(db):
    return User.objects.create_user(email="priya.lead@example.gov.uk", password=None, full_name="Priya Lead")


def sign_in_at_provider(client, provider, login, *, next_url=""):
    """Start at IMA Portal, sign in on the provider's own pages, and return the callback URL it sends back to."""
    start = client.get("/accounts/organisation/sign-in/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302 and start["Location"].startswith(f"{provider}/auth?")
    browser = requests.Session()
    location = start["Location"]
    for _ in range(10):
        if location.startswith(CALLBACK):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
        if response.status_code == 200:  # the provider's sign-in form
            action = re.search(r'<form[^>]*action="([^"]+)"', response.text).group(1)
            response = browser.post(
                requests.compat.urljoin(location, action),
                data={"prompt": "login", "login": login, "password": "any"},
                allow_redirects=False,
                timeout=10,
            )
        assert response.status_code in (302, 303), response.text[:500]
        location = requests.compat.urljoin(location, response.headers["Location"])
    raise AssertionError("the provider never sent the person back")


def local(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_sign_in_page_offers_the_organisation_account_only_when_configured(client, sso, settings):
    assert "Sign in with your organisation account" in client.get("/accounts/login/").content.decode()
    settings.OIDC_ENABLED = False
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with your organisation account" not in page and "password" in page
    assert client.get("/accounts/organisation/sign-in/").status_code == 404
    assert client.get("/accounts/organisation/callback/?code=x&state=y").status_code == 404


def test_sign_in_and_sign_out(sso, priya):
    client = Client()
    callback = sign_in_at_provider(client, sso, "priya", next_url="/accounts/")
    response = client.get(local(callback))
    assert response.status_code == 302 and response["Location"] == "/accounts/"
    account = client.get("/accounts/")
    assert account.status_code == 200 and "priya.lead@example.gov.uk" in account.content.decode()
    assert int(client.session["_auth_user_id"]) == priya.pk
    # Signing out ends the session in IMA Portal.
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/accounts/").status_code == 302


def test_an_unknown_person_is_refused_and_told_to_ask_their_administrator(sso, priya):
    client = Client()
    callback = sign_in_at_provider(client, sso, "stranger")
    response = client.get(local(callback), follow=True)
    assert "_auth_user_id" not in client.session
    assert UNKNOWN_PERSON in response.content.decode()
    assert not User.objects.filter(email__iexact="stranger@example.gov.uk").exists()  # no self-registration


def test_an_unverified_email_is_refused(sso, priya):
    client = Client()
    callback = sign_in_at_provider(client, sso, "unverified")
    response = client.get(local(callback), follow=True)
    assert "_auth_user_id" not in client.session
    assert UNVERIFIED_EMAIL in response.content.decode()


def test_a_bad_state_is_refused(sso, priya):
    client = Client()
    callback = sign_in_at_provider(client, sso, "priya")
    tampered = re.sub(r"state=[^&]+", "state=forged", local(callback))
    assert client.get(tampered).status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_bad_nonce_is_refused(sso, priya):
    client = Client()
    callback = sign_in_at_provider(client, sso, "priya")
    session = client.session
    for state in session["oidc_states"].values():
        state["nonce"] = "not-the-nonce-the-provider-signed"
    session.save()
    assert client.get(local(callback)).status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_callback_from_another_browser_is_refused(sso, priya):
    callback = sign_in_at_provider(Client(), sso, "priya")
    other = Client()
    response = other.get(local(callback))
    assert response.status_code in (302, 400)
    assert "_auth_user_id" not in other.session
