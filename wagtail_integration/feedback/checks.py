"""System checks that warn a webmaster about settings that weaken the feedback form."""

from django.conf import settings
from django.core import checks

# Cache backends whose counts a rate limit cannot rely on in production.
DUMMY_CACHE = "django.core.cache.backends.dummy.DummyCache"
LOCAL_MEMORY_CACHE = "django.core.cache.backends.locmem.LocMemCache"


@checks.register(checks.Tags.security)
def check_rate_limit_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """W001: the feedback rate limit counts in a cache that forgets or is not shared."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend == DUMMY_CACHE:
        return [
            checks.Warning(
                "The default cache is Django's dummy cache, so the feedback form's rate "
                "limit never counts anything.",
                hint="Configure a real cache (database, Redis or Memcached) in CACHES.",
                id="wagtail_integration_feedback.W001",
            )
        ]
    if backend == LOCAL_MEMORY_CACHE and not settings.DEBUG:
        return [
            checks.Warning(
                "The default cache is the local-memory cache: each server process counts the "
                "feedback form's rate limit on its own.",
                hint="In production, configure a shared cache (database, Redis or Memcached).",
                id="wagtail_integration_feedback.W001",
            )
        ]
    return []
