"""IMA Portal settings: one module, every value from the environment.

Each variable is documented in README.md and .env.example. A local checkout works with
no environment at all: `make install` writes a `.env` with DEBUG=1 and a generated secret.
"""

import os
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# An explicit environment always wins over the .env file (django-environ does not overwrite).
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=True):
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# ------------------------------------------------------------------------------
# Core
# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = env.bool("DEBUG", default=False)
# https://docs.djangoproject.com/en/5.2/ref/settings/#secret-key
SECRET_KEY = env("SECRET_KEY", default="" if not DEBUG else "insecure-local-development-key")
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY (run `make install` to write a local .env).")
# https://docs.djangoproject.com/en/5.2/ref/settings/#allowed-hosts
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", *(["testserver"] if DEBUG else [])])
# https://docs.djangoproject.com/en/5.2/ref/settings/#csrf-trusted-origins
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

ROOT_URLCONF = "ima_portal.urls"
WSGI_APPLICATION = "ima_portal.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "common",
    "accounts",
    "assessments",
    "actionplans",
    "reports",
    "dashboards",
    "network",
    "public",
    "monitoring",
    "notifications",
    "api",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.IdleSessionTimeout",
    "accounts.middleware.SecondFactorGate",
    "accounts.middleware.SignedInPagesNotStored",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware must be last: it turns a lock-out into the GOV.UK "locked" page.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.service",
            ],
        },
    },
]

# ------------------------------------------------------------------------------
# Database: SQLite under var/ unless DATABASE_URL says otherwise
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ima_portal.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections save a connect per request on PostgreSQL; SQLite gains nothing from them.
_sqlite = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if _sqlite else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file (not :memory:) so that a real Celery worker in the tests sees the test database.
    # One file per test run (by process id), so that runs side by side never share a database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test_ima_portal_{os.getpid()}.sqlite3")}
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}

# ------------------------------------------------------------------------------
# Authentication
# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Two-factor authentication (accounts/two_factor.py): assessors and administrators must set it up when on.
# `make install` writes MFA_REQUIRED=0 into the local .env so the documented demo sign-ins work.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=True)
OTP_TOTP_ISSUER = "IMA Portal"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (accounts/throttling.py; docs/security.md). django-axes records the failures;
# our handler locks an account from one address after SIGN_IN_FAILURE_LIMIT failures there, from every
# address after SIGN_IN_ACCOUNT_FAILURE_LIMIT, and slows (never locks) an address that fails often.
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_HANDLER = "accounts.throttling.AccountThrottle"
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
SIGN_IN_ACCOUNT_FAILURE_LIMIT = env.int("SIGN_IN_ACCOUNT_FAILURE_LIMIT", default=20)
SIGN_IN_ADDRESS_SLOW_AFTER = env.int("SIGN_IN_ADDRESS_SLOW_AFTER", default=50)
SIGN_IN_ADDRESS_DELAY_SECONDS = env.int("SIGN_IN_ADDRESS_DELAY_SECONDS", default=5)
PASSWORD_RESET_PER_ACCOUNT_PER_HOUR = env.int("PASSWORD_RESET_PER_ACCOUNT_PER_HOUR", default=3)
PASSWORD_RESET_PER_ADDRESS_PER_HOUR = env.int("PASSWORD_RESET_PER_ADDRESS_PER_HOUR", default=20)
AXES_COOLOFF_TIME = 0.25  # hours
# A successful sign-in clears the failures of that account only (both filters name it), never its address's.
# Our handler counts failures itself (accounts/throttling.py), whatever the browser.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_VERBOSE = False
# The sign-in form's field is "username" (it holds the email address); counted case-insensitively.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.throttling.axes_username"
# Behind reverse proxies, count them so lock-outs see the person's address, not the proxy's.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"

# Single sign-on with the department's identity provider (OpenID Connect: Microsoft Entra ID or any other),
# on when OIDC_RP_CLIENT_ID is set (accounts/oidc.py, README "Single sign-on"). The sign-in page then offers
# "Sign in with your organisation account" beside email and password. People are matched to their existing
# account by verified email address; nobody is created here, and roles stay in the service.
# https://mozilla-django-oidc.readthedocs.io/en/stable/settings.html
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
# Entra ID does not send email_verified: set 0 there only if your tenant's email addresses are ones it owns.
OIDC_REQUIRE_VERIFIED_EMAIL = env.bool("OIDC_REQUIRE_VERIFIED_EMAIL", default=True)
OIDC_USE_NONCE = True
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # no self-registration: an administrator adds people
OIDC_STORE_ID_TOKEN = False
OIDC_CALLBACK_CLASS = "mozilla_django_oidc.views.OIDCAuthenticationCallbackView"
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"
if OIDC_ENABLED:
    _oidc_missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not globals()[name]
    ]
    if _oidc_missing:
        raise environ.ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set: set {', '.join(_oidc_missing)} too.")
    AUTHENTICATION_BACKENDS.append("accounts.oidc.OrganisationAccountBackend")

