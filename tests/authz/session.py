"""Building the world once per module and requesting every (URL, role, method) in it."""

import logging
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from unittest import mock

from django.db import connection, transaction
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from .runner import Observation, clients_for, request
from .targets import ADMIN_SAMPLES, TARGETS, base_key
from .urls import url_patterns
from .world import build_world


@dataclass
class Matrix:
    world: object
    patterns: list
    observed: dict  # {(key, role, method): Observation}

    def __repr__(self):  # pytest prints fixtures in failures: keep it to one line
        return f"<Matrix of {len(self.observed)} requests>"


ROLES = ("anonymous", "lead_a", "lead_b", "contributor_a", "assessor", "administrator", "no_role")
METHODS = ("GET", "POST")


def is_admin_site(pattern):
    return pattern.namespace == "admin" or pattern.route.startswith("admin/")


def requested_keys(patterns):
    """Every key the matrix requests: each non-admin URL (plus its variants) and the admin samples."""
    keys = []
    for pattern in patterns:
        if is_admin_site(pattern):
            continue
        keys.append(pattern.key)
        keys.extend(key for key in TARGETS if "@" in key and base_key(key) == pattern.key)
    keys.extend(ADMIN_SAMPLES)
    return keys


def url_for(key, world):
    builder = ADMIN_SAMPLES.get(key) or TARGETS.get(key)
    kwargs = builder(world) if builder else {}
    return reverse(base_key(key), kwargs=kwargs or None)


@contextmanager
def built_world(django_db_blocker):
    """The world inside one transaction that is rolled back at the end; files in a temporary MEDIA_ROOT."""
    with ExitStack() as stack:
        media = stack.enter_context(tempfile.TemporaryDirectory(prefix="authz-media-"))
        stack.enter_context(
            override_settings(
                MEDIA_ROOT=media,
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                AXES_ENABLED=False,
                MFA_REQUIRED=False,  # whatever the local .env says: the matrix is about roles, not second factors
                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            )
        )
        # /healthz also asks the broker; the matrix is about who may ask, not whether the broker is up.
        stack.enter_context(mock.patch("common.health.broker_ok", return_value=True))
        stack.enter_context(django_db_blocker.unblock())
        # pytest-django creates the test database only for modules marked django_db: never build in a real one.
        assert "test" in connection.settings_dict["NAME"], "mark the test module with pytest.mark.django_db"
        stack.enter_context(transaction.atomic())
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)


@contextmanager
def _quiet(*names):
    """Hundreds of deliberate 403s and 404s would each log a warning; the observations keep any 500."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def observe_post(world, role, key, data):
    """One POST with a body, as `role`, rolled back like every other request."""
    client = clients_for({} if role == "anonymous" else {role: world.users[role]})[role]
    with _quiet("django.request", "django.security"):
        return request(client, "POST", url_for(key, world), data)


def observe_all(world, keys):
    """{(key, role, method): Observation} for every requested key, role and method."""
    clients = clients_for(world.users)
    observed = {}
    with _quiet("django.request", "django.security"):
        for key in keys:
            try:
                url = url_for(key, world)
            except NoReverseMatch as error:  # reported cell by cell, with the reason
                for role in ROLES:
                    for method in METHODS:
                        observed[(key, role, method)] = Observation(
                            status="no-url", location="", body="", error=str(error)
                        )
                continue
            for role in ROLES:
                for method in METHODS:
                    observed[(key, role, method)] = request(clients[role], method, url)
    return observed


def all_patterns():
    return url_patterns()
