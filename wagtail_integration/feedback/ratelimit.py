"""A per-client limit on feedback posts, counted in Django's cache.

The client's address is only ever used as a keyed hash (HMAC with the site's SECRET_KEY),
so neither the cache nor the database ever holds it.
"""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .. import conf

_KEY_SALT = "wagtail_integration.feedback.rate_limit"


def _cache_key(request: HttpRequest) -> str:
    address = str(request.META.get(conf.feedback_client_ip_header(), "")).split(",")[0].strip()
    digest = salted_hmac(_KEY_SALT, address, algorithm="sha256").hexdigest()
    return f"wagtail_integration:feedback:{digest}"


def is_rate_limited(request: HttpRequest) -> bool:
    """True when this client has used up its posts for the current period."""
    limit, _period = conf.feedback_rate_limit()
    return cache.get(_cache_key(request), 0) >= limit


def count_post(request: HttpRequest) -> None:
    """Count one accepted post (stored or caught as spam) against the client's limit."""
    _limit, period = conf.feedback_rate_limit()
    key = _cache_key(request)
    if not cache.add(key, 1, timeout=period):
        try:
            cache.incr(key)
        except ValueError:  # the entry expired between add() and incr()
            cache.add(key, 1, timeout=period)


def retry_after_seconds() -> int:
    """How long a rate-limited client should wait, at most."""
    return conf.feedback_rate_limit()[1]
