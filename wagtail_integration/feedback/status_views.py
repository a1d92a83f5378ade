"""The resident's private status page below the feedback page (``<page>/status/<token>/``):
their message, its date and status, how long it is kept, and deleting it (after a
confirmation, at ``.../delete/``).

Every answer is for the holder of the link only: ``Cache-Control: no-store``,
``Referrer-Policy: no-referrer`` (the address is the secret), ``X-Robots-Tag: noindex``. A
token that finds nothing (malformed, changed, another page's, or of a deleted submission)
gets one and the same 404, and counts against the client's limit of such lookups; past it,
every lookup answers 429. Reading needs no cookie; only the delete confirmation's form
carries Django's CSRF token (and so its cookie), and is sent with ``same-origin``: browsers
send "Origin: null" from a ``no-referrer`` page, which the CSRF check refuses.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation

from wagtail_integration import i18n
from wagtail_integration.http_caching import private_response

from . import status
from .handling import has_answer

NOT_FOUND_TEMPLATE = "wagtail_integration_feedback/status_not_found.html"
STATUS_TEMPLATE = "wagtail_integration_feedback/status_page.html"


def private(response: HttpResponse, referrer_policy: str = "no-referrer") -> HttpResponse:
    """The headers of every answer of the status page."""
    private_response(response)
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def serve_status(page, request, token: str, action: str = "") -> HttpResponse:
    """GET the status page or the delete confirmation; POST the deletion."""
    found = status.lookup(request, token, page)
    if found.retry_after:
        response = _render(
            page, request, NOT_FOUND_TEMPLATE, {"message": status.TOO_MANY_LOOKUPS}, 429
        )
        response["Retry-After"] = str(found.retry_after)
        return private(response)
    submission = found.submission
    if submission is None or request.method not in ("GET", "HEAD", "POST"):
        return private(_render(page, request, NOT_FOUND_TEMPLATE, {}, 404))
    with translation.override(submission.language or i18n.page_language(page)):
        if action == "delete" and request.method == "POST":
            status.delete_by_resident(submission)
            return private(_render(page, request, STATUS_TEMPLATE, {"deleted": True}))
        context = {
            "submission": submission,
            "message": submission.get_data().get("message", ""),
            "kept_until": status.kept_until(request, submission),
            "has_answer": has_answer(submission),
            "confirm_delete": action == "delete",
            "status_path": status.status_path(page, token, request),
        }
        response = _render(page, request, STATUS_TEMPLATE, context)
        # The confirmation's form is sent with Django's CSRF check, which refuses the
        # "Origin: null" that browsers send from a no-referrer page; "same-origin" still
        # passes the address to nobody but this site.
        return private(response, "same-origin" if action == "delete" else "no-referrer")


def _render(page, request, template: str, context: dict, status_code: int = 200):
    context = {"page": page, "self": page, "request": request, **context}
    response = TemplateResponse(request, template, context, status=status_code)
    return response.render()
