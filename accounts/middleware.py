"""Signed-in sessions: pages never stored by browsers or proxies, and sign-out after a spell of idleness."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from . import access

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