# ------------------------------------------------------------------------------
# Internationalisation
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# ------------------------------------------------------------------------------
# Static and uploaded files
# https://whitenoise.readthedocs.io/en/stable/django.html
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploads are never served from a public URL: no MEDIA_URL route exists; downloads go
# through views that check access.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# ------------------------------------------------------------------------------
# Zip containers and spreadsheets people upload (common/archives.py, common/spreadsheets.py, docs/security.md)
# A zip (.xlsx, .docx, OpenDocument) is judged from its directory before anything unpacks it: refused with
# more members than this, or with a member over ARCHIVE_RATIO_FROM_BYTES unpacked packed more tightly than
# ARCHIVE_MAX_RATIO to one (real documents stay well under it; bombs are thousands to one).
ARCHIVE_MAX_MEMBERS = env.int("ARCHIVE_MAX_MEMBERS", default=1_000)
ARCHIVE_MAX_RATIO = env.int("ARCHIVE_MAX_RATIO", default=100)
ARCHIVE_RATIO_FROM_BYTES = env.int("ARCHIVE_RATIO_FROM_BYTES", default=1024 * 1024)
# An uploaded Word, Excel or OpenDocument file (evidence, meeting papers) that unpacks to more is refused.
UPLOAD_MAX_UNPACKED_BYTES = env.int("UPLOAD_MAX_UNPACKED_BYTES", default=10 * MAX_UPLOAD_BYTES)
# An imported spreadsheet (ratings, reports, action plans): what it may unpack to, and what reading it may
# cost, blank rows and padded cells included, all sheets together (CSV files too: rows, cells and time).
SPREADSHEET_MAX_UNPACKED_BYTES = env.int("SPREADSHEET_MAX_UNPACKED_BYTES", default=20 * 1024 * 1024)
SPREADSHEET_MAX_ROWS = env.int("SPREADSHEET_MAX_ROWS", default=50_000)
SPREADSHEET_MAX_CELLS = env.int("SPREADSHEET_MAX_CELLS", default=200_000)
SPREADSHEET_READ_SECONDS = env.float("SPREADSHEET_READ_SECONDS", default=5)

# ------------------------------------------------------------------------------
# Forms: crispy-forms-gds renders GOV.UK Design System markup
# https://github.com/wildfish/crispy-forms-gds
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.8.0"  # the govuk-frontend version pinned in package.json
CRISPY_FAIL_SILENTLY = not DEBUG

# ------------------------------------------------------------------------------
# Email (console when DEBUG is on: messages appear in the `make run` output; SMTP otherwise)
# https://docs.djangoproject.com/en/5.2/topics/email/
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = Path(env("EMAIL_FILE_PATH", default=str(VAR_DIR / "emails")))
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="IMA Portal <no-reply@ima-portal.example.gov.uk>")

# ------------------------------------------------------------------------------
# Celery: a real worker always; the filesystem transport needs no broker process
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_FILESYSTEM_FOLDER = Path(env("CELERY_FILESYSTEM_DIR", default=str(VAR_DIR / "celery")))
# Tests point their worker at a queue of their own, so a running `make run` worker never takes their jobs.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="ima-portal")
# Seconds any one broker operation may take: connecting, and each read or write on the connection. A broker
# that accepts connections and never answers otherwise holds a page (and /healthz) until the socket gives up:
# never, without a timeout. Pages publish through common.broker.task_publish, which adds no retries.
BROKER_TIMEOUT_SECONDS = env.float("BROKER_TIMEOUT_SECONDS", default=1.0)
# Redis transport options (kombu/transport/redis.py); other transports ignore them. Set whatever the URL, so
# a broker URL changed at run time (tests point the app at a broker that hangs) keeps them.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-transport-options
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
    "socket_timeout": BROKER_TIMEOUT_SECONDS,
}
# https://docs.celeryq.dev/en/stable/userguide/configuration.html#broker-connection-timeout
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_TIMEOUT_SECONDS
# The worker keeps reconnecting to a broker that went away (Celery's defaults, stated); web requests never
# wait for these retries: a publish connects inside its own retry policy.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = 100
# Publishes that do not go through common.broker (beat, a task's own retry) try twice, 0.2 s apart, instead of
# Celery's four tries: at most about 2 × (connect + write) seconds with a broker that hangs.
# https://docs.celeryq.dev/en/stable/userguide/configuration.html#task-publish-retry-policy
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS |= {
        "data_folder_in": str(CELERY_FILESYSTEM_FOLDER / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_FOLDER / "queue"),
        "control_folder": str(CELERY_FILESYSTEM_FOLDER / "control"),
        "store_processed": False,
        # kombu polls the queue folder once a second by default: up to a second's wait before a job starts.
        "polling_interval": 0.1,
    }
