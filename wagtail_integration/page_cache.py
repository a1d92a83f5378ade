"""A shared server-side cache of the rendered content pages, for the sites (most of a city's)
that have no CDN in front of them.

Only what a CDN could keep is kept here too: the public view of a content page for anonymous
visitors (``http_caching.is_public_view``), a 200 that is the same for every visitor
(``http_caching.same_for_everyone``). A visitor's request is still routed by Wagtail and
passes its ``before_serve_page`` hooks (view restrictions among them); only the page's
queries and rendering are skipped.

Entries are found under a *generation* number kept in the same cache. Anything Wagtail
signals that a page may show bumps it, so every entry is forgotten at once: a page saved,
published, unpublished, moved or deleted, and a site, locale, document or image saved or
deleted (``signal_handlers``). What no signal announces (a host's snippet in its base
template, a bulk ``update()``) shows when the entry expires, after
``WAGTAIL_INTEGRATION_CACHE_MAX_AGE`` seconds: as late as a CDN would show it.

The same generation keeps small values derived from pages that many requests need
(``remember``): the feedback form's topics, say.

A cache that fails (Redis unreachable) makes every request a miss, never an error.

Django's cache middleware caches by URL and time only, and Wagtail has no page cache of its
own: this is written here, for the package's pages, with Wagtail's signals as invalidation.
"""

import logging
import re
import uuid
from collections.abc import Callable
from hashlib import md5
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Page as PaginatorPage
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from . import conf

logger = logging.getLogger(__name__)

GENERATION_KEY = "wagtail_integration:page-cache:generation"
KEY_PREFIX = "wagtail_integration:page-cache:page"
VALUE_PREFIX = "wagtail_integration:page-cache:value"
T = TypeVar("T")
# Query strings a content page is kept for: a listing's page number, and the measures
# overview's filters. A page is kept only if it applied exactly these values
# (`shows_requested_page`), so that made-up parameters cannot fill the cache.
CACHED_PARAMETERS = {
    "page": re.compile(r"[1-9][0-9]{0,3}"),
    "phase": re.compile(r"[1-9][0-9]{0,8}"),
    "group": re.compile(r"[1-9][0-9]{0,8}"),
    "status": re.compile(r"[a-z_]{1,32}"),
    "sort": re.compile(r"[a-z_]{1,32}"),
}
# Headers a kept answer is served with again; the caching headers are made anew each time.
KEPT_HEADERS = ("Content-Type", "Content-Language")


# Caches each process keeps for itself: an invalidation would reach one process only.
PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def enabled() -> bool:
    """Whether pages are kept: as the setting says; by default only in a cache that every
    server process shares, or in local memory while ``DEBUG`` is on (one process)."""
    if conf.cache_max_age() <= 0:
        return False
    setting = conf.page_cache_enabled()
    if setting is not None:
        return bool(setting)
    backend = settings.CACHES.get(conf.page_cache_alias(), {}).get("BACKEND", "")
    return backend not in PER_PROCESS_BACKENDS or (settings.DEBUG and "locmem" in backend)


def _cache():
    return caches[conf.page_cache_alias()]


def _new_generation() -> str:
    # A value never used before, not a counter: a counter that a cache culls or lets expire
    # (the database cache's incr is a get and a set with the default timeout) would start
    # again at 1 and bring back the entries kept under it.
    return uuid.uuid4().hex


def _generation() -> str:
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if value is None:
        raise RuntimeError("the cache keeps no generation")
    return value


def _bump() -> None:
    try:
        _cache().set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:  # the cache's own errors (a connection refused) have no common class
        logger.exception("The page cache could not be invalidated.")


def invalidate(*args, **kwargs) -> None:
    """Forget every kept page, now and again when the current transaction commits (also a
    signal handler, hence any arguments).

    Now: for what follows in this transaction. Again after the commit: a visitor's request
    that came between the first bump and the commit read the rows as they were and may have
    kept them under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)


def key_for(request: HttpRequest) -> str | None:
    """The key of `request`'s answer, or None when such a request is not kept."""
    if request.method != "GET":
        return None
    parameters = []
    for name, values in sorted(request.GET.lists()):
        pattern = CACHED_PARAMETERS.get(name)
        if pattern is None or len(values) != 1 or not pattern.fullmatch(values[0]):
            return None
        parameters.append(f"{name}={values[0]}")
    # The language too: a host without language prefixes in its URLs may choose it by
    # Accept-Language or a cookie.
    language = translation.get_language() or ""
    target = "\n".join([request.get_host(), request.path, "&".join(parameters), language])
    digest = md5(target.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
    try:
        return f"{KEY_PREFIX}:{_generation()}:{digest}"
    except Exception:
        logger.exception("The page cache is not available.")
        return None


def shows_requested_page(request: HttpRequest, response) -> bool:
    """Whether the response shows what the query string asks for: with ``?page=N``, page N of
    a listing (a number past the end shows the last page, and a page without a listing
    ignores it: neither is kept, so that made-up numbers cannot fill the cache); for a view
    whose context names its ``canonical_query`` (a dict), exactly that query."""
    context = getattr(response, "context_data", None) or {}
    if "canonical_query" in context:
        # A view that says which query it answered (the measures overview): kept only for
        # exactly that one.
        return request.GET.dict() == context["canonical_query"]
    requested = request.GET.get("page")
    if requested is None:
        return True
    return any(
        isinstance(value, PaginatorPage) and str(value.number) == requested
        for value in context.values()
    )


def get(key: str) -> HttpResponse | None:
    """The answer kept under `key`, as a new response; None if there is none."""
    try:
        entry = _cache().get(key)
    except Exception:
        logger.exception("The page cache is not available.")
        return None
    if entry is None:
        return None
    content, headers = entry
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def keep(key: str, response: HttpResponse) -> None:
    """Keep the rendered `response` under `key` for at most the pages' max-age."""
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    try:
        _cache().set(key, (response.content, headers), timeout=conf.cache_max_age())
    except Exception:
        logger.exception("The page cache is not available.")


def remember(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept under `name` until the next change of a page (or the pages'
    max-age); computed anew, and not kept, when the page cache is off or fails."""
    if not enabled():
        return compute()
    cache = _cache()
    try:
        key = f"{VALUE_PREFIX}:{_generation()}:{name}"
        kept = cache.get(key)
    except Exception:
        logger.exception("The page cache is not available.")
        return compute()
    if kept is not None:
        return kept[0]
    value = compute()
    try:
        cache.set(key, (value,), timeout=conf.cache_max_age())
    except Exception:
        logger.exception("The page cache is not available.")
    return value
