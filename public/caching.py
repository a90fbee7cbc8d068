"""Public pages are cacheable: `Cache-Control: public, max-age` and an ETag that changes on every release or withdrawal.

The ETag is `selectors.public_version()`: a conditional request whose ETag still matches gets 304 without
rendering; one made after a publish or a withdrawal gets the new page. A signed-in visitor's response is
left to accounts.middleware.SignedInPagesNotStored (private, no-store): it carries their account bar.
"""

from functools import wraps

from django.http import HttpResponseNotModified

from .selectors import public_version

MAX_AGE_SECONDS = 300


def _etag():
    return f'"{public_version()}"'


def public_page(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        etag = _etag()
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}"}
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
        else:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
        for name, value in headers.items():
            response[name] = value
        return response

    return wrapped
