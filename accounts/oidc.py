"""Single sign-on with the department's identity provider (OpenID Connect, mozilla-django-oidc).

On when OIDC_RP_CLIENT_ID is set (settings.OIDC_ENABLED). A person is matched to their existing account by a
verified email address; nobody is created (no self-registration): an unknown person is told to ask their
administrator. Roles and departments stay in the service: the provider only says who the person is.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

UNKNOWN_PERSON = (
    "There is no IMA Portal account for the email address your organisation gave us. "
    "Ask your administrator to add you, then sign in again."
)
UNVERIFIED_EMAIL = (
    "Your organisation did not confirm your email address, so we cannot sign you in with it. "
    "Ask your administrator, or sign in with your email address and password."
)


class OrganisationAccountBackend(OIDCAuthenticationBackend):
    """Matches the provider's verified email address to an active account; never creates one."""

    def filter_users_by_claims(self, claims):
        users = get_user_model().objects.none()
        email = (claims.get("email") or "").strip()
        if settings.OIDC_REQUIRE_VERIFIED_EMAIL and claims.get("email_verified") is not True:
            self._refuse(UNVERIFIED_EMAIL)
            return users
        if email:
            users = get_user_model().objects.filter(email__iexact=email, is_active=True)
        if not users.exists():
            self._refuse(UNKNOWN_PERSON)
        return users

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is off; a second lock on the door
        return None

    def update_user(self, user, claims):
        return user  # names, roles and departments are kept in the service, not taken from the provider

    def _refuse(self, message):
        request = getattr(self, "request", None)
        if request is not None:
            messages.error(request, message)


def _configured(view):
    def wrapped(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404("Single sign-on is not set up")
        return view(request, *args, **kwargs)

    return wrapped


authentication_init = _configured(OIDCAuthenticationRequestView.as_view())
authentication_callback = _configured(OIDCAuthenticationCallbackView.as_view())