else:
    # With acks_late Redis redelivers a lost message only after this many seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = env.int("CELERY_VISIBILITY_TIMEOUT", default=600)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TIMEZONE = TIME_ZONE
# Beat runs inside the `make run` worker (--beat); in production run exactly one `celery beat` process.
# https://docs.celeryq.dev/en/stable/userguide/periodic-tasks.html
# Emails the broker did not take when their change was saved are sent again this often (notifications/services.py).
NOTIFICATIONS_RESEND_EVERY_SECONDS = env.int("NOTIFICATIONS_RESEND_EVERY_SECONDS", default=60)
CELERY_BEAT_SCHEDULE = {
    "send-action-reminders": {
        "task": "actionplans.tasks.send_action_reminders",
        "schedule": crontab(hour=env.int("ACTION_REMINDER_HOUR", default=7), minute=0),
    },
    "notifications-send-pending-emails": {
        "task": "notifications.tasks.send_pending_emails",
        "schedule": NOTIFICATIONS_RESEND_EVERY_SECONDS,
    },
}
# Days before an action's due date on which its owner and KIM leads are reminded (plus the day after).
# The RAG of an action (actionplans/rules.py) is IMA Portal's own rule, not TNA's: amber when due within
# ACTION_RAG_WARNING_DAYS and not started, or overdue; red when overdue by ACTION_RAG_RED_AFTER_DAYS_OVERDUE or more.
ACTION_RAG_WARNING_DAYS = env.int("ACTION_RAG_WARNING_DAYS", default=30)
ACTION_RAG_RED_AFTER_DAYS_OVERDUE = env.int("ACTION_RAG_RED_AFTER_DAYS_OVERDUE", default=30)
ACTION_REMINDER_DAYS = [int(days) for days in env.list("ACTION_REMINDER_DAYS", default=["30", "7", "1"])]

# ------------------------------------------------------------------------------
# Reports: PDFs rendered by Celery workers with WeasyPrint (docs/reports.md)
# Fonts and the stylesheet WeasyPrint may read; its URL fetcher refuses everything outside this folder.
REPORTS_ASSETS_DIR = BASE_DIR / "static" / "reports" / "pdf"
# Protective marking printed at the top and bottom of every page unless the requester picks another.
REPORTS_PROTECTIVE_MARKING = env("REPORTS_PROTECTIVE_MARKING", default="")
REPORTS_PROTECTIVE_MARKINGS = ["OFFICIAL", "OFFICIAL-SENSITIVE"]
REPORTS_HEARTBEAT_SECONDS = env.float("REPORTS_HEARTBEAT_SECONDS", default=5)
# A running job without a heartbeat for this long lost its worker: the sweeper queues it again.
REPORTS_STALE_AFTER_SECONDS = env.int("REPORTS_STALE_AFTER_SECONDS", default=120)
# A queued job whose message never reached the broker (or was lost) is sent again after this long.
REPORTS_RESEND_QUEUED_AFTER_SECONDS = env.int("REPORTS_RESEND_QUEUED_AFTER_SECONDS", default=300)
REPORTS_MAX_ATTEMPTS = env.int("REPORTS_MAX_ATTEMPTS", default=3)
REPORTS_SOFT_TIME_LIMIT = env.int("REPORTS_SOFT_TIME_LIMIT", default=120)
REPORTS_TIME_LIMIT = env.int("REPORTS_TIME_LIMIT", default=150)
REPORTS_SWEEP_EVERY_SECONDS = env.int("REPORTS_SWEEP_EVERY_SECONDS", default=60)
# Tests only: seconds a render waits (with heartbeats) before laying out, so a test can kill the worker mid-render.
REPORTS_TEST_RENDER_DELAY = env.float("REPORTS_TEST_RENDER_DELAY", default=0)
CELERY_BEAT_SCHEDULE["reports-sweep-lost-jobs"] = {
    "task": "reports.tasks.sweep_report_jobs",
    "schedule": REPORTS_SWEEP_EVERY_SECONDS,
}

