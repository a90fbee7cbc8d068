#!/usr/bin/env bash
# Starts a Celery worker (with beat for scheduled jobs) and the web server; Ctrl-C or SIGTERM stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
VENV=.venv

"$VENV/bin/celery" -A ima_portal worker --beat --loglevel=INFO --concurrency=2 \
  --schedule var/celery/beat-schedule &
worker=$!
"$VENV/bin/python" manage.py runserver "127.0.0.1:${PORT}" --noreload &
web=$!

stop() {
  trap - INT TERM EXIT
  kill -TERM "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
}
trap stop INT TERM EXIT

sleep 2
echo
echo "IMA Portal is running at http://127.0.0.1:${PORT}/  (web pid $web, worker pid $worker)"
"$VENV/bin/python" manage.py print_sign_ins
echo "Press Ctrl-C to stop both."
echo
# Exit (and stop the other) as soon as either process ends.
wait -n "$web" "$worker"
