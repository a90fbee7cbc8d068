import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_anonymous_home_redirects_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_kim_lead_home_names_their_department_and_explains_empty_state(client, lead_a, department_a):
    client.force_login(lead_a)
    page = client.get("/").content.decode()
    assert "KIM lead" in page
    assert "Department for Education" in page
    assert "Nothing is waiting for your department" in page


def test_kim_lead_home_does_not_name_other_departments(client, lead_a, department_b):
    client.force_login(lead_a)
    assert "Home Office" not in client.get("/").content.decode()


def test_assessor_home_lists_every_department(client, assessor, department_a, department_b):
    client.force_login(assessor)
    page = client.get("/").content.decode()
    assert "Assessor" in page
    assert "Department for Education" in page and "Home Office" in page


def test_contributor_home_explains_actions_empty_state(client, contributor_a):
    client.force_login(contributor_a)
    page = client.get("/").content.decode()
    assert "Department contributor" in page
    assert "You do not own any actions yet" in page


def test_administrator_home_links_to_admin(client, administrator):
    client.force_login(administrator)
    page = client.get("/").content.decode()
    assert "/admin/accounts/department/" in page
    assert "/admin/assessments/frameworkversion/" in page


def test_user_without_role_is_told_how_to_get_one(client, django_user_model):
    user = django_user_model.objects.create_user("nobody@example.gov.uk", "pw", full_name="No Body")
    client.force_login(user)
    assert "Your account has no role yet" in client.get("/").content.decode()


def test_navigation_depends_on_role(client, assessor, lead_a):
    client.force_login(assessor)
    assert ">Departments<" in client.get("/").content.decode().replace("\n", "").replace(" ", "")
    client.force_login(lead_a)
    page = client.get("/").content.decode()
    assert "My department" in page
    assert "/admin/" not in page


def test_every_page_has_skip_link_phase_banner_and_footer_links(client, lead_a):
    client.force_login(lead_a)
    page = client.get("/").content.decode()
    assert 'class="govuk-skip-link"' in page
    assert "govuk-phase-banner" in page
    for path in ("/help/accessibility/", "/help/cookies/", "/help/privacy/"):
        assert path in page
        assert client.get(path).status_code == 200


def test_unknown_page_uses_the_service_404(client, lead_a):
    client.force_login(lead_a)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-header" in response.content.decode()


def test_static_govuk_assets_are_served_by_the_app(client):
    assert finders.find("vendor/govuk/govuk-frontend.min.css")
    with open(finders.find("vendor/govuk/govuk-frontend.min.css")) as handle:
        css = handle.read()
    # Rewritten at install time to be relative to the stylesheet (no absolute /assets/ URLs).
    assert "url(/assets/" not in css and "url(assets/fonts/" in css
