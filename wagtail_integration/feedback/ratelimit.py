"""A per-client limit on feedback posts, counted in Django's cache.

The client's address is only ever used as a keyed hash (HMAC with the site's SECRET_KEY),
so neither the cache nor the database ever holds it. Each entry holds when the client's
period began and how many posts it has sent since; the entry expires with the period, so the
limit does not depend on how a cache backend handles timeouts on increment.
"""

import logging
import time

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .. import conf

logger = logging.getLogger(__name__)
_KEY_SALT = "wagtail_integration.feedback.rate_limit"


def client_address(request: HttpRequest) -> str:
    """The client's address from the configured header, else from REMOTE_ADDR.

    In a comma-separated list (X-Forwarded-For) the last entry counts: the one the host's own
    proxy added. The entries before it are whatever the client chose to send.
    """
    value = request.META.get(conf.feedback_client_ip_header()) or request.META.get(
        "REMOTE_ADDR", ""
    )
    entries = [entry.strip() for entry in str(value).split(",") if entry.strip()]
    return entries[-1] if entries else ""


def _cache_key(request: HttpRequest) -> str:
    digest = salted_hmac(_KEY_SALT, client_address(request), algorithm="sha256").hexdigest()
    return f"wagtail_integration:feedback:{digest}"


def _current(key: str, period: int, now: float) -> tuple[float, int]:
    entry = cache.get(key)
    if not isinstance(entry, (list, tuple)) or len(entry) != 2 or now - entry[0] >= period:
        return now, 0
    return entry[0], int(entry[1])


def is_rate_limited(request: HttpRequest) -> bool:
    """True when this client has used up its posts for the current period.

    If the cache fails, the form stays open: losing a resident's message is worse.
    """
    limit, period = conf.feedback_rate_limit()
    try:
        _started, count = _current(_cache_key(request), period, time.time())
    except Exception:
        logger.exception("The feedback rate limit could not read the cache.")
        return False
    return count >= limit


def count_post(request: HttpRequest) -> None:
    """Count one accepted post (stored or caught as spam) against the client's limit."""
    _limit, period = conf.feedback_rate_limit()
    key = _cache_key(request)
    now = time.time()
    try:
        started, count = _current(key, period, now)
        remaining = max(1, int(started + period - now))
        cache.set(key, (started, count + 1), timeout=remaining)
    except Exception:
        logger.exception("The feedback rate limit could not write to the cache.")


def retry_after_seconds() -> int:
    """How long a rate-limited client should wait, at most."""
    return conf.feedback_rate_limit()[1]
