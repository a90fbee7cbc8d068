"""Making and revoking personal API tokens (the only writes of the api app)."""

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError

from .models import ApiToken, hash_secret

TOKEN_PREFIX = "ima_"
DEFAULT_DAYS = 90
MAX_DAYS = 366


def token_create(*, user, name, days=DEFAULT_DAYS):
    """A new token for `user`: returns (token, secret). The secret is never stored: show it once."""
    name = (name or "").strip()
    if not name:
        raise ServiceError("Enter a name for the token")
    if not 1 <= days <= MAX_DAYS:
        raise ServiceError(f"A token lasts between 1 and {MAX_DAYS} days")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        key_hash=hash_secret(secret),
        created_at=now,
        expires_at=now + datetime.timedelta(days=days),
    )
    return token, secret


@transaction.atomic
def token_revoke(*, token, by):
    """Revokes `token` (its own person only); revoking twice is refused."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != by.pk:
        raise ServiceError("You can only revoke your own tokens")
    if token.revoked_at is not None:
        raise ServiceError("This token is already revoked")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


def token_touch(token, *, every_seconds=60):
    """Records that the token was used (at most one write a minute per token)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= every_seconds:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
