"""Rectify settings: one file, read from the environment.

Zero configuration gives a local SQLite site with DEBUG on. Production is one variable away:
DJANGO_ENV=production turns DEBUG off and demands DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS;
DATABASE_URL=postgres://... switches the database on any setting.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "").lower() == "production"
DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)

if PRODUCTION:
    # No fallback: a production site must never run with a key that is in the repository.
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
else:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "axes",
    "rectify",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Read replicas: each request's reads, and reads after the client wrote (rectify.routers).
    "rectify.routers.ReadYourWritesMiddleware",
    # 304 before the view for public pages; outside sessions and CSRF to see the cookies they set.
    "rectify.httpcache.ConditionalPublicPagesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Outside the NUL-byte guard and every view, so the API's errors all leave as JSON.
    "rectify.errors.api_errors_as_json",
    # Inside every middleware that adds headers, so its 400 carries them too.
    "rectify.middleware.reject_nul_bytes",
    # Last, as django-axes asks: it turns a lockout raised by the backend into the lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username+address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "rectify.urls"
WSGI_APPLICATION = "rectify.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rectify.context_processors.site_frame",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}

# PostgreSQL streaming replicas, comma-separated URLs: reads go there, writes and the reads that must
# see them to the primary (rectify.routers). In tests a replica mirrors the test database.
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{number}"] = dj_database_url.parse(url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES[f"replica{number}"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["rectify.routers.PrimaryReplicaRouter"]
# After a client writes, its reads stay at the primary this long (longer than the replicas' usual lag).
RECTIFY_READ_PRIMARY_SECONDS = int(os.environ.get("RECTIFY_READ_PRIMARY_SECONDS", "10"))
# How long a shared proxy may answer for a public page before asking again (browsers always ask).
RECTIFY_PROXY_MAX_AGE = int(os.environ.get("RECTIFY_PROXY_MAX_AGE", "30"))

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take SQLite's lock at BEGIN, so two imports at once queue (or one is refused whole)
    # instead of both reading, then both failing to upgrade their lock.
    # Reads go through a memory map and a 64 MB page cache: with SQLite's default 2 MB cache, an
    # archive-sized file (2 GB at 10,000 reports) made every page read a system call, and an index
    # rebuild re-read pages from the OS two and a half GB a second.
    # WAL: pages are read while an import writes (a rollback journal makes readers wait for each
    # commit, and a long reader stall the import), and with synchronous=NORMAL a commit appends to
    # the log without waiting for the disk: 30 -> 26 ms a report for imports that commit each one.
    # A power cut can lose the last commits, never half of one.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command=(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
            "PRAGMA cache_size = -65536; PRAGMA mmap_size = 4294967296"
        ),
    )

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))  # where collectstatic writes
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "media/"

LOGIN_URL = "admin:login"
# Django 6 default, chosen now: a scheme-less URL typed into a form means https.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Imports read whole reports into memory; refuse anything larger than this before parsing.
RECTIFY_MAX_REPORT_BYTES = int(os.environ.get("RECTIFY_MAX_REPORT_BYTES", str(20 * 1024 * 1024)))
# A problem whose report states no deadline is expected this many days after the feedback date
# (inspection regulations give units 2 months to report rectification; offices may set their own).
# The estimate warns staff only; the public site never calls a problem overdue by it.
RECTIFY_DEFAULT_DEADLINE_DAYS = int(os.environ.get("RECTIFY_DEFAULT_DEADLINE_DAYS", "60"))
# Early warning: green when this many days or fewer are left, yellow at the second; red once overdue.
RECTIFY_WARNING_DAYS = tuple(int(d) for d in env_list("RECTIFY_WARNING_DAYS", "20,10"))
# Full exports read every matching problem: each client may start this many per this many seconds
# ("N/seconds"; "0" for no limit). Counted per process unless DJANGO_CACHE_BACKEND is shared.
RECTIFY_EXPORT_RATE = os.environ.get("RECTIFY_EXPORT_RATE", "10/60")
# An .xlsx file cannot be sent before it is finished (its index comes last), so its rows are capped;
# CSV and JSON stream and have no cap. 0 for no cap. openpyxl writes ~600 problems/s on the bench
# VM (bench/README.md): 10,000 is ~17 s before the first byte, well inside a proxy's 60 s.
RECTIFY_XLSX_MAX_ROWS = int(os.environ.get("RECTIFY_XLSX_MAX_ROWS", "10000"))

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Each process remembers facet counts and totals until the archive next changes (rectify.caching);
# entries carry the data version in their key, so the timeout only bounds memory, never staleness.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The site needs nothing from elsewhere and no inline code: templates keep scripts and styles in
# static files, so the policy is the site's own files only (the Django admin needs no inline script).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# No page uses a camera, a microphone, a location or payments; say so, so embedded content can't either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Admin logins: lock a username at one address after AXES_FAILURE_LIMIT failures, for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = _("登录失败次数过多，该账户已在本机暂时锁定，请稍后再试。")
# Behind a reverse proxy every request comes from the proxy's address: count the client's instead
# (rectify.clients.client_ip reads X-Forwarded-For only from DJANGO_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "rectify.clients.client_ip"
# Addresses or networks of the reverse proxies in front of the site (e.g. "127.0.0.1,10.0.0.0/8").
# Parsed here so a typo stops the start instead of the first request.
RECTIFY_TRUSTED_PROXIES = [str(ipaddress.ip_network(p, strict=False)) for p in env_list("DJANGO_TRUSTED_PROXIES")]

# Request bodies: the admin's forms and uploads only. Reports come in through import_reports.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# --- progress tracking and evidence (admin helper) ---
# Evidence files attached to measures: the largest accepted, and the file types staff may upload.
RECTIFY_MAX_EVIDENCE_BYTES = int(os.environ.get("RECTIFY_MAX_EVIDENCE_BYTES", str(20 * 1024 * 1024)))
RECTIFY_EVIDENCE_EXTENSIONS = env_list(
    "RECTIFY_EVIDENCE_EXTENSIONS", "pdf,jpg,jpeg,png,gif,webp,doc,docx,xls,xlsx,odt,ods,txt,zip"
)
# Report files uploaded in the admin wait here between preview and confirmation (never public).
RECTIFY_IMPORT_STAGING_DIR = Path(os.environ.get("RECTIFY_IMPORT_STAGING_DIR", str(BASE_DIR / "staging")))


# --- e-mail (deadline reminders: manage.py send_deadline_reminders) ---
# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587 (smtp://, smtp+ssl://, console://),
# or the usual EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS variables.
# Without either, mail is printed to the console (development).
def email_settings(environ) -> dict:
    from urllib.parse import unquote, urlsplit

    url = environ.get("EMAIL_URL", "")
    if url:
        parts = urlsplit(url)
        backends = {"smtp": "smtp", "smtp+tls": "smtp", "smtp+ssl": "smtp", "smtps": "smtp", "console": "console"}
        if parts.scheme not in backends:
            raise ValueError(f"EMAIL_URL: unsupported scheme {parts.scheme!r} (smtp, smtp+tls, smtp+ssl, console)")
        return {
            "EMAIL_BACKEND": f"django.core.mail.backends.{backends[parts.scheme]}.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if parts.scheme in ("smtp+ssl", "smtps") else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parts.scheme in ("smtp+ssl", "smtps"),
        }
    host = environ.get("EMAIL_HOST", "")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends." + ("smtp" if host else "console") + ".EmailBackend",
        "EMAIL_HOST": host or "localhost",
        "EMAIL_PORT": int(environ.get("EMAIL_PORT", "25")),
        "EMAIL_HOST_USER": environ.get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": environ.get("EMAIL_USE_TLS", "").strip().lower() in {"1", "true", "yes", "on"},
        "EMAIL_USE_SSL": environ.get("EMAIL_USE_SSL", "").strip().lower() in {"1", "true", "yes", "on"},
    }


_email = email_settings(os.environ)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST, EMAIL_PORT = _email["EMAIL_HOST"], _email["EMAIL_PORT"]
EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_USER"], _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# The site's address, for links in e-mails (e.g. https://rectify.example.org); empty gives bare paths.
RECTIFY_SITE_URL = os.environ.get("RECTIFY_SITE_URL", "")
