import os
import subprocess
import sys

from django.conf import settings

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
