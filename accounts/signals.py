"""At sign-in, note in the session what every later request checks, so those requests need no query or
session write of their own: when the person was last active, and whether they have a second factor."""

import time

from . import two_factor
from .middleware import LAST_ACTIVITY


def remember_at_sign_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    request.session[LAST_ACTIVITY] = int(time.time())
    request.session[two_factor.SESSION_FLAG] = two_factor.has_second_factor(user)
