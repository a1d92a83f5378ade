"""Settings a host may change, each read through one accessor with a documented default.

Every setting is optional. They are read at call time, so tests and hosts can change them
with Django's usual ``override_settings``.
"""

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FEEDBACK_MIN_SECONDS = 3
FEEDBACK_MAX_SECONDS = 24 * 60 * 60
FEEDBACK_RATE_LIMIT = "5/h"
# Lookups of a status link that find nothing, per client: a resident mistypes a link now and
# then; trying out tokens needs far more.
FEEDBACK_STATUS_LOOKUP_LIMIT = "30/h"
# Each post reads one cache key per allowed post (see ratelimit.py): 1,000 keys cost a
# few milliseconds, 100,000 cost seconds.
FEEDBACK_RATE_LIMIT_MAX = 1000
FEEDBACK_MESSAGE_MAX_LENGTH = 5000
FEEDBACK_MAX_REQUEST_BYTES = 256 * 1024
FEEDBACK_PARENT_PAGE_TYPES = ["wagtail_integration.IntegrationConceptPage"]
FEEDBACK_CLIENT_IP_HEADER = "REMOTE_ADDR"
FEEDBACK_CORS_ORIGINS: list[str] = []

_RATE_PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def _get(name: str, default):
    return getattr(settings, f"WAGTAIL_INTEGRATION_{name}", default)


def feedback_min_seconds() -> int:
    """A feedback form sent sooner than this after it was shown is treated as spam."""
    return int(_get("FEEDBACK_MIN_SECONDS", FEEDBACK_MIN_SECONDS))


def feedback_max_seconds() -> int:
    """A feedback form sent later than this after it was shown must be sent again."""
    return int(_get("FEEDBACK_MAX_SECONDS", FEEDBACK_MAX_SECONDS))


def feedback_rate_limit() -> tuple[int, int]:
    """How many feedback posts one client may send per period: (count, seconds).

    The setting reads like ``"5/h"``: a number, a slash, and one of s, m, h, d. The number
    is at most ``FEEDBACK_RATE_LIMIT_MAX``: each post reads one cache key per allowed post.
    """
    return _rate("FEEDBACK_RATE_LIMIT", FEEDBACK_RATE_LIMIT, "posts")


def feedback_status_lookup_limit() -> tuple[int, int]:
    """How many lookups of a status link that finds nothing one client may make per period
    (a wrong, changed or expired token), as ``"30/h"``; then every lookup answers 429 until
    the period ends, so that tokens cannot be tried out."""
    return _rate("FEEDBACK_STATUS_LOOKUP_LIMIT", FEEDBACK_STATUS_LOOKUP_LIMIT, "lookups")


def _rate(name: str, default: str, what: str) -> tuple[int, int]:
    value = _get(name, default)
    match = re.fullmatch(r"\s*(\d+)\s*/\s*([smhd])\s*", str(value))
    if not match:
        raise ImproperlyConfigured(
            f"WAGTAIL_INTEGRATION_{name} must look like '5/h', not {value!r}."
        )
    count = int(match[1])
    if not 1 <= count <= FEEDBACK_RATE_LIMIT_MAX:
        raise ImproperlyConfigured(
            f"WAGTAIL_INTEGRATION_{name} allows 1 to "
            f"{FEEDBACK_RATE_LIMIT_MAX} {what} per period, not {count}."
        )
    return count, _RATE_PERIODS[match[2]]


def feedback_message_max_length() -> int:
    """The longest message, in characters, that the feedback form accepts."""
    return int(_get("FEEDBACK_MESSAGE_MAX_LENGTH", FEEDBACK_MESSAGE_MAX_LENGTH))


def feedback_max_request_bytes() -> int:
    """A feedback post with a larger body is refused before it is read."""
    return int(_get("FEEDBACK_MAX_REQUEST_BYTES", FEEDBACK_MAX_REQUEST_BYTES))


def feedback_parent_page_types() -> list[str]:
    """The page types under which editors may create a feedback form page."""
    return list(_get("FEEDBACK_PARENT_PAGE_TYPES", FEEDBACK_PARENT_PAGE_TYPES))


def feedback_client_ip_header() -> str:
    """The ``request.META`` key that holds the client's address, for the rate limit.

    Behind a reverse proxy, set it to the header the proxy sets, e.g. ``"HTTP_X_REAL_IP"``.
    The address is only ever used hashed and is never stored.
    """
    return str(_get("FEEDBACK_CLIENT_IP_HEADER", FEEDBACK_CLIENT_IP_HEADER))


def feedback_cors_origins() -> list[str]:
    """Origins (``"https://app.example.org"``) whose browser pages may call the feedback API.

    Empty by default: no cross-origin access.
    """
    return [
        str(origin).rstrip("/") for origin in _get("FEEDBACK_CORS_ORIGINS", FEEDBACK_CORS_ORIGINS)
    ]
