"""Personal API tokens: made on the account pages (shown once, kept hashed), listed with last use, revoked with
confirmation; made by `manage.py create_api_token`; the schema and the docs page served by the app itself."""

import io
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer

from api.models import ApiToken, hash_secret

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"


def test_the_account_page_links_to_the_tokens(lead_a_client):
    page = lead_a_client.get("/accounts/").content.decode()
    assert 'href="/accounts/api-tokens/"' in page


def test_create_show_once_use_and_revoke(lead_a_client, lead_a):
    page = lead_a_client.get("/accounts/api-tokens/")
    assert "You have no tokens" in page.content.decode()
    response = lead_a_client.post("/accounts/api-tokens/new/", {"name": "Power BI", "days": "30"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "API token created" in text and "govuk-panel--confirmation" in text
    token = ApiToken.objects.get(user=lead_a)
    secret = text.split('<code class="app-api-token">')[1].split("</code>")[0]
    assert token.key_hash == hash_secret(secret) and secret.startswith(token.prefix)
    assert response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    # The list shows it with its prefix, never the secret; "last used" follows use.
    listing = lead_a_client.get("/accounts/api-tokens/").content.decode()
    assert "Power BI" in listing and token.prefix in listing and secret not in listing and "Never" in listing
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/departments/").status_code == 200
    assert "Never" not in lead_a_client.get("/accounts/api-tokens/").content.decode()
    # Revoking asks first, then the token stops working.
    confirm = lead_a_client.get(f"/accounts/api-tokens/{token.pk}/revoke/")
    assert "Are you sure you want to revoke" in confirm.content.decode()
    assert lead_a_client.post(f"/accounts/api-tokens/{token.pk}/revoke/", {}).status_code == 302
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/departments/").status_code == 401
    assert "Revoked" in lead_a_client.get("/accounts/api-tokens/").content.decode()
    # Revoking again sends the person back with the reason.
    assert lead_a_client.post(f"/accounts/api-tokens/{token.pk}/revoke/", {}).status_code == 302


def test_bad_input_shows_the_error_summary(lead_a_client):
    response = lead_a_client.post("/accounts/api-tokens/new/", {"name": " ", "days": "9999"})
    text = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in text
    assert "Enter a name for the token" in text and "A token lasts at most 366 days" in text
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_persons_token(lead_a_client, lead_b, client):
    call_command("create_api_token", lead_b.email, "--name", "B's tool", stdout=io.StringIO())
    token = ApiToken.objects.get(user=lead_b)
    assert lead_a_client.get(f"/accounts/api-tokens/{token.pk}/revoke/").status_code == 404
    assert lead_a_client.post(f"/accounts/api-tokens/{token.pk}/revoke/", {}).status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_create_api_token_command_prints_the_token_last(lead_a):
    out = io.StringIO()
    call_command("create_api_token", lead_a.email.upper(), "--name", "Excel", stdout=out)
    secret = out.getvalue().strip().splitlines()[-1]
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/assessments/").status_code == 200
    assert ApiToken.objects.get(user=lead_a).name == "Excel"


def test_create_api_token_command_refuses_an_unknown_person(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody@example.gov.uk", "--name", "x", stdout=io.StringIO())


def test_schema_and_docs_are_served_by_the_app(lead_a_client):
    schema = lead_a_client.get("/api/schema/")
    assert schema.status_code == 200
    paths = yaml.safe_load(schema.content)["paths"]
    assert "/api/v1/assessments/{id}/" in paths and "/api/v1/meetings/" in paths
    docs = lead_a_client.get("/api/docs/")
    text = docs.content.decode()
    assert docs.status_code == 200 and "swagger-ui" in text
    assert "//cdn" not in text and "https://" not in text.split("</head>")[0]
    script = lead_a_client.get("/api/docs/?script=")
    assert script.status_code == 200 and b"/api/schema/" in script.content
    assert Client().get("/api/docs/").status_code == 302  # sent to sign in like every page


def test_committed_schema_equals_the_generated_one():
    """Fails when an endpoint changes without the schema: run `python manage.py spectacular --file
    docs/api/openapi.yaml` and commit the result."""
    generated = OpenApiYamlRenderer().render(SchemaGenerator().get_schema(request=None, public=True)).decode()
    assert SCHEMA_FILE.read_text() == generated, "docs/api/openapi.yaml is out of date (see this test's docstring)"
