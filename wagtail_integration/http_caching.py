"""HTTP caching of the package's content pages, so that a CDN, a reverse proxy or the
browser can answer for the server.

Content pages (concept, phase, working group, measure) are public and the same for every
anonymous visitor: they send ``Cache-Control: public, max-age=…`` and an ``ETag`` of their
content, and answer a conditional GET with 304. An ETag rather than ``Last-Modified``: a
listing changes when a page below it is unpublished, moved or deleted, which leaves no date
behind. Whatever carries a CSRF or signed token, or differs per visitor (the feedback form,
its answers, its API, a page an editor sees with the userbar, a preview, a page behind a view
restriction, a page whose rendering used the CSRF token or set a cookie) sends
``private, no-store`` or ``private, no-cache`` instead. What may be stored by a CDN is also
kept in the server's own shared cache (``page_cache``).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from wagtail.models import Page

from . import conf, page_cache


def is_public_view(request: HttpRequest, page: Page) -> bool:
    """Whether `page`, served to `request`, may be stored by shared caches (the view
    restrictions are read once per request, and shared with the page's listings)."""
    from .models.listings import is_restricted  # the models import this module

    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False  # editors get the userbar, and restricted pages once they are let in
    return not is_restricted(page, request)


def same_for_everyone(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the rendered `response` holds nothing of this visitor: it set no cookie, its
    rendering did not use the CSRF token (a host's base template may hold a form, whose token
    a shared cache would hand to everyone), showed no message of Django's messages framework
    and changed no session. (The session and message middleware set their cookies after the
    view, so their state is read on the request.)"""
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    return (
        not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "cookie" not in response.get("Vary", "").lower()
        and not (messages is not None and (messages.used or messages.added_new))
        and not (session is not None and session.modified)
    )


def cacheable_response(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """`response` marked as public for the configured time with an ETag of its content; a
    304 instead when the request's ``If-None-Match`` names that ETag."""
    if response.status_code != 200 or response.streaming:
        return response
    if isinstance(response, SimpleTemplateResponse):
        response.render()  # the ETag needs the content
    if not same_for_everyone(request, response):
        patch_cache_control(response, private=True, no_cache=True)
        return response
    set_response_etag(response)
    patch_cache_control(response, public=True, max_age=conf.cache_max_age())
    return get_conditional_response(request, etag=response["ETag"], response=response)


def private_response(response: HttpResponse) -> HttpResponse:
    """`response` for this visitor only: never stored by a shared cache or the browser."""
    add_never_cache_headers(response)
    return response


def serve_public(request: HttpRequest, page: Page, render: Callable[[], HttpResponse]):
    """The answer of `render()` for a public page (or a public route of it), with the caching
    headers above, from the page cache if it is kept there."""
    if not is_public_view(request, page):
        response = render()
        patch_cache_control(response, private=True, no_cache=True)
        return response
    key = page_cache.key_for(request) if page_cache.enabled() else None
    response = page_cache.get(key) if key else None
    if response is None:
        response = render()
        if isinstance(response, SimpleTemplateResponse):
            response.render()
        if (
            key
            and response.status_code == 200
            and not response.streaming
            and page_cache.shows_requested_page(request, response)
            and same_for_everyone(request, response)
        ):
            page_cache.keep(key, response)
    return cacheable_response(request, response)


class CachedPageMixin:
    """Serve a content page with the caching headers above, from the page cache if it is
    kept there."""

    def serve(self, request, *args, **kwargs):
        def render():
            return super(CachedPageMixin, self).serve(request, *args, **kwargs)

        return serve_public(request, self, render)
