"""What the hardening tests check on every response, and the probe run under production settings."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def csp_problems(header):
    if not header:
        return ["no Content-Security-Policy header"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    problems = []
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src"))
        if sources is None:
            problems.append(f"{name} missing")
        elif {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(sources):
            problems.append(f"{name} allows {sources}")
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append("frame-ancestors is not 'none'")
    if directives.get("default-src") != ["'self'"]:
        problems.append("default-src is not 'self'")
    return problems


def header_problems(response, signed_in=False):
    problems = csp_problems(response.get("Content-Security-Policy"))
    for name, value in SECURITY_HEADERS.items():
        if response.get(name) != value:
            problems.append(f"{name} is {response.get(name)!r}")
    # A signed-in person's pages are never kept by the browser (back button) or a proxy.
    if signed_in and "no-store" not in response.get("Cache-Control", ""):
        problems.append(f"Cache-Control is {response.get('Cache-Control')!r} for a signed-in person")
    return problems


# Run by `manage.py shell -c` with DEBUG=0: the settings and headers production would use.
PROBE = """
import json
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="ima-portal.example.gov.uk")
plain = client.get("/accounts/login/")
secure = client.get("/accounts/login/", secure=True)
cookie = secure.cookies["csrftoken"]
names = ["DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
         "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_PROXY_SSL_HEADER"]
print(json.dumps({
    "settings": {name: getattr(settings, name) for name in names},
    "plain": [plain.status_code, plain.get("Location")],
    "secure": secure.status_code,
    "hsts": secure.get("Strict-Transport-Security"),
    "csrf_cookie_secure": bool(cookie["secure"]),
    "csrf_cookie_samesite": cookie["samesite"],
}))
"""
