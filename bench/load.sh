#!/usr/bin/env bash
# Load test (not a test in the suite): gunicorn with production settings on loopback, signed in as the
# assessor, `wrk` against the main pages, then against a minimal page of the same app for the ratio.
#
#   bench/load.sh                                   # scratch SQLite database seeded with seed_demo --force
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres bench/load.sh
#                                                   # scratch database ima_load_<pid> on that server, dropped after
#
# Environment: LOAD_PORT (8108), LOAD_SECONDS per page (10), LOAD_CONNECTIONS (4), LOAD_THREADS (2),
# LOAD_WORKERS gunicorn workers (2), LOAD_GOAL_PERCENT (40). Prints requests/s, latency percentiles and
# errors (non-2xx/3xx and socket errors) per page, then a summary; writes the figures as JSON to
# var/bench/load-last-run.json. Exits 1 when a page had errors or fell below the goal.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
PORT="${LOAD_PORT:-8108}"
SECONDS_PER_PAGE="${LOAD_SECONDS:-10}"
CONNECTIONS="${LOAD_CONNECTIONS:-4}"
THREADS="${LOAD_THREADS:-2}"
WORKERS="${LOAD_WORKERS:-2}"
GOAL="${LOAD_GOAL_PERCENT:-40}"
BASE="http://127.0.0.1:${PORT}"
PASSWORD="load-test-$(date +%s)-$$"

