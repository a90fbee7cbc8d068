"""Who django-axes counts failed sign-ins against: the account, whatever its capitalisation, and the
person's address, also when the service runs behind reverse proxies."""

from django.conf import settings


def axes_username(request, credentials):
    """The email address as the account knows it: sign-in ignores case, so the lock-out must too.

    Without this axes looked for the User model's field name ("email") in the credentials, found
    nothing (the sign-in form's field is "username"), and never locked an account, only an address.
    """
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return (value or "").strip().lower() or None


def client_ip(request):
    """The address of the person signing in.

    Behind a reverse proxy REMOTE_ADDR is the proxy, so five failures by anybody would lock everybody
    out. With TRUSTED_PROXY_COUNT proxies in front, each appending the address it saw to
    X-Forwarded-For, the person is that many entries from the right; entries further left are
    whatever the client sent and are not trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
