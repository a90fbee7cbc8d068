"""Signed-in sessions: pages never stored by browsers or proxies, sign-out after a spell of idleness, and the
second factor asked for before any page."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from . import access, two_factor

LAST_ACTIVITY = "last_activity"
# The time of the last request is saved at most once a minute, not on every request (a session write each).
ACTIVITY_RESOLUTION_SECONDS = 60


def idle_limit_seconds(user):
    """How long this person may leave the service idle before being signed out (0: no limit besides the
    absolute SESSION_COOKIE_AGE). Assessors and administrators see every department, so theirs is shorter."""
    if access.sees_every_department(user):
        return settings.SESSION_IDLE_MINUTES_ASSESSORS_AND_ADMINISTRATORS * 60
    return settings.SESSION_IDLE_MINUTES * 60


class IdleSessionTimeout:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            limit = idle_limit_seconds(user)
            if last is not None and limit and now - last > limit:
                logout(request)
                query = urlencode({"next": request.get_full_path(), "signed_out": "idle"})
                return redirect(f"{reverse('login')}?{query}")
            if last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)


class SignedInPagesNotStored:
    """`Cache-Control: no-store, private` on every response to a signed-in person that does not set its own
    (a shared computer's back button or a proxy must not keep a department's pages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


# Pages a signed-in person may open before giving the second factor: signing in and out, the set-up and
# verify pages themselves, and what those pages need or link to.
BEFORE_SECOND_FACTOR = {
    "login",
    "logout",
    "two_factor_setup",
    "two_factor_verify",
    "healthz",
    "dashboards:level_styles",
    "pages:accessibility",
    "pages:cookies",
    "pages:privacy",
}


class SecondFactorGate:
    """Sends a signed-in person who has not given their second factor to give it (or, where their role
    requires one, to set it up) before any other page, the admin site included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in BEFORE_SECOND_FACTOR:
            return None
        if two_factor.session_has_second_factor(request):
            return _to("two_factor_verify", request)
        if two_factor.is_required(user):
            return _to("two_factor_setup", request)
        return None


def _to(name, request):
    query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
    return redirect(f"{reverse(name)}?{query}" if query else reverse(name))
