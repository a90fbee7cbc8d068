#!/usr/bin/env python
"""IMA Portal benchmark: page times and query counts at two data sizes, and report rendering.

    make bench                      # SQLite scratch database under var/bench/
    DATABASE_URL=postgres://… make bench   # a scratch PostgreSQL database ima_bench_<pid>, dropped after

For each size (small: 20 departments × 3 years; large: 200 × 6) it builds a scratch database
(migrate, load_framework, seed_demo --force), then in a fresh process signs in as the right person
and takes the median time of repeated requests through Django's test client for each main page,
counting that page's queries. On the large database it also times a progress-review PDF: a bare
in-process render (WeasyPrint on the same HTML), end to end (request → a real Celery worker →
file ready and downloaded) and a cached re-download of the same input.

Progress goes to stderr; the last line on stdout is one JSON object:
    {"pages": {"<name>": {"small_ms", "large_ms", "ratio", "small_queries", "large_queries"}},
     "report": {"bare_render_ms", "end_to_end_ms", "ratio", "cached_ms", "cached_ratio"}}
The same object, with the machine and any notes, is written to var/bench/last-run.json.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
SIZES = {"small": (20, 3), "large": (200, 6)}
REPEATS = 15  # timed requests per page (after warm-up)
REPORT_REPEATS = 5
# Children log against the parent's clock, so the progress lines read as one timeline.
STARTED = float(os.environ.get("IMA_BENCH_STARTED", time.time()))


LOAD_AT_START = [round(value, 2) for value in os.getloadavg()]


def log(message):
    print(f"[bench {time.time() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------------
# The parent: scratch databases, seeding, and putting the figures together (no Django imported).


class ScratchDatabase:
    """A database of our own for one run: a SQLite file under var/bench/, or ima_bench_<pid> on PostgreSQL."""

    def __init__(self):
        self.name = f"ima_bench_{os.getpid()}"
        self.base_url = os.environ.get("DATABASE_URL", "")
        self.postgres = self.base_url.startswith(("postgres://", "postgresql://", "pgsql://"))

    @property
    def url(self):
        if self.postgres:
            parts = urlsplit(self.base_url)
            return urlunsplit((parts.scheme, parts.netloc, f"/{self.name}", parts.query, parts.fragment))
        return f"sqlite:///{BENCH_DIR / (self.name + '.sqlite3')}"

    def _admin(self, sql):
        import psycopg2

        parts = urlsplit(self.base_url)
        connection = psycopg2.connect(
            dbname="postgres",
            user=parts.username or None,
            password=parts.password or None,
            host=parts.hostname or None,
            port=parts.port or None,
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def create(self):
        self.drop()
        if self.postgres:
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
        else:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(BENCH_DIR / (self.name + ".sqlite3")) + suffix).unlink(missing_ok=True)

    def analyse(self):
        """Planner statistics, as a live database has them (autovacuum has not run straight after seeding)."""
        if self.postgres:
            import psycopg2

            connection = psycopg2.connect(self.url.replace("pgsql://", "postgres://", 1))
            connection.autocommit = True
            try:
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            finally:
                connection.close()

    def describe(self):
        return "PostgreSQL" if self.postgres else "SQLite"


def child_env(database, run_dir):
    env = os.environ.copy()
    env.update(
        {
            "DATABASE_URL": database.url,
            "DJANGO_SETTINGS_MODULE": "ima_portal.settings",
            # Measured as deployed: DEBUG off (no debug cursor, no template debug info).
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "AXES_ENABLED": "0",
            "MFA_REQUIRED": "0",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(run_dir / "media"),
            "CELERY_FILESYSTEM_DIR": str(run_dir / "celery"),
            "CELERY_QUEUE": f"ima-bench-{os.getpid()}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PYTHONUNBUFFERED": "1",
            "IMA_BENCH_STARTED": str(STARTED),
        }
    )
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    return env


def manage(env, *args):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    log(f"manage.py {' '.join(args)} ({time.monotonic() - started:.1f}s) {result.stdout.strip()[-160:]}".rstrip())


def measure_in_child(env, *flags):
    """Run this script in measuring mode in a fresh process; it prints one JSON line last."""
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *flags],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None,  # its progress goes straight to our stderr
        text=True,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"measuring {' '.join(flags)} failed (exit {result.returncode})")
    return json.loads(result.stdout.strip().splitlines()[-1])


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 2)


def machine():
    cpus = os.cpu_count()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kilobytes / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        # Other work on the machine moves the medians: recorded so a noisy run can be recognised.
        "load_average_at_start": LOAD_AT_START,
        "load_average_at_end": [round(value, 2) for value in os.getloadavg()],
        "cpus": cpus,
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def run_parent(arguments):
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = BENCH_DIR / f"run-{os.getpid()}"
    database = ScratchDatabase()
    log(f"scratch {database.describe()} database {database.name}; sizes {SIZES}; load average {LOAD_AT_START}")
    results, notes, report = {}, [], None
    try:
        for size, (departments, years) in SIZES.items():
            if arguments.only and size not in arguments.only:
                continue
            shutil.rmtree(run_dir, ignore_errors=True)
            for folder in ("media", "celery/queue", "celery/control"):
                (run_dir / folder).mkdir(parents=True, exist_ok=True)
            env = child_env(database, run_dir)
            database.create()
            log(f"{size}: building {departments} departments × {years} years")
            manage(env, "migrate", "--no-input", "-v", "0")
            manage(env, "load_framework")
            manage(env, "seed_demo", "--departments", str(departments), "--years", str(years), "--force")
            database.analyse()
            measured = measure_in_child(env, "--measure-pages", size)
            results[size] = measured["pages"]
            notes.extend(measured.get("notes", []))
            if size == "large" and not arguments.skip_report:
                measured = measure_in_child(env, "--measure-report")
                report = measured["report"]
                notes.extend(measured.get("notes", []))
            database.drop()
    finally:
        database.drop()
        shutil.rmtree(run_dir, ignore_errors=True)

    pages = {}
    names = list(dict.fromkeys([*results.get("small", {}), *results.get("large", {})]))
    for name in names:
        small, large = results.get("small", {}).get(name, {}), results.get("large", {}).get(name, {})
        pages[name] = {
            "small_ms": small.get("ms"),
            "large_ms": large.get("ms"),
            "ratio": ratio(large.get("ms"), small.get("ms")),
            "small_queries": small.get("queries"),
            "large_queries": large.get("queries"),
        }
    if report is None:
        report = dict.fromkeys(("bare_render_ms", "end_to_end_ms", "ratio", "cached_ms", "cached_ratio"))
        notes.append("report: not measured (skipped, or the large size was not run)")
    summary = {"pages": pages, "report": report}
    details = {
        **summary,
        "machine": machine(),
        "database": database.describe(),
        "notes": notes,
        "seconds": round(time.time() - STARTED, 1),
    }
    (BENCH_DIR / "last-run.json").write_text(json.dumps(details, indent=2) + "\n")
    for note in notes:
        log(f"note: {note}")
    log(f"finished in {details['seconds']}s; details in {BENCH_DIR / 'last-run.json'}")
    print(json.dumps(summary))


# ----------------------------------------------------------------------------------------------
# The children: Django set up against the scratch database.


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1].startswith("--measure"):
    setup_django()
    from bench import measure  # needs Django set up first

    if sys.argv[1] == "--measure-pages":
        print(json.dumps(measure.pages(size=sys.argv[2], repeats=REPEATS, log=log)))
    else:
        print(json.dumps(measure.report(repeats=REPORT_REPEATS, log=log)))
    sys.exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", choices=list(SIZES), help="Run only this size (repeatable).")
    parser.add_argument("--skip-report", action="store_true", help="Leave out the report timings.")
    run_parent(parser.parse_args())


if __name__ == "__main__":
    main()