log() { printf '[load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if (echo >"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
  log "port ${PORT} is in use: set LOAD_PORT to a free port"; exit 2
fi

SCRATCH="$(mktemp -d /tmp/ima-load.XXXXXX)"
SCRATCH_DB="ima_load_$$"
GUNICORN_PID=""

pg_admin() {  # run one statement against the server's "postgres" database
  "$PY" - "$1" <<'EOF'
import os, sys
from urllib.parse import urlsplit
import psycopg2
parts = urlsplit(os.environ["BASE_DATABASE_URL"])
connection = psycopg2.connect(dbname="postgres", user=parts.username or None, password=parts.password or None,
                              host=parts.hostname or None, port=parts.port or None)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute(sys.argv[1])
connection.close()
EOF
}

cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$GUNICORN_PID" ]] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  if [[ -n "${BASE_DATABASE_URL:-}" ]]; then
    pg_admin "DROP DATABASE IF EXISTS \"${SCRATCH_DB}\"" || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT INT TERM

# Production settings, nothing read from the developer's .env; HTTPS redirect off because there is no proxy.
export DJANGO_READ_DOT_ENV_FILE=0 DEBUG=0 SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1 LOG_LEVEL=WARNING
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend MFA_REQUIRED=0
export SECRET_KEY="load-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-secret-key-for-this-run-only"
export STATIC_ROOT="$SCRATCH/static" MEDIA_ROOT="$SCRATCH/media" CELERY_FILESYSTEM_DIR="$SCRATCH/celery"
export DEMO_PASSWORD="$PASSWORD"
if [[ -n "${DATABASE_URL:-}" ]]; then
  export BASE_DATABASE_URL="$DATABASE_URL"
  DATABASE_URL="$("$PY" -c 'import sys; from urllib.parse import urlsplit, urlunsplit; p = urlsplit(sys.argv[1]); print(urlunsplit((p.scheme, p.netloc, "/" + sys.argv[2], p.query, "")))' "$DATABASE_URL" "$SCRATCH_DB")"
  pg_admin "DROP DATABASE IF EXISTS \"${SCRATCH_DB}\""
  pg_admin "CREATE DATABASE \"${SCRATCH_DB}\""
  DB_LABEL="PostgreSQL (scratch database ${SCRATCH_DB})"
else
  DATABASE_URL="sqlite:///${SCRATCH}/load.sqlite3"
  DB_LABEL="SQLite (scratch file)"
fi
export DATABASE_URL

log "database: ${DB_LABEL}; migrating and seeding demo data"
"$PY" manage.py migrate --no-input -v 0
"$PY" manage.py load_framework >/dev/null
"$PY" manage.py seed_demo --force >/dev/null
"$PY" manage.py collectstatic --no-input -v 0

# The pages' ids: the assessor's view of the Department for Education's latest published assessment and plan.
IDS="$("$PY" manage.py shell -v 0 -c '
from actionplans.models import ActionPlan
from assessments.models import Assessment
assessment = Assessment.objects.filter(department__slug="education", status="published").order_by("-year").first()
plan = ActionPlan.objects.filter(assessment__department__slug="education").order_by("-assessment__year").first()
print(assessment.pk, plan.pk)' | tail -n1)"
read -r ASSESSMENT_ID PLAN_ID <<<"$IDS"

log "starting gunicorn (${WORKERS} workers) on ${BASE}"
"$ROOT/.venv/bin/gunicorn" ima_portal.wsgi:application --bind "127.0.0.1:${PORT}" --workers "$WORKERS" \
  --log-level warning --pid "$SCRATCH/gunicorn.pid" &
GUNICORN_PID=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "${BASE}/healthz" 2>/dev/null && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || { log "gunicorn did not start"; exit 1; }
  sleep 0.2
done

# Sign in as curl would: the cookies are Secure, so curl's jar would not send them over http; pass them by hand.
sign_in() {
  local email="$1" headers csrftoken session
  headers="$(curl -fsS -D - -o /dev/null "${BASE}/accounts/login/")"
  csrftoken="$(sed -n 's/^[Ss]et-[Cc]ookie: csrftoken=\([^;]*\).*/\1/p' <<<"$headers" | tr -d '\r')"
  headers="$(curl -sS -D - -o /dev/null -H "Cookie: csrftoken=${csrftoken}" \
    --data-urlencode "csrfmiddlewaretoken=${csrftoken}" --data-urlencode "username=${email}" \
    --data-urlencode "password=${PASSWORD}" "${BASE}/accounts/login/")"
  session="$(sed -n 's/^[Ss]et-[Cc]ookie: sessionid=\([^;]*\).*/\1/p' <<<"$headers" | tr -d '\r')"
  [[ -n "$session" ]] || { log "signing in as ${email} failed"; exit 1; }
  echo "sessionid=${session}; csrftoken=${csrftoken}"
}
COOKIE="$(sign_in assessor@example.gov.uk)"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: ${COOKIE}" "${BASE}/dashboards/")"
[[ "$status" == 200 ]] || { log "signed-in check failed: /dashboards/ answered ${status}"; exit 1; }

PAGES=(
  "home /"
  "assessment_list /assessments/"
  "assessment_page /assessments/${ASSESSMENT_ID}/"
  "action_plan_page /action-plans/plans/${PLAN_ID}/"
  "assessor_dashboard /dashboards/"
  "network_page /network/"
)
MINIMAL="/help/cookies/"
RESULTS="$SCRATCH/results.txt"
: >"$RESULTS"
run_wrk() {  # name path
  curl -fsS -o /dev/null -H "Cookie: ${COOKIE}" "${BASE}$2"  # warm the workers
  log "wrk $1 $2 (${SECONDS_PER_PAGE}s, ${CONNECTIONS} connections)"
  echo "=== $1 $2" >>"$RESULTS"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency -H "Cookie: ${COOKIE}" "${BASE}$2" >>"$RESULTS"
}
# The minimal page runs before the first page and after each one: every page is compared with the
# minimal runs either side of it, so a neighbour's burst of load on a shared machine skews both alike.
run_wrk minimal_0 "$MINIMAL"
index=0
for entry in "${PAGES[@]}"; do
  read -r name path <<<"$entry"
  run_wrk "$name" "$path"
  index=$((index + 1))
  run_wrk "minimal_${index}" "$MINIMAL"
done

"$PY" - "$RESULTS" "$GOAL" "$DB_LABEL" "$WORKERS" "$CONNECTIONS" "$SECONDS_PER_PAGE" <<'EOF'
import json, os, platform, re, sys, time
results, goal, database, workers, connections, seconds = sys.argv[1:]
goal = float(goal)


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


runs = []
for block in open(results).read().split("=== ")[1:]:
    header, body = block.split("\n", 1)
    name, path = header.split()
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", body, re.M))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", body)
    runs.append((name, {
        "path": path,
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", body).group(1)),
        "requests": int(re.search(r"(\d+) requests in", body).group(1)),
        "latency_ms": {f"p{p}": round(milliseconds(v), 2) for p, v in percentiles.items()},
        "non_2xx_3xx": int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", body)) else 0,
        "socket_errors": sum(map(int, socket.groups())) if socket else 0,
    }))
