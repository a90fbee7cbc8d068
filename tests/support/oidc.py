"""A real OpenID Connect provider for the single sign-on tests: node-oidc-provider (package.json) running
tests/support/oidc_provider.mjs on a free port, in its own process, for as long as the `with` block lasts."""

import contextlib
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "tests" / "support" / "oidc_provider.mjs"
CLIENT_ID = "ima-portal"
CLIENT_SECRET = "test-secret"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_provider(*, redirect_uri, accounts):
    """Yields the provider's issuer URL. `accounts`: {login: {"email": ..., "email_verified": ...}}."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").exists():
        raise RuntimeError("node and the npm package oidc-provider (package.json) are needed: run `make install`")
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URI": redirect_uri,
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    # Its warnings (development keys and sign-in form, as wanted here) go to stderr; "ready" comes on stdout.
    process = subprocess.Popen(
        [node, str(SCRIPT)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        line = process.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"the OpenID Connect provider did not start (exit {process.poll()}): {line}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure(settings, issuer):
    """Point IMA Portal's single sign-on (pytest-django's `settings` fixture) at the running provider."""
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{issuer}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "accounts.oidc.OrganisationAccountBackend"]
    settings.AXES_ENABLED = False
    settings.MFA_REQUIRED = False
