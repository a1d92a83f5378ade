"""Oversize posts to a feedback page get the page's localized 413, not Django's bare 400.

Django refuses to read a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB by default)
with ``RequestDataTooBig``, and CSRF middleware reads the body of every POST before any page
code runs: without this middleware such a post ends as a bare "Bad Request" page. The
middleware applies the feedback page's own size check (``submissions.request_too_large``),
so a post over the feedback cap gets the same answer here as from the page.

Neither Wagtail nor Django offers a per-page hook that runs before CSRF middleware, so this
small middleware does it. Put it anywhere after ``LocaleMiddleware``; it reads the declared
length only and never the body.
"""

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from wagtail.models import Page

from ..http_caching import private_response
from .submissions import request_too_large


class FeedbackRequestSizeMiddleware:
    """Answer a POST larger than Django reads with the feedback page's 413 refusal page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request_too_large(request):
            page = feedback_page_for(request)
            if page is not None:
                from .views import render_too_large

                return private_response(render_too_large(page, request))
        return self.get_response(request)


def feedback_page_for(request: HttpRequest):
    """The live feedback page that Wagtail would serve for this request, or None."""
    from .models import FeedbackFormPage

    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    path = match.kwargs.get("path", match.args[0] if match.args else "")
    try:
        route = Page.route_for_request(request, path)
        page = route[0] if route else None
        if not isinstance(page, FeedbackFormPage) or page.get_view_restrictions().exists():
            return None  # a private page answers as Wagtail decides, not with its title
    except DatabaseError:
        return None  # Wagtail's own view will meet the same failure and answer it
    return page
