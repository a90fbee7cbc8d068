"""Single sign-on in a browser: the sign-in page offers the organisation account, the person signs in on a real
OpenID Connect provider's own page (node-oidc-provider, started here) and comes back signed in; then signs out."""

import pytest

from accounts.models import User
from tests.support.oidc import configure, running_provider

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_with_the_organisation_account(page, live_server, settings, screenshot):
    User.objects.create_user(email="lead.sso@example.gov.uk", password=None, full_name="Sol Lead")
    accounts = {"sol": {"email": "Lead.SSO@example.gov.uk", "email_verified": True}}
    callback = f"{live_server.url}/accounts/organisation/callback/"
    with running_provider(redirect_uri=callback, accounts=accounts) as issuer:
        configure(settings, issuer)
        page.goto("/accounts/login/")
        assert_accessible(page)
        screenshot("sso-sign-in-page")
        page.click("text=Sign in with your organisation account")
        page.wait_for_url(f"{issuer}/**")
        page.fill("input[name=login]", "sol")
        page.fill("input[name=password]", "any password")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        page.goto("/accounts/")
        assert "lead.sso@example.gov.uk" in page.locator("main").inner_text()
        page.click("button:has-text('Sign out')")
        page.wait_for_url("**/accounts/login/")
        page.goto("/accounts/")
        assert "/accounts/login/" in page.url
