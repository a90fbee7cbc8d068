"""`Authorization: Bearer <token>` (or `Token <token>`): a personal API token acts as its person."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken, hash_secret
from .services import token_touch

KEYWORDS = ("bearer", "token")


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed("Give the token after the word Bearer, with no spaces in it.")
        try:
            secret = parts[1].decode()
        except UnicodeDecodeError as error:
            raise AuthenticationFailed("Invalid token.") from error
        token = ApiToken.objects.usable().select_related("user").filter(key_hash=hash_secret(secret)).first()
        if token is None:
            raise AuthenticationFailed("Invalid, expired or revoked token.")
        token_touch(token)
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to a request without credentials.
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token from Your account"}
