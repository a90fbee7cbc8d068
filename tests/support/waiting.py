"""The one way a test waits for something another process does: poll a condition until it holds.

Never sleep a fixed time to prove that something did NOT happen: make it happen-or-not before a
marker you can wait for (e.g. a task queued after it on a worker that works in order), then assert.
"""

import time


def wait_until(predicate, *, timeout=30, interval=0.1, message=None):
    """Call `predicate()` every `interval` seconds until it returns something truthy, and return that.

    After `timeout` seconds, fail with `message` (a string, or a callable giving one — e.g. a worker's log,
    read only then).
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            detail = message() if callable(message) else message
            name = getattr(predicate, "__name__", repr(predicate))
            raise AssertionError(f"not true after {timeout}s: {name}" + (f"\n{detail}" if detail else ""))
        time.sleep(interval)
