"""Settings for a real server process in the concurrency tests (a file database, a chosen cache).

Read from the environment: WI_TEST_DB (SQLite file) or WI_TEST_DATABASE_URL (PostgreSQL),
WI_TEST_CACHE (locmem, database, redis), WI_TEST_REDIS_URL, WI_TEST_RATE_LIMIT.
"""

import os

from .settings import *  # noqa: F403

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("WI_TEST_DB", ""),
        # Writers queue behind each other instead of failing at once. A transaction that
        # reads first and writes later takes the write lock at its start (IMMEDIATE): else
        # two of them can each hold a read lock and wait for the other, and SQLite fails one
        # at once ("database is locked"), whatever the timeout; seen as 503s under load in CI.
        "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
    }
}
if os.environ.get("WI_TEST_DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dj_database_url.parse(os.environ["WI_TEST_DATABASE_URL"])}

CACHES = {
    "locmem": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    "database": {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "wagtail_integration_cache",
        }
    },
    "redis": {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("WI_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
        }
    },
}[os.environ.get("WI_TEST_CACHE", "locmem")]

WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
# A day: the window cannot turn over during a test run.
WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = os.environ.get("WI_TEST_RATE_LIMIT", "5/d")