# ------------------------------------------------------------------------------
# Departmental KIM monitoring (docs/monitoring.md): IMA Portal's own traffic-light rule, stated on the league table.
# A team is green at MONITORING_GREEN_AT per cent of the most it could score, amber at MONITORING_AMBER_AT.
MONITORING_GREEN_AT = env.int("MONITORING_GREEN_AT", default=80)
MONITORING_AMBER_AT = env.int("MONITORING_AMBER_AT", default=50)
# Team contacts with answers still to give are reminded this many days before a round closes (once a day at most).
MONITORING_REMIND_DAYS_BEFORE = env.int("MONITORING_REMIND_DAYS_BEFORE", default=7)
CELERY_BEAT_SCHEDULE["monitoring-sweep-director-letters"] = {
    "task": "monitoring.tasks.sweep_director_letters",
    "schedule": env.int("REPORTS_SWEEP_EVERY_SECONDS", default=60),
}
CELERY_BEAT_SCHEDULE["monitoring-send-round-reminders"] = {
    "task": "monitoring.tasks.send_round_reminders",
    "schedule": crontab(hour=env.int("ACTION_REMINDER_HOUR", default=7), minute=15),
}

# ------------------------------------------------------------------------------
# Dashboards: IMA Portal's own rules. The National Archives publishes a rating for each performance area, not
# scores, averages or a reassessment formula: each rule below is the service's, stated with its value on the
# pages that apply it (dashboards/rules.py; `manage.py check` reports a value that makes no sense).
# Years until a department is due for reassessment, by how many performance areas its latest published
# assessment rates Development area: "<at least this many areas>:<years>" pairs, tried in order, the number of
# areas going down and the last pair starting 0 ("0:4" alone: every 4 years whatever the ratings).
DASHBOARD_REASSESSMENT_INTERVALS = env("DASHBOARD_REASSESSMENT_INTERVALS", default="3:3,1:4,0:5")
# Whether the dashboards show IMA Portal's score (the mean of a department's ratings on the scale, 1 to 6): the
# heatmap's score column, sorting by score and the league table. Off: The National Archives' ratings only.
DASHBOARD_SCORE = env.bool("DASHBOARD_SCORE", default=True)
# Fewest departments with a rating for an area before a department's dashboard compares its rating with theirs
# (fewer, and a KIM lead could work out which rating is whose).
DASHBOARD_BENCHMARK_MINIMUM = env.int("DASHBOARD_BENCHMARK_MINIMUM", default=5)

# ------------------------------------------------------------------------------
# Security
# https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Off only for plain HTTP on the loopback address (`make run`); ima_portal/safety.py refuses it anywhere else.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8  # the absolute limit: sign in again after 8 hours whatever happens
# Signed out after this many minutes without a request (accounts/middleware.py); 0 for no idle limit.
SESSION_IDLE_MINUTES_ASSESSORS_AND_ADMINISTRATORS = env.int(
    "SESSION_IDLE_MINUTES_ASSESSORS_AND_ADMINISTRATORS", default=30
)
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=120)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A GOV.UK page (not Django's technical one) when a form arrives without a valid CSRF token.
CSRF_FAILURE_VIEW = "common.error_pages.csrf_failure"
# https://django-csp.readthedocs.io/en/latest/configuration.html
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
    }
}

# ------------------------------------------------------------------------------
# The read-only API (/api/v1/, api/README.md, docs/api.md): Django REST framework, personal tokens
# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    # A token first: its WWW-Authenticate header makes a request without credentials answer 401. The signed-in
    # session is accepted too (read-only, CSRF checks on), for the docs page's "Try it out" and a browser.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.ApiPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests per token (per person when signed in), e.g. "600/minute"; counted in the default cache.
API_THROTTLE_RATE = env("API_THROTTLE_RATE", default="600/minute")
# https://drf-spectacular.readthedocs.io/en/latest/settings.html
SPECTACULAR_SETTINGS = {
    "TITLE": "IMA Portal API",
    "DESCRIPTION": "Read-only access to what you may see in IMA Portal: departments, the framework, assessments "
    "and their ratings, recommendations, action plans, actions and their progress, network meetings.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"ActionStatusEnum": "actionplans.choices.ActionStatus"},
}

# ------------------------------------------------------------------------------
# Service
SERVICE_NAME = "IMA Portal"
DEMO_PASSWORD = env("DEMO_PASSWORD", default="demo-password")
# The port `make run` and `make dev` serve on (scripts/run.sh): the default SITE_URL names it, so the links in
# emails and calendar files reach the server that sent them.
PORT = env.int("PORT", default=8000)
SITE_URL = env("SITE_URL", default=f"http://127.0.0.1:{PORT}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# ------------------------------------------------------------------------------
# With DEBUG off, refuse to start on settings that would quietly weaken the service (ima_portal/safety.py).
if not DEBUG:
    from .safety import production_problems

    _problems = production_problems(
        secret_key=SECRET_KEY,
        email_backend=EMAIL_BACKEND,
        allowed_hosts=ALLOWED_HOSTS,
        base_dir=BASE_DIR,
        site_url=SITE_URL,
        plain_http=not (SECURE_SSL_REDIRECT and SECURE_COOKIES),
    )
    if _problems:
        raise environ.ImproperlyConfigured("Refusing to start with DEBUG off: " + " ".join(_problems))
