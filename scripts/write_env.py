"""Write a local .env (DEBUG=1 and a fresh secret) if none exists. Never overwrites."""

import secrets
from pathlib import Path

env_file = Path(__file__).resolve().parent.parent / ".env"
if env_file.exists():
    print(".env exists; leaving it as it is")
else:
    env_file.write_text(f"DEBUG=1\nSECRET_KEY={secrets.token_urlsafe(50)}\n", encoding="utf-8")
    print("wrote .env with DEBUG=1 and a generated SECRET_KEY")
