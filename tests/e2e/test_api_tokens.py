"""Personal API tokens in a browser: create one from Your account (shown once in a confirmation panel), open the
API docs page, then revoke the token after confirming; each page accessible."""

import pytest

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_create_and_revoke_an_api_token(page, sign_in, lead_a, screenshot):
    sign_in(lead_a.email)
    page.goto("/accounts/")
    page.click("text=Manage your API tokens")
    assert_accessible(page)
    page.click("text=Create a token")
    page.click("main [type=submit]")
    assert "Enter a name for the token" in page.locator(".govuk-error-summary").inner_text()
    page.fill("#id_name", "Power BI dashboard")
    page.click("main [type=submit]")
    assert page.locator("h1").inner_text() == "API token created"
    token = page.locator(".app-api-token").inner_text()
    assert token.startswith("ima_")
    assert_accessible(page)
    screenshot("api-token-created")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= 375")
    page.set_viewport_size({"width": 1200, "height": 900})
    page.click("text=I have copied my token")
    assert "Power BI dashboard" in page.locator(".govuk-summary-card").inner_text()
    assert token not in page.content()
    # The API docs page (Swagger UI from the app's own static files) renders under the service's CSP.
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.click("text=Read the API documentation")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "IMA Portal API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/assessments/").count() >= 1
    assert not refused, refused
    page.go_back()
    page.click("text=Revoke")
    assert_accessible(page)
    page.click("main [type=submit]")
    assert "Revoked" in page.locator(".govuk-summary-card").inner_text()
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= 375")
    assert_accessible(page)
