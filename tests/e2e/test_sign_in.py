import pytest

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_page_is_accessible_and_shows_error_summary_on_failure(page, lead_a, screenshot):
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.fill("#id_username", "lead.a@example.gov.uk")
    page.fill("#id_password", "wrong password")
    page.click("text=Sign in >> nth=-1")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for(state="visible")
    assert "Enter a correct email address and password" in summary.inner_text()
    # GOV.UK Frontend's JS moves focus to the error summary.
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.input_value("#id_username") == "lead.a@example.gov.uk"
    assert_accessible(page)
    screenshot("foundation-sign-in-error")


@pytest.mark.parametrize(
    "who, heading",
    [
        ("lead_a", "Your department's information management"),
        ("assessor", "Assessments across government"),
        ("contributor_a", "Your work on information management"),
        ("administrator", "Run the service"),
    ],
)
def test_each_role_signs_in_and_sees_their_home_page(request, page, sign_in, screenshot, who, heading):
    user = request.getfixturevalue(who)
    sign_in(user.email)
    assert page.locator("h1").inner_text() == heading
    assert "IMA Portal" in page.locator(".govuk-service-navigation__service-name").inner_text()
    assert_accessible(page)
    screenshot(f"foundation-home-{who}")


def test_sign_out_is_a_post_button(page, sign_in, lead_a):
    sign_in(lead_a.email)
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/accounts/login/")
    page.goto("/")
    assert "/accounts/login/" in page.url
