"""Test support: what the code under test would send to the broker, captured instead of sent.

The root conftest's `broker` fixture installs a `BrokerCapture` for the test: every task's
`delay`/`apply_async` (emails, report jobs, anything) is recorded in order and nothing is published.
A real worker is the `celery_worker` fixture's business, not this one's.
"""

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from celery.app.task import Task
from django.conf import settings
from django.core.mail import EmailMessage

from notifications.tasks import send_email
from reports.tasks import render_report_job


@dataclass(frozen=True)
class Message:
    """One task message: the task's name and the arguments it would be called with."""

    task: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)


class Sent(Sequence):
    """A live list of what has been captured for one task, each message read by `read`.

    It always shows the messages captured so far, and compares equal to a plain list.
    """

    def __init__(self, capture, task, read):
        self._capture, self._task, self._read = capture, task.name, read

    def _items(self):
        return [self._read(message) for message in self._capture.messages if message.task == self._task]

    def __getitem__(self, index):
        return self._items()[index]

    def __len__(self):
        return len(self._items())

    def __eq__(self, other):
        return self._items() == list(other) if isinstance(other, (list, tuple, Sent)) else NotImplemented

    def __repr__(self):
        return repr(self._items())


def _email(message):
    kwargs = message.kwargs
    return EmailMessage(kwargs["subject"], kwargs["body"], settings.DEFAULT_FROM_EMAIL, [kwargs["to"]])


class BrokerCapture:
    """Every task message sent while installed, in order (`messages`), with views of the common ones:

    - `emails`: the emails `notifications.tasks.send_email` would send, as EmailMessage objects
      (`.to`, `.subject`, `.body`), like `mail.outbox`;
    - `report_jobs`: the ReportJob ids `reports.tasks.render_report_job` would render.

    `after_commit()` runs a block and then its on-commit callbacks (where the code publishes), as a
    commit would inside a test transaction. `refuse(error)` makes every later send raise `error`
    (the broker is down) until `accept()`.
    """

    def __init__(self, capture_on_commit_callbacks):
        self.messages = []
        self.emails = Sent(self, send_email, _email)
        self.report_jobs = Sent(self, render_report_job, lambda message: message.args[0])
        self._capture_on_commit_callbacks = capture_on_commit_callbacks
        self._refusal = None

    def install(self, monkeypatch):
        capture = self

        def apply_async(task, args=None, kwargs=None, **options):
            if capture._refusal is not None:
                raise capture._refusal
            capture.messages.append(Message(task.name, tuple(args or ()), dict(kwargs or {}), options))

        # `delay` calls `apply_async`: one patch on the base class covers every task of every app.
        monkeypatch.setattr(Task, "apply_async", apply_async)
        return self

    def sent(self, task):
        """The messages captured for `task` (a task or its name)."""
        name = getattr(task, "name", task)
        return [message for message in self.messages if message.task == name]

    def clear(self):
        self.messages.clear()

    @contextlib.contextmanager
    def after_commit(self):
        with self._capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    def refuse(self, error):
        self._refusal = error

    def accept(self):
        self._refusal = None
