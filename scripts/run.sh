#!/usr/bin/env bash
# `make run`: the service as production serves it, on this computer. `make dev` (--dev): Django's server with
# DEBUG on and auto-reload, for developers. Both start a Celery worker (with beat for scheduled jobs);
# Ctrl-C or SIGTERM stops both processes.
#
# `make run` keeps production's settings (DEBUG off, so GOV.UK error pages and never Django's debug page;
# gunicorn; static files collected and served by WhiteNoise) and relaxes only what plain HTTP on the loopback
# address needs: no HTTPS redirect, cookies without the Secure flag, no HSTS (ima_portal/safety.py refuses
# these for any SITE_URL that is not a loopback address). Emails are written to files in var/emails/.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=run
[[ "${1:-}" == "--dev" ]] && MODE=dev
export PORT="${PORT:-8000}"  # the settings derive SITE_URL from it, for links in emails and calendar files
VENV="${VENV:-.venv}"

if [[ "$MODE" == run ]]; then
  export DEBUG=0 SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 SECURE_HSTS_SECONDS=0
  export EMAIL_BACKEND="${EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
  mkdir -p var/emails
  "$VENV/bin/python" manage.py collectstatic --no-input --verbosity 0
else
  export DEBUG=1
fi

"$VENV/bin/celery" -A ima_portal worker --beat --loglevel=INFO --concurrency=2 \
  --schedule var/celery/beat-schedule &
worker=$!
if [[ "$MODE" == run ]]; then
  "$VENV/bin/gunicorn" ima_portal.wsgi:application --bind "127.0.0.1:${PORT}" --workers 2 \
    --access-logfile - --graceful-timeout 5 &
else
  "$VENV/bin/python" manage.py runserver "127.0.0.1:${PORT}" &
fi
web=$!

stop() {
  trap - INT TERM EXIT
  # The auto-reloader of `make dev` serves from a child process: stop it with its parent.
  pkill -TERM -P "$web" 2>/dev/null || true
  kill -TERM "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
}
trap stop INT TERM EXIT

sleep 2
echo
if [[ "$MODE" == run ]]; then
  echo "IMA Portal is running at http://127.0.0.1:${PORT}/ as in production (DEBUG off, gunicorn; web pid $web, worker pid $worker)"
  echo "Emails are written to var/emails/, one file each. For DEBUG and auto-reload, use make dev."
else
  echo "IMA Portal (development: DEBUG on, auto-reload) is running at http://127.0.0.1:${PORT}/  (web pid $web, worker pid $worker)"
fi
"$VENV/bin/python" manage.py print_sign_ins
echo "Press Ctrl-C to stop both."
echo
# Exit (and stop the other) as soon as either process ends.
wait -n "$web" "$worker"
