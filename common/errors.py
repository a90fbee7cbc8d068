"""The one exception a service raises when it refuses an operation, and what a view makes of it.

    raise ServiceError(RETURN_NEEDS_COMMENT, field="comment")   # shown on the form, beside the field
    raise NotAllowed(ONLY_ASSESSORS_PUBLISH)                     # a 403 page: this person may never do it
    raise StaleVersion(message, current=row, changed_by=..., changed_at=...)

The rule, the same in every app: a refusal the person can put right (a missing comment, the wrong
state, a stale page) is a GOV.UK error on the form they sent, with what they typed kept; a refusal
because of who they are is a 403 page. Things outside a person's scope are 404s before any service
runs (accounts/access.py). `common.requests.run_service` turns a ServiceError into the form error;
NotAllowed is a PermissionDenied too, so Django shows the 403 page wherever it is raised.
"""

from django.core.exceptions import PermissionDenied


class ServiceError(Exception):
    """A refused operation, with a message written for the person using the page."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(ServiceError, PermissionDenied):
    """Refused because of who the person is (their role), not because of anything they typed."""


class StaleVersion(ServiceError):
    """Somebody saved a newer version while this person was editing; nothing was overwritten."""

    def __init__(self, message, *, current, changed_by, changed_at, version=None):
        super().__init__(message)
        self.current = current
        self.changed_by = changed_by
        self.changed_at = changed_at
        # The version the next save must be based on: `current.version` unless the record keeps several.
        self.version = current.version if version is None else version
