"""Test support: a broker that accepts connections and never answers, and the Celery app pointed at it.

A refused connection fails at once; a broker behind a stuck proxy, a full accept queue or a frozen
process takes the connection and then says nothing, and every read waits for as long as its socket
timeout allows. The root conftest's `hung_broker` fixture points the real Celery app at one for the
test (its URL, nothing else: the transport options from settings stay as production has them) and
puts everything back afterwards.
"""

import contextlib
import socket
import threading
import time

from ima_portal.celery import app as celery_app
from ima_portal.celery import reset_broker_connections


class HungBroker:
    """A TCP server thread on a free loopback port: it accepts every connection and never sends a byte."""

    def __init__(self):
        self._server = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self._server.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.connections = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="hung-broker", daemon=True)

    def _accept(self):
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:  # the server socket was closed: the test is over
                return
            with self._lock:
                self.connections.append(connection)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        # Closing every connection ends any read still waiting on it, so no thread outlives the test.
        self._server.close()
        with self._lock:
            for connection in self.connections:
                connection.close()
        self._thread.join(timeout=5)


@contextlib.contextmanager
def celery_app_broker(url, monkeypatch):
    """The real Celery app publishes to `url` inside the block (fresh connections), and to its own broker after."""
    # Celery lets a CELERY_BROKER_URL environment variable (CI's Redis) win over the app's configuration.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = url
    reset_broker_connections()
    try:
        yield celery_app
    finally:
        celery_app.conf.broker_url = previous
        reset_broker_connections()


def finish_together(seconds, *calls):
    """Run each call in a thread of its own, all at once, and return their results in order; fail the test
    if any is still running after `seconds` (a hang then fails the test instead of holding the suite).
    """
    outcomes = [{} for _ in calls]

    def run(call, outcome):
        try:
            outcome["result"] = call()
        except BaseException as error:  # noqa: BLE001 - handed back to the test below
            outcome["error"] = error

    threads = [threading.Thread(target=run, args=pair, daemon=True) for pair in zip(calls, outcomes, strict=True)]
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(deadline - time.monotonic(), 0))
    waiting = sum(thread.is_alive() for thread in threads)
    assert not waiting, f"{waiting} of {len(calls)} still waiting after {seconds} s"
    for outcome in outcomes:
        if "error" in outcome:
            raise outcome["error"]
    return [outcome["result"] for outcome in outcomes]
