"""Serving the feedback page to residents: the form, the thank-you page, refusals."""

import logging
from urllib.parse import urlencode

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import get_language, get_language_bidi

from wagtail_integration import i18n
from wagtail_integration.http_caching import private_response

from . import status
from .public_suggestions import answers_url, has_public_suggestions
from .submissions import (
    RATE_LIMITED,
    TOO_LARGE,
    UNAVAILABLE,
    UNAVAILABLE_RETRY_AFTER,
    Outcome,
    Refusal,
    receive_feedback,
    request_too_large,
)
from .text import safe_text

logger = logging.getLogger(__name__)
SENT_PARAMETER = "sent"
LINK_PARAMETER = "link"


def serve_feedback_form(page, request, *args, **kwargs):
    """GET shows the form (or the thank-you page after sending); POST receives feedback.
    No answer is ever cached: the form carries a CSRF and a signed token, and the others
    are for this resident only."""
    return private_response(_answer(page, request, *args, **kwargs))


def _answer(page, request, *args, **kwargs):
    if request.method != "POST":
        if request.GET.get(SENT_PARAMETER) == "1":
            return render_thank_you(page, request, *args, **kwargs)
        return render_form(page, request, page.get_form(page=page, user=request.user))

    if request_too_large(request):
        return render_too_large(page, request)
    result = receive_feedback(page, request, request.POST)
    if result.outcome is Outcome.RATE_LIMITED:
        response = render_refusal(
            page,
            request,
            RATE_LIMITED,
            unsent_message=str(safe_text(request.POST.get("message", ""))),
        )
        response["Retry-After"] = str(result.retry_after)
        return response
    if result.outcome in (Outcome.INVALID, Outcome.EXPIRED):
        return render_form(page, request, result.form)
    if result.outcome is Outcome.UNAVAILABLE:
        return render_unavailable(page, request, form=result.form)
    # Stored, caught as spam, or sent again (the first one is stored): the same redirect,
    # so a bot cannot tell them apart, and reloading the thank-you page sends nothing again.
    # It carries the private status link's token, which the thank-you page shows.
    query = urlencode({SENT_PARAMETER: "1", LINK_PARAMETER: result.status_token})
    return HttpResponseRedirect(f"{page.get_url(request)}?{query}", status=303)


def render_thank_you(page, request, *args, **kwargs):
    """The thank-you page, with the resident's private status link when the address holds
    one; its links must not pass that address on (``Referrer-Policy: no-referrer``)."""
    response = page.render_landing_page(request, None, *args, **kwargs)
    token = request.GET.get(LINK_PARAMETER, "")
    if status.is_well_formed(token):
        response.context_data["status_link"] = status.status_path(page, token, request)
        response.context_data["status_link_full"] = status.status_url(page, token, request)
    response["Referrer-Policy"] = "no-referrer"
    return response


def render_form(page, request, form, status: int = 200) -> TemplateResponse:
    context = page.get_context(request)
    context["form"] = form
    if has_public_suggestions(page):
        context["public_suggestions_url"] = answers_url(page, request)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def render_refusal(
    page, request, refusal: Refusal, *, unsent_message: str = ""
) -> TemplateResponse:
    context = page.get_context(request)
    context["refusal"] = refusal.message
    context["unsent_message"] = unsent_message
    context["back_url"] = page.get_url(request)
    return TemplateResponse(
        request,
        "wagtail_integration_feedback/feedback_refused.html",
        context,
        status=refusal.status,
    )


def render_too_large(page, request) -> HttpResponse:
    """The 413 page in the page's language; it never reads the body, which may be too large
    to read (the middleware calls it before Django's LocaleMiddleware may have run)."""
    with translation.override(i18n.page_language(page)):
        return render_refusal(page, request, TOO_LARGE).render()


def render_unavailable(page, request, *, form) -> HttpResponse:
    """A 503 that gives the resident everything back: the form with their values, if the
    page can still be rendered; else a page that needs no database, with the message to copy.
    """
    if form is not None:
        form.add_error(None, UNAVAILABLE.message)
        try:
            response = render_form(page, request, form, status=UNAVAILABLE.status).render()
        except DatabaseError:
            logger.exception("The feedback page %s could not be rendered.", page.pk)
        else:
            response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
            return response
    content = render_to_string(
        "wagtail_integration_feedback/feedback_unavailable.html",
        {
            "message": UNAVAILABLE.message,
            "unsent_message": str(safe_text(request.POST.get("message", ""))),
            "back_url": request.path,
            "language_code": get_language(),
            "language_bidi": get_language_bidi(),
        },
    )
    response = HttpResponse(content, status=UNAVAILABLE.status)
    response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
    return response
