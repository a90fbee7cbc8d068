"""The settings the service refuses to run in production with (DEBUG off): each would quietly weaken it."""

import re
from pathlib import Path
from urllib.parse import urlsplit

MINIMUM_SECRET_KEY_LENGTH = 50
CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def production_problems(*, secret_key, email_backend, allowed_hosts, base_dir, site_url="", plain_http=False):
    """What is unsafe about these settings, as sentences for the person starting the service.

    `plain_http` (no HTTPS redirect, or cookies sent without HTTPS) is what `make run` needs on the loopback
    address; anywhere else it would send sessions in clear.
    """
    problems = []
    host = urlsplit(site_url).hostname or ""
    if plain_http and host not in LOOPBACK_HOSTS:
        problems.append(
            f"SECURE_SSL_REDIRECT or SECURE_COOKIES is off while SITE_URL ({site_url}) is not a loopback "
            "address: serve over HTTPS."
        )
    if len(secret_key) < MINIMUM_SECRET_KEY_LENGTH:
        problems.append(f"SECRET_KEY is shorter than {MINIMUM_SECRET_KEY_LENGTH} characters: generate a random one.")
    if secret_key in _example_values(Path(base_dir) / ".env.example", "SECRET_KEY"):
        problems.append("SECRET_KEY is the example from .env.example: generate a random one.")
    if email_backend == CONSOLE_EMAIL:
        problems.append("EMAIL_BACKEND is the console backend, so no email would reach anyone: configure SMTP.")
    if "testserver" in allowed_hosts:
        problems.append("ALLOWED_HOSTS includes 'testserver', the test client's host: list the real host names.")
    return problems


def _example_values(path, name):
    if not path.exists():
        return set()
    pattern = re.compile(rf"^\s*#?\s*{name}\s*=\s*(.*?)\s*$")
    return {match.group(1) for line in path.read_text(encoding="utf-8").splitlines() if (match := pattern.match(line))}
