"""Production: every secret, host name and service comes from the environment.

docs/deployment.md lists the variables and shows the whole stack (gunicorn behind a reverse
proxy or CDN, PostgreSQL, Redis, the task worker, the daily purge). With the variables it
documents set, ``manage.py check --deploy`` reports no issue (tests/test_deployment.py).
Nothing is kept in one process's memory: several web processes and workers on several
machines share the database and the cache.
"""

import os

import django

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, MIDDLEWARE, STORAGES


def env_list(name: str) -> list[str]:
    """A comma-separated environment variable as a list, without empty entries."""
    return [entry.strip() for entry in os.environ.get(name, "").split(",") if entry.strip()]


def env_flag(name: str, default: bool) -> bool:
    """An environment variable read as yes/no (1, true, yes, on)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", WAGTAILADMIN_BASE_URL)  # noqa: F405
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", STATIC_ROOT)  # noqa: F405

# Database: DATABASE_URL (base.py); connections are kept for 10 minutes and checked before
# reuse, so a restarted database server costs one failed check, not a failed request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Static files are served by the web processes themselves (whitenoise), compressed and with
# hashed names, so that a proxy or CDN may keep them forever. `manage.py collectstatic`
# runs once per release.
MIDDLEWARE = [
    *MIDDLEWARE[:1],  # SecurityMiddleware first: its redirects and headers apply to files too
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS ends at the reverse proxy, which tells the site with X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
# Requests the proxy's health check sends over plain HTTP (no redirect for them).
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
# Both bind every subdomain of the site's domain to HTTPS (preload: for years, in every
# browser), so they are off until the city says every subdomain serves HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's preview frames allow themselves (wagtail.utils.decorators); nothing else may.
X_FRAME_OPTIONS = "DENY"

# The shared caches: the feedback form's rate limit counts in "default", and the package
# keeps its rendered pages in "pages", so that pages never push counts out. Redis when
# REDIS_URL is set; otherwise the database (create the tables once with
# `manage.py createcachetable`). Never one process's memory.
if os.environ.get("REDIS_URL"):
    _prefix = os.environ.get("DJANGO_CACHE_KEY_PREFIX", "example_site")
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"{_prefix}:{alias}",
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        # The database cache deletes a third of its rows once it holds MAX_ENTRIES: enough
        # room for every client's rate-limit slots.
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "example_site_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "example_site_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        },
    }
WAGTAIL_INTEGRATION_PAGE_CACHE_ALIAS = "pages"

# Feedback notifications run in a worker (`manage.py db_worker`), from tasks stored in the
# database together with the submission, so that a restart of the worker or of a web process
# loses none. django-tasks-db 0.12 is the release for the django-tasks (0.12) Wagtail pins.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The residents' addresses reach the feedback app only as a keyed hash; behind the proxy the
# client is the last entry of X-Forwarded-For, which the proxy adds.
WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER = os.environ.get(
    "WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR"
)

# Email through the city's mail server; a slow server makes the worker wait at most 10 s.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
_SMTP = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": int(os.environ.get("EMAIL_PORT", 25)),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": env_flag("EMAIL_USE_TLS", False),
    "use_ssl": env_flag("EMAIL_USE_SSL", False),
    "timeout": int(os.environ.get("EMAIL_TIMEOUT", 10)),
}
if django.VERSION >= (6, 1):
    # Django 6.1 replaces EMAIL_BACKEND and the EMAIL_* settings with MAILERS.
    MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": _SMTP}
    }
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _SMTP["host"]
    EMAIL_PORT = _SMTP["port"]
    EMAIL_HOST_USER = _SMTP["username"]
    EMAIL_HOST_PASSWORD = _SMTP["password"]
    EMAIL_USE_TLS = _SMTP["use_tls"]
    EMAIL_USE_SSL = _SMTP["use_ssl"]
    EMAIL_TIMEOUT = _SMTP["timeout"]

# A CDN or caching proxy in front of the site: Wagtail purges the pages a publish changes
# (the package adds the listings that show a measure). WAGTAIL_FRONTEND_CACHE_URL is the
# proxy's purge address (Varnish, nginx with a purge module, ...).
if os.environ.get("WAGTAIL_FRONTEND_CACHE_URL"):
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["WAGTAIL_FRONTEND_CACHE_URL"],
        }
    }

# Logs go to standard error, where gunicorn and the process manager collect them; Django's
# request log names paths and status codes, never a client's address.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "wagtail_integration": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
