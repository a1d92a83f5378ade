"""Settings for the test suite: a minimal Wagtail site with the package installed."""

import importlib.util
import os
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

WAGTAIL_HAS_API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None

INSTALLED_APPS = [
    "wagtail_integration",
    "wagtail_integration.feedback",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    # The task backend of production (tests/test_feedback_tasks.py); TASKS stays unset, so
    # the other tests run their notifications at once.
    "django_tasks_db",
    "wagtail.api.v2",
    *(["wagtail.api.v3"] if WAGTAIL_HAS_API_V3 else []),
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "wagtail_integration.feedback.middleware.FeedbackRequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "test.sqlite3"}
}
# The suite runs a second time on PostgreSQL in CI: DATABASE_URL names the server
# (pytest-django creates and drops a test database on it per worker).
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        INSTALLED_APPS.append("django.contrib.postgres")  # Django 6.1 checks it (postgres.E005)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The tests run in one process: the page cache may use its local-memory cache.
WAGTAIL_INTEGRATION_PAGE_CACHE = True
if django.VERSION >= (6, 1):
    # Django 6.1 configures mail with MAILERS (EMAIL_BACKEND is deprecated); its test setup
    # replaces every mailer with the local-memory one.
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("de", "German"),
    ("ar", "Arabic"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media-test"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Test site"
# No test searches by text, and updating the index after every save was a fifth of the
# time of each page save; the index is still created, and searches run (finding nothing).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# A real, shared-nothing cache is fine for tests; the system check about it is silenced here
# and tested on its own.
SILENCED_SYSTEM_CHECKS = ["wagtail_integration_feedback.W001"]
