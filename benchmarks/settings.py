"""Settings of `make bench`: the test suite's site with the baseline app, on SQLite, or on the
database `DATABASE_URL` names (PostgreSQL)."""

import os

from tests.settings import *  # noqa: F403
from tests.settings import BASE_DIR, INSTALLED_APPS

BENCHMARKS = BASE_DIR.parent / "benchmarks"
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.baseline"]
ROOT_URLCONF = "benchmarks.urls"
DEBUG = False

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BENCHMARKS / "bench.sqlite3",
        # BENCH_TEST_DATABASE: where the test database of a run goes (one per run at a time).
        "TEST": {
            "NAME": os.environ.get("BENCH_TEST_DATABASE", str(BENCHMARKS / "bench-test.sqlite3"))
        },
    }
}
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if "MAILERS" not in globals():  # Django 6.1: tests.settings sets MAILERS (local memory)
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Every timed post is accepted: no waiting, no limit in the way.
WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1000/s"
# The API listings are compared at 500 items a page (Wagtail's default maximum is 20).
WAGTAILAPI_LIMIT_MAX = 500
