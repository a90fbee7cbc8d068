"""Requesting a URL as someone, undoing whatever the request changed, and recording what came back."""

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

# Anonymous requests to pages that need a sign-in are expected to be sent here (shown as these words).
LOGIN = "login"
ADMIN_LOGIN = "admin-login"

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["`]?(\w+)', re.IGNORECASE)
# Signing in and flash messages write the session; that is bookkeeping, not a change of the service's data.
_BOOKKEEPING_TABLES = {"django_session"}


@dataclass
class Observation:
    status: object  # an HTTP status code, or LOGIN / ADMIN_LOGIN for a redirect to a sign-in page
    location: str
    body: str
    writes: list = field(default_factory=list)  # tables written to (outside bookkeeping)
    error: str = ""


def _recorder(writes):
    def record(execute, sql, params, many, context):
        match = _WRITE.match(sql)
        if match and match.group(1) not in _BOOKKEEPING_TABLES:
            writes.append(match.group(1))
        return execute(sql, params, many, context)

    return record


def body_text(response):
    """The response as text: HTML, CSV, JSON as they are; an .xlsx workbook as its XML parts."""
    # Consuming streaming_content closes the response the way the test client expects; closing it here
    # would fire request_finished with Django's connection cleanup and close the database mid-test.
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            return " ".join(
                workbook.read(name).decode("utf-8", "replace") for name in workbook.namelist() if name.endswith(".xml")
            )
    return data.decode("utf-8", "replace")


def _status(response):
    if response.status_code == 302:
        path = response["Location"].split("?")[0]
        if path == reverse("login"):
            return LOGIN
        if path == reverse("admin:login"):
            return ADMIN_LOGIN
    return response.status_code


def clients_for(users):
    """{role: Client}, anonymous included; a view's exception becomes a 500 to record, not a crash."""
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients[role] = client
    return clients


def request(client, method, url, data=None):
    """One request, rolled back afterwards (with the client's cookies), so each cell sees the same world."""
    cookies = copy.deepcopy(client.cookies)
    writes = []
    with connection.execute_wrapper(_recorder(writes)), transaction.atomic():
        response = client.post(url, data or {}) if method == "POST" else client.get(url)
        body = body_text(response)
        transaction.set_rollback(True)
    client.cookies = cookies
    error = ""
    if getattr(response, "exc_info", None):
        error = f"{response.exc_info[0].__name__}: {response.exc_info[1]}"
    return Observation(
        status=_status(response),
        location=response.get("Location", ""),
        body=body,
        writes=sorted(set(writes)),
        error=error,
    )
