import os
import subprocess
import sys

import pytest
from django.conf import settings

from ima_portal.safety import production_problems

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40 + "-!#%",
    "ALLOWED_HOSTS": "ima-portal.example.gov.uk",
    "CSRF_TRUSTED_ORIGINS": "https://ima-portal.example.gov.uk",
    "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'var' / 'check-deploy.sqlite3'}",
}


def run_manage(*args, env):
    base = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_settings_load_without_any_environment_variables():
    # No env at all: the local .env written by `make install` (or defaults) must be enough.
    result = run_manage("check", env={})
    assert result.returncode == 0, result.stderr


def test_settings_load_from_environment_variables():
    result = run_manage("diffsettings", "--all", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "ALLOWED_HOSTS = ['ima-portal.example.gov.uk']" in result.stdout
    assert "DEBUG = False" in result.stdout


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_refuses_to_start():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    env["DJANGO_READ_DOT_ENV_FILE"] = "0"
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "change, named",
    [
        ({"SECRET_KEY": "short-but-not-empty-secret"}, "shorter than 50 characters"),
        ({"SECRET_KEY": "change-me"}, "shorter than 50 characters"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "console backend"),
        ({"ALLOWED_HOSTS": "ima-portal.example.gov.uk,testserver"}, "testserver"),
    ],
)
def test_production_refuses_to_start_with_unsafe_settings(change, named):
    result = run_manage("check", env={**PRODUCTION_ENV, "DJANGO_READ_DOT_ENV_FILE": "0", **change})
    assert result.returncode != 0
    assert "Refusing to start with DEBUG off" in result.stderr
    assert named in result.stderr


def test_production_refuses_the_example_secret_key_however_long(tmp_path):
    example = "an-example-secret-key-that-is-long-enough-to-pass-the-length-check-0123456789"
    assert (
        production_problems(
            secret_key=example, email_backend="smtp", allowed_hosts=["example.gov.uk"], base_dir=tmp_path
        )
        == []
    )
    (tmp_path / ".env.example").write_text(f"# Generate one.\nSECRET_KEY={example}\n", encoding="utf-8")
    assert production_problems(
        secret_key=example, email_backend="smtp", allowed_hosts=["example.gov.uk"], base_dir=tmp_path
    ) == ["SECRET_KEY is the example from .env.example: generate a random one."]


def test_the_development_defaults_still_start_with_debug_on():
    result = run_manage("check", env={"DEBUG": "1", "DJANGO_READ_DOT_ENV_FILE": "0"})
    assert result.returncode == 0, result.stderr


def test_single_sign_on_needs_every_endpoint_once_a_client_id_is_set():
    refused = run_manage("check", env={"OIDC_RP_CLIENT_ID": "ima-portal"})
    assert refused.returncode != 0
    assert "OIDC_RP_CLIENT_ID is set: set OIDC_RP_CLIENT_SECRET, OIDC_OP_AUTHORIZATION_ENDPOINT" in refused.stderr
    issuer = "https://login.example.gov.uk"
    complete = {
        "OIDC_RP_CLIENT_ID": "ima-portal",
        "OIDC_RP_CLIENT_SECRET": "secret",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{issuer}/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": f"{issuer}/token",
        "OIDC_OP_USER_ENDPOINT": f"{issuer}/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": f"{issuer}/keys",
    }
    result = run_manage("diffsettings", "--all", env=complete)
    assert result.returncode == 0, result.stderr
    assert "accounts.oidc.OrganisationAccountBackend" in result.stdout
    assert "OIDC_ENABLED = True" in result.stdout


def test_site_url_defaults_to_the_port_served():
    result = run_manage("diffsettings", env={"PORT": "8123"})
    assert result.returncode == 0, result.stderr
    assert "SITE_URL = 'http://127.0.0.1:8123'" in result.stdout


def test_make_run_settings_start_on_the_loopback_address():
    local = {
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": "",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    result = run_manage("diffsettings", "--all", env=local)
    assert result.returncode == 0, result.stderr
    assert "DEBUG = False" in result.stdout and "SESSION_COOKIE_SECURE = False" in result.stdout


def test_plain_http_is_refused_for_any_other_address():
    problems = production_problems(
        secret_key="k" * 60,
        email_backend="django.core.mail.backends.smtp.EmailBackend",
        allowed_hosts=["ima-portal.example.gov.uk"],
        base_dir=settings.BASE_DIR,
        site_url="https://ima-portal.example.gov.uk",
        plain_http=True,
    )
    assert problems and "serve over HTTPS" in problems[0]