minimal_runs = [run for name, run in runs if name.startswith("minimal_")]
pages = {}
for position, (name, page) in enumerate(runs):
    if name.startswith("minimal_"):
        continue
    reference = (runs[position - 1][1]["requests_per_second"] + runs[position + 1][1]["requests_per_second"]) / 2
    page["minimal_alongside_rps"] = round(reference, 1)
    page["percent_of_minimal"] = round(100 * page["requests_per_second"] / reference, 1)
    pages[name] = page
minimal_errors = sum(run["non_2xx_3xx"] + run["socket_errors"] for run in minimal_runs)
minimal_rates = [run["requests_per_second"] for run in minimal_runs]
failed = minimal_errors > 0
print(f"\n{'page':<20}{'req/s':>8}{'p50 ms':>9}{'p75 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'errors':>8}"
      f"{'minimal req/s':>15}{'% of minimal':>14}")
for name, page in pages.items():
    errors = page["non_2xx_3xx"] + page["socket_errors"]
    latency = page["latency_ms"]
    ok = errors == 0 and page["percent_of_minimal"] >= goal
    failed |= not ok
    verdict = "  ok" if ok else "  BELOW GOAL" if errors == 0 else "  ERRORS"
    print(f"{name:<20}{page['requests_per_second']:>8.1f}{latency['p50']:>9.1f}{latency['p75']:>9.1f}"
          f"{latency['p90']:>9.1f}{latency['p99']:>9.1f}{errors:>8}{page['minimal_alongside_rps']:>15.1f}"
          f"{page['percent_of_minimal']:>13.1f}%{verdict}")
rates = ", ".join(f"{rate:.0f}" for rate in minimal_rates)
medians = ", ".join(f"{run['latency_ms']['p50']:.0f}" for run in minimal_runs)
print(f"{'minimal_page':<20}{sum(minimal_rates) / len(minimal_rates):>8.1f}  (mean of {len(minimal_rates)} runs: "
      f"{rates} req/s; p50 {medians} ms; errors {minimal_errors})")
load = [round(value, 2) for value in os.getloadavg()]
print(f"\nGoal: every page at least {goal:g}% of the minimal page's throughput, zero errors: "
      f"{'missed' if failed else 'met'}. {database}; gunicorn {workers} workers; wrk {connections} connections, "
      f"{seconds}s per page; {os.cpu_count()} CPUs, load average now {load}.")
summary = {"when": time.strftime("%Y-%m-%d %H:%M"), "database": database, "gunicorn_workers": int(workers),
           "connections": int(connections), "seconds_per_page": int(seconds), "cpus": os.cpu_count(),
           "load_average_after": load, "python": platform.python_version(), "goal_percent": goal,
           "goal_met": not failed, "pages": pages, "minimal_runs": minimal_runs}
os.makedirs("var/bench", exist_ok=True)
with open("var/bench/load-last-run.json", "w") as out:
    json.dump(summary, out, indent=2)
sys.exit(1 if failed else 0)
EOF
