"""Settings of the content app a host may change, each read through one accessor with a
documented default. Every setting is optional and read at call time, so tests and hosts can
change them with Django's usual ``override_settings``."""

from django.conf import settings

# Plain-language guidance (e.g. the German "Leichte Sprache" and "Einfache Sprache" rules)
# recommends sentences of at most 15 to 20 words and splitting long compounds with a hyphen.
PLAIN_LANGUAGE_MAX_SENTENCE_WORDS = 20
PLAIN_LANGUAGE_MAX_WORD_LETTERS = 20
# No page lists an unbounded number of measures: a working group's page shows them a page at
# a time, a phase's page the first few of each group with a link to the group.
MEASURES_PER_PAGE = 10
PHASE_MEASURES_PER_GROUP = 5
# How long a CDN or browser may keep a content page without asking again (seconds); the
# server-side page cache keeps a rendered page as long at most.
CACHE_MAX_AGE = 300
PAGE_CACHE = None  # on in a shared cache (see page_cache.enabled)
PAGE_CACHE_ALIAS = "default"
# The measures import: the largest file and the most rows it reads (a concept of 6,000
# measures exports about 2 MB).
IMPORT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_ROWS = 20_000


def _get(name: str, default):
    return getattr(settings, f"WAGTAIL_INTEGRATION_{name}", default)


def plain_language_max_sentence_words() -> int:
    """The content checker flags sentences of the intro and the plain-language summary that
    have more words than this."""
    return int(_get("PLAIN_LANGUAGE_MAX_SENTENCE_WORDS", PLAIN_LANGUAGE_MAX_SENTENCE_WORDS))


def plain_language_max_word_letters() -> int:
    """The content checker flags words with more letters than this that have no hyphen."""
    return int(_get("PLAIN_LANGUAGE_MAX_WORD_LETTERS", PLAIN_LANGUAGE_MAX_WORD_LETTERS))


def measures_per_page() -> int:
    """How many measures a working group's page (and a phase's own measures) shows per page."""
    return max(1, int(_get("MEASURES_PER_PAGE", MEASURES_PER_PAGE)))


def phase_measures_per_group() -> int:
    """How many measures of each working group a phase's page shows before "all measures"."""
    return max(1, int(_get("PHASE_MEASURES_PER_GROUP", PHASE_MEASURES_PER_GROUP)))


def cache_max_age() -> int:
    """The ``max-age`` of the content pages' ``Cache-Control``, in seconds (0: always ask)."""
    return max(0, int(_get("CACHE_MAX_AGE", CACHE_MAX_AGE)))


def page_cache_enabled() -> bool | None:
    """Whether rendered content pages are kept in the cache for anonymous visitors
    (``page_cache``): True, False, or None (the default) for "when the cache is shared by all
    server processes". Turn it off if the host's base template renders something per request
    that is not a cookie, a message or a CSRF token (a CSP nonce, say)."""
    return _get("PAGE_CACHE", PAGE_CACHE)


def page_cache_alias() -> str:
    """The alias in ``CACHES`` the page cache uses."""
    return str(_get("PAGE_CACHE_ALIAS", PAGE_CACHE_ALIAS))


def import_max_bytes() -> int:
    """The largest CSV file the imports (measures, indicator values) accept, in bytes."""
    return max(1, int(_get("IMPORT_MAX_BYTES", IMPORT_MAX_BYTES)))


def import_max_rows() -> int:
    """The most rows the imports (measures, indicator values) read from one file."""
    return max(1, int(_get("IMPORT_MAX_ROWS", IMPORT_MAX_ROWS)))
