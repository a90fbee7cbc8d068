"""How sign-in and password-reset attempts are throttled (docs/security.md, "Sign-in throttling").

django-axes records each failed sign-in against (account, address, browser). Our handler reads those
records three ways:

- per account and address: SIGN_IN_FAILURE_LIMIT failures lock that account *from that address* for
  the cool-off time, so one person's mistakes or one attacker's guesses do not lock the owner out
  elsewhere;
- per account, from every address: SIGN_IN_ACCOUNT_FAILURE_LIMIT (far higher) locks the account
  everywhere, which stops guessing spread over many addresses;
- per address, across accounts: past SIGN_IN_ADDRESS_SLOW_AFTER failures an address may try only once
  every SIGN_IN_ADDRESS_DELAY_SECONDS. It slows, never locks, because a whole department can sit
  behind one gateway.

A successful sign-in clears only the failures of the account signed in to (every entry of
AXES_LOCKOUT_PARAMETERS names the account), so signing in to one's own account cannot wipe the count
of guesses at someone else's.
A completed password reset clears the account's failures too.
"""

from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q, Sum
from django.utils import timezone

from .models import PasswordResetRequest


def axes_username(request, credentials):
    """The email address as the account knows it: sign-in ignores case, so the lock-out must too.

    Without this axes looked for the User model's field name ("email") in the credentials, found
    nothing (the sign-in form's field is "username"), and never locked an account, only an address.
    """
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return account_key(value)


def account_key(email):
    """The account an email address names, however it was typed (the key of every count here)."""
    return (email or "").strip().lower() or None


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


class AccountThrottle(AxesDatabaseHandler):
    """axes' database handler with the two per-account limits above.

    axes compares one number with one limit (AXES_FAILURE_LIMIT, our per account-and-address limit), so
    an account past its limit from every address reports at least that limit wherever it is tried.
    """

    def get_failures(self, request, credentials=None):
        username = get_client_username(request, credentials)
        if not username:
            return 0
        counts = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        ).aggregate(
            everywhere=Sum("failures_since_start"),
            from_here=Sum("failures_since_start", filter=Q(ip_address=request.axes_ip_address)),
        )
        from_here = counts["from_here"] or 0
        if (counts["everywhere"] or 0) >= settings.SIGN_IN_ACCOUNT_FAILURE_LIMIT:
            return max(from_here, settings.AXES_FAILURE_LIMIT)
        return from_here


def address_wait_seconds(request):
    """Seconds this address must wait before its next sign-in attempt: 0 unless it has failed more than
    SIGN_IN_ADDRESS_SLOW_AFTER times, across all accounts, within the cool-off time."""
    if not settings.AXES_ENABLED:
        return 0
    address = client_ip(request)
    now = timezone.now()
    recent = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=now - get_cool_off()).aggregate(
        failures=Sum("failures_since_start"), latest=Max("attempt_time")
    )
    if (recent["failures"] or 0) < settings.SIGN_IN_ADDRESS_SLOW_AFTER:
        return 0
    waited = (now - recent["latest"]).total_seconds()
    return max(0, int(settings.SIGN_IN_ADDRESS_DELAY_SECONDS - waited + 0.999))


def clear_account_failures(email):
    """Forget an account's failed sign-ins, from every address (after a completed password reset)."""
    AccessAttempt.objects.filter(username=account_key(email)).delete()


def record_password_reset_request(email, request):
    """Record a reset request and say whether an email may be sent for it.

    Returns "address" when the address has asked too often (the page says so), "account" when the
    account has (the page looks the same as when the email is sent, so it never reveals whether an
    address has an account), or None when the email may go.
    """
    now = timezone.now()
    hour_ago = now - timedelta(hours=1)
    PasswordResetRequest.objects.filter(requested_at__lt=now - timedelta(days=1)).delete()
    address = client_ip(request)
    email = account_key(email) or ""
    if PasswordResetRequest.objects.filter(address=address, requested_at__gte=hour_ago).count() >= (
        settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR
    ):
        return "address"
    earlier = PasswordResetRequest.objects.filter(email=email, requested_at__gte=hour_ago).count()
    PasswordResetRequest.objects.create(email=email, address=address, requested_at=now)
    if earlier >= settings.PASSWORD_RESET_PER_ACCOUNT_PER_HOUR:
        return "account"
    return None
