"""HTTP caching of the package's content pages, so that a CDN, a reverse proxy or the
browser can answer for the server.

Content pages (concept, phase, working group, measure) are public and the same for every
anonymous visitor: they send ``Cache-Control: public, max-age=…`` and an ``ETag`` of their
content, and answer a conditional GET with 304. An ETag rather than ``Last-Modified``: a
listing changes when a page below it is unpublished, moved or deleted, which leaves no date
behind. Whatever carries a CSRF or signed token, or differs per visitor (the feedback form,
its answers, its API, a page an editor sees with the userbar, a preview, a page behind a view
restriction) sends ``private, no-store`` or ``private, no-cache`` instead.
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from wagtail.models import Page

from . import conf


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


def cacheable_response(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """`response` marked as public for the configured time with an ETag of its content; a
    304 instead when the request's ``If-None-Match`` names that ETag."""
    if response.status_code != 200 or response.streaming:
        return response
    if isinstance(response, SimpleTemplateResponse):
        response.render()  # the ETag needs the content
    set_response_etag(response)
    patch_cache_control(response, public=True, max_age=conf.cache_max_age())
    return get_conditional_response(request, etag=response["ETag"], response=response)


def private_response(response: HttpResponse) -> HttpResponse:
    """`response` for this visitor only: never stored by a shared cache or the browser."""
    add_never_cache_headers(response)
    return response


class CachedPageMixin:
    """Serve a content page with the caching headers above."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if is_public_view(request, self):
            return cacheable_response(request, response)
        patch_cache_control(response, private=True, no_cache=True)
        return response
