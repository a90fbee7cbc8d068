"""Write a local .env (DEBUG=1, a fresh secret, two-factor not required) if none exists. Never overwrites."""

import secrets
from pathlib import Path

env_file = Path(__file__).resolve().parent.parent / ".env"
if env_file.exists():
    print(".env exists; leaving it as it is")
else:
    # MFA_REQUIRED=0: the demo sign-ins in the README work without an authenticator app.
    env_file.write_text(f"DEBUG=1\nSECRET_KEY={secrets.token_urlsafe(50)}\nMFA_REQUIRED=0\n", encoding="utf-8")
    print("wrote .env with DEBUG=1, a generated SECRET_KEY and MFA_REQUIRED=0")
