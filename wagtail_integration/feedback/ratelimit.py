"""A per-client limit on feedback posts, counted in Django's cache.

The client's address is only ever used as a keyed hash (HMAC with the site's SECRET_KEY),
so neither the cache nor the database ever holds it.

Counting must hold under concurrency on every cache backend. ``get`` followed by ``set``
lets parallel posts all read the same count; ``incr`` is atomic on local-memory, Redis and
Memcached, but not on the database cache (which reads and writes). ``add`` is atomic on all of
them (the database cache inserts under a primary key). So a post takes one of the client's
``limit`` slots with ``add``: slot keys name a fixed window of the period (staggered per
client, as django-ratelimit does, so that windows do not all turn over at once), which also
keeps them independent of how a backend treats expired keys. At most ``limit`` posts per
window get a slot, however many arrive at once.
"""

import ipaddress
import logging
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from . import conf

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


def client_key(request: HttpRequest) -> str:
    """What one client is, for the limit: its IPv4 address, or the /64 network of its IPv6
    address (one household or phone gets a whole /64, and could rotate through it)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


@dataclass
class Window:
    """The client's current counting window: its slot keys and when it ends."""

    slot_keys: list[str]
    seconds_left: int


# What is counted: feedback posts, and lookups of status links that found nothing. Each
# has its own slots and its limit.
POSTS, STATUS_LOOKUPS = "posts", "status-lookups"
_RATES = {POSTS: conf.feedback_rate_limit, STATUS_LOOKUPS: conf.feedback_status_lookup_limit}


def current_window(request: HttpRequest, now: float | None = None, scope: str = POSTS) -> Window:
    limit, period = _RATES[scope]()
    digest = salted_hmac(_KEY_SALT, client_key(request), algorithm="sha256").hexdigest()
    offset = int(digest[:8], 16) % period
    now = time.time() if now is None else now
    number, elapsed = divmod(int(now) + offset, period)
    name = "rate" if scope == POSTS else scope  # the posts' keys as they always were
    prefix = f"wagtail_integration:feedback:{name}:{digest}:{period}:{number}"
    return Window([f"{prefix}:{slot}" for slot in range(limit)], max(1, period - elapsed))


@dataclass
class Reservation:
    """One post's claim on the client's limit; ``granted`` is False when none was left."""

    granted: bool
    key: str | None = None
    retry_after: int = 0

    def release(self) -> None:
        """Give the slot back: the post was not accepted after all (invalid, not stored)."""
        if self.key is None:
            return
        try:
            cache.delete(self.key)
        except Exception:
            logger.exception("The feedback rate limit could not release a slot.")
        self.key = None


def reserve(request: HttpRequest, scope: str = POSTS) -> Reservation:
    """Take one of this client's posts (or status lookups) for the current window,
    atomically.

    If the cache fails, the form stays open: losing a resident's message is worse.
    """
    window = current_window(request, scope=scope)
    try:
        # One read to skip the slots already taken, then atomic adds; a slot that another
        # post takes in between is simply skipped by its failing add.
        taken = cache.get_many(window.slot_keys)
        for key in window.slot_keys:
            if key not in taken and cache.add(key, 1, timeout=window.seconds_left + 1):
                return Reservation(granted=True, key=key)
    except Exception:
        logger.exception("The feedback rate limit could not use the cache.")
        return Reservation(granted=True)
    return Reservation(granted=False, retry_after=window.seconds_left)


def exhausted(request: HttpRequest, scope: str) -> Reservation | None:
    """A refusal when this client has no slot left in `scope`'s window, else None (without
    taking one). A failing cache refuses nothing."""
    window = current_window(request, scope=scope)
    try:
        taken = cache.get_many(window.slot_keys)
    except Exception:
        logger.exception("The feedback rate limit could not use the cache.")
        return None
    if len(taken) < len(window.slot_keys):
        return None
    return Reservation(granted=False, retry_after=window.seconds_left)
