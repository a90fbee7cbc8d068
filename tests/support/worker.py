"""Test support: a real Celery worker process bound to the test database and a queue of its own."""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


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


class WorkerProcess:
    """A `celery worker` subprocess. Start, wait until ready, kill (to test crash recovery), stop."""

    def __init__(self, *, queue, filesystem_dir, extra_env=None, concurrency=1):
        self.queue = queue
        self.filesystem_dir = filesystem_dir
        self.extra_env = extra_env or {}
        self.concurrency = concurrency
        self.process = None
        self.log_path = Path(filesystem_dir) / f"worker-{queue}.log"

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
        env.update(self.extra_env)
        return env

    def start(self, timeout=60):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
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
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited early:\n{self.log_path.read_text()[-3000:]}")
            if b" ready." in self.log_path.read_bytes():
                return self
            time.sleep(0.2)
        raise RuntimeError(f"Celery worker not ready in {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def kill(self):
        """SIGKILL the whole process group: the worker dies without acknowledging anything."""
        import signal

        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        import signal

        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
