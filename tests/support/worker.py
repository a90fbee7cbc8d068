"""Test support: a broker queue of the test's own, and real Celery worker processes consuming it.

The root conftest turns these into the `private_queue` and `celery_worker` fixtures; use those.
"""

import contextlib
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

from ima_portal.celery import app as celery_app
from ima_portal.celery import reset_broker_connections

from .waiting import wait_until

BASE_DIR = Path(settings.BASE_DIR)
READY_SECONDS = 60


def database_url(settings_dict):
    engine = settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    if "postgresql" in engine:
        credentials = settings_dict.get("USER") or ""
        if settings_dict.get("PASSWORD"):
            credentials += f":{settings_dict['PASSWORD']}"
        host = settings_dict.get("HOST") or "localhost"
        port = settings_dict.get("PORT") or 5432
        at = "@" if credentials else ""
        return f"postgres://{credentials}{at}{host}:{port}/{settings_dict['NAME']}"
    raise RuntimeError(f"No worker database URL for engine {engine}")


class PrivateQueue:
    """While entered, every task this process sends goes to a queue no other test or worker uses.

    With the filesystem broker the queue also lives in folders of its own (under `folder`), so
    nothing reaches the development queue in var/celery.
    """

    def __init__(self, folder, *, prefix="ima-test"):
        self.folder = Path(folder)
        self.name = f"{prefix}-{uuid.uuid4().hex[:8]}"
        self._previous = None

    def __enter__(self):
        for name in ("queue", "control"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        self._previous = (celery_app.conf.task_default_queue, celery_app.conf.broker_transport_options)
        celery_app.conf.task_default_queue = self.name
        if celery_app.conf.broker_url.startswith("filesystem://"):
            celery_app.conf.broker_transport_options = {
                "data_folder_in": str(self.folder / "queue"),
                "data_folder_out": str(self.folder / "queue"),
                "control_folder": str(self.folder / "control"),
                "store_processed": False,
            }
        reset_broker_connections()  # connections made before now carry the old transport options
        return self

    def __exit__(self, *exc_info):
        celery_app.conf.task_default_queue, celery_app.conf.broker_transport_options = self._previous
        reset_broker_connections()


class WorkerProcess:
    """A `celery worker` subprocess consuming `queue`: start, kill (a crash), start again, pause, stop.

    With `email_dir`, the emails it sends are files there (`emails()` reads them). `log()` is
    everything it printed, across restarts (its log files are kept in `filesystem_dir`).
    """

    def __init__(self, *, queue, filesystem_dir, extra_env=None, concurrency=1, email_dir=None):
        self.queue = queue
        self.filesystem_dir = Path(filesystem_dir)
        self.extra_env = {key: str(value) for key, value in (extra_env or {}).items()}
        self.concurrency = concurrency
        self.email_dir = Path(email_dir) if email_dir else None
        self.process = None
        self.log_paths = []

    def env(self):
        env = os.environ.copy()
        env.update(
            {
                "DATABASE_URL": database_url(connection.settings_dict),
                "CELERY_QUEUE": self.queue,
                "CELERY_FILESYSTEM_DIR": str(self.filesystem_dir),
                "DJANGO_SETTINGS_MODULE": "ima_portal.settings",
                "PYTHONUNBUFFERED": "1",
            }
        )
        if self.email_dir:
            env.update(
                {
                    "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                    "EMAIL_FILE_PATH": str(self.email_dir),
                }
            )
        env.update(self.extra_env)
        return env

    @property
    def log_path(self):
        return self.log_paths[-1]

    def start(self, **settings_env):
        """Start the worker (again, after `kill`/`stop`), with these settings as environment variables, and wait
        until it is ready. Settings given to an earlier start carry over unless given again."""
        assert not self.running, "the worker is already running"
        self.extra_env.update({key: str(value) for key, value in settings_env.items()})
        self.filesystem_dir.mkdir(parents=True, exist_ok=True)
        self.log_paths.append(self.filesystem_dir / f"worker-{self.queue}-{len(self.log_paths)}.log")
        log = open(self.log_path, "ab")  # noqa: SIM115 - kept open for the process's life
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "ima_portal",
                "worker",
                "-Q",
                self.queue,
                "--concurrency",
                str(self.concurrency),
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=BASE_DIR,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()  # the child has its own copy

        def ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited early:\n{self.log()[-3000:]}")
            return b" ready." in self.log_path.read_bytes()

        wait_until(ready, timeout=READY_SECONDS, interval=0.2, message=lambda: self.log()[-3000:])
        return self

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        """SIGKILL the whole process group: the worker dies without acknowledging or finishing anything."""
        if self.running:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        """At the end of a test nothing is left to finish: the process group goes at once (a warm shutdown takes
        seconds, and a cold one too), like `kill`."""
        self.kill()

    @contextlib.contextmanager
    def paused(self):
        """Freeze the worker's process group (SIGSTOP) for the block; it carries on where it stopped."""
        os.killpg(self.process.pid, signal.SIGSTOP)
        try:
            yield self
        finally:
            os.killpg(self.process.pid, signal.SIGCONT)

    def wait_until(self, predicate, *, timeout=60, interval=0.1):
        """`wait_until`, failing with the end of this worker's log."""
        return wait_until(predicate, timeout=timeout, interval=interval, message=lambda: self.log()[-3000:])

    def emails(self):
        """The text of every email the worker has finished sending (one file each, in the order sent).

        Django's file backend ends each message with a line of 79 dashes: a file without it is still being
        written (a loaded machine shows the gap), so it is not an email yet.
        """
        if not (self.email_dir and self.email_dir.exists()):
            return []
        paths = sorted(self.email_dir.glob("*.log"), key=lambda path: path.stat().st_mtime)
        texts = [path.read_text() for path in paths]
        return [text for text in texts if text.rstrip("\n").endswith("-" * 79)]

    def log(self):
        return "".join(path.read_text(errors="replace") for path in self.log_paths if path.exists())
