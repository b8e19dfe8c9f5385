"""One settings file. Every deployment knob is an environment variable whose
default works on a laptop: SQLite and a Whoosh folder under var/."""

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    return os.environ.get(name, default).lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def secret_key_in(folder):
    """The key kept in folder/secret_key, made on first use. It is written whole
    to a private temporary file and then hard-linked into place, which fails if
    the name exists: gunicorn workers starting together all end up reading the
    one key that won, never a half-written file."""
    path = Path(folder) / "secret_key"
    if not path.exists():
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".secret_key-")  # mode 0600
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(50))
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return path.read_text().strip()


# Never a key written in the code: SECRET_KEY, or one generated into VAR_DIR.
SECRET_KEY = os.environ.get("SECRET_KEY") or secret_key_in(VAR_DIR)
DEBUG = envbool("DEBUG", "false")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
# The public address in citations, canonical links, feeds and the sitemap.
# Unset, it follows PORT, which `make run` passes to gunicorn as well.
PORT = envint("PORT", "8000")
SITE_URL = os.environ.get("SITE_URL") or f"http://127.0.0.1:{PORT}"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "haystack",
    "rest_framework",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
            ],
        },
    },
]

# DATABASE_URL selects PostgreSQL (postgres://...) when one machine is outgrown.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'archive.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a writer holds the lock; the timeout makes
    # concurrent gunicorn workers wait for each other instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SEARCH_ENGINE selects another haystack engine, e.g. Elasticsearch 7 (README,
# "Running on several machines"); the default is a Whoosh folder.
SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "haystack.backends.whoosh_backend.WhooshEngine")
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": SEARCH_ENGINE,
        "PATH": os.environ.get("WHOOSH_PATH", str(VAR_DIR / "whoosh_index")),
        "URL": os.environ.get("SEARCH_URL", ""),
        "INDEX_NAME": os.environ.get("SEARCH_INDEX_NAME", "archive"),
        "TIMEOUT": envint("SEARCH_TIMEOUT", "10"),  # seconds, for a search server
    }
}
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# Search: the index follows the database after each commit through one
# writer path (archive/search/signals.py) that waits its turn across gunicorn workers.
HAYSTACK_SIGNAL_PROCESSOR = "archive.search.signals.TransactionalSignalProcessor"
# The search page restricts by model in its query; haystack's per-model
# narrowing would run a second, unlimited search for every page.
HAYSTACK_LIMIT_TO_REGISTERED_MODELS = False
if SEARCH_ENGINE == "haystack.backends.whoosh_backend.WhooshEngine":
    HAYSTACK_CONNECTIONS["default"]["ENGINE"] = "archive.search.backend.ArchiveWhooshEngine"
SEARCH_WRITE_LOCK_TIMEOUT = envint("SEARCH_WRITE_LOCK_TIMEOUT", "120")
# Seconds of Whoosh work one search page may take (archive/search/budget.py).
SEARCH_TIME_LIMIT = float(os.environ.get("SEARCH_TIME_LIMIT", "2"))
# Search totals and facet counts (per index generation), the per-client rate
# counts and download locks live in this cache. Memory per worker by default;
# CACHE_BACKEND=archive.sharedcache.ForgivingRedisCache (Django's, going on without Redis while it is away) with
# CACHE_LOCATION=redis://host:6379/0 shares them between all workers and machines.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", ""),
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Oversized requests are refused with a 400 rather than read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGIN_URL = "admin:login"

# Per-client limits (django-ratelimit for pages, DRF throttling for the API).
# Counted in CACHES["default"]: per worker unless CACHE_BACKEND names a
# shared cache, so with N workers a client gets up to N times the rate.
# An empty SEARCH_RATE, AUTOCOMPLETE_RATE or EXPORT_RATE turns that limit off.
REPORT_RATE = os.environ.get("REPORT_RATE", "5/h")
SEARCH_RATE = os.environ.get("SEARCH_RATE", "60/m")
AUTOCOMPLETE_RATE = os.environ.get("AUTOCOMPLETE_RATE", "120/m")
EXPORT_RATE = os.environ.get("EXPORT_RATE", "10/h")
RATELIMIT_VIEW = "archive.reports.too_many_requests"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_RATE", "120/min")},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# --- Production hardening (HTTPS, cookies, CSP) ---
# Each is off by default so that `make run` works on http://127.0.0.1; the README's
# production example turns them on, and `manage.py check --deploy` is then clean.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false")
# A load balancer's plain-HTTP health check must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
# "HTTP_X_FORWARDED_PROTO,https" behind a proxy that sets that header (and strips it from clients).
SECURE_PROXY_SSL_HEADER = tuple(envlist("SECURE_PROXY_SSL_HEADER", "")) or None
# How many proxies (load balancer, nginx) stand before gunicorn, each appending
# to X-Forwarded-For: login lockouts, report and API limits then count the
# client's address (archive.clients), not the balancer's. 0: REMOTE_ADDR.
PROXY_COUNT = envint("PROXY_COUNT", "0")
RATELIMIT_IP_META_KEY = "archive.clients.client_ip"
REST_FRAMEWORK["NUM_PROXIES"] = PROXY_COUNT
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "false")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", "false")

# Django 5.2 has no CSP support of its own; django-csp sends the header. Every
# script and stylesheet is a file under /static/; the one exception is the
# style="width: N%" of the timeline bars, hence style-src-attr alone.
MIDDLEWARE += ["csp.middleware.CSPMiddleware"]
_csp = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": envlist("CSP_REPORT_URI", "") or None,
    }
}
if envbool("CSP_REPORT_ONLY", "false"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
else:
    CONTENT_SECURITY_POLICY = _csp

# --- Failed logins (django-axes) ---
# After LOGIN_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is refused, even with the right password, for LOGIN_LOCKOUT_MINUTES;
# each further try during the lockout starts the wait again. Attempts are kept in
# the database, so every gunicorn worker sees the same count.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # axes asks to be last
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "10")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The address behind proxies (PROXY_COUNT). Not AXES_IPWARE_*: axes reads them
# only with django-ipware installed, which the API's rule makes unneeded.
AXES_CLIENT_IP_CALLABLE = "archive.clients.client_ip"

# --- Importing articles (import_articles) ---
# A bigger body, or JSON nested deeper, is one refused record with its reason.
IMPORT_MAX_BODY_BYTES = envint("IMPORT_MAX_BODY_BYTES", str(5 * 1024 * 1024))
IMPORT_MAX_JSON_DEPTH = envint("IMPORT_MAX_JSON_DEPTH", "20")
