"""Serving the feedback page to residents: the form, the thank-you page, refusals."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import ratelimit
from .submissions import Outcome, receive_feedback, request_too_large

SENT_PARAMETER = "sent"


def serve_feedback_form(page, request, *args, **kwargs):
    """GET shows the form (or the thank-you page after sending); POST receives feedback."""
    if request.method != "POST":
        if request.GET.get(SENT_PARAMETER) == "1":
            return page.render_landing_page(request, None, *args, **kwargs)
        return render_form(page, request, page.get_form(page=page, user=request.user))

    if request_too_large(request):
        return render_refusal(
            page,
            request,
            status=413,
            message=_("Your message is too long to send. Please shorten it and try again."),
        )
    result = receive_feedback(page, request, request.POST)
    if result.outcome is Outcome.RATE_LIMITED:
        response = render_refusal(
            page,
            request,
            status=429,
            message=_(
                "You have sent several messages in a short time. "
                "Please wait a while, then send your message again."
            ),
            unsent_message=str(request.POST.get("message", "")),
        )
        response["Retry-After"] = str(ratelimit.retry_after_seconds())
        return response
    if result.outcome is Outcome.INVALID:
        return render_form(page, request, result.form)
    # Stored, or caught as spam: the same redirect, so a bot cannot tell them apart, and
    # reloading the thank-you page does not send the message twice.
    return HttpResponseRedirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1", status=303)


def render_form(page, request, form) -> TemplateResponse:
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context)


def render_refusal(
    page, request, *, status: int, message, unsent_message: str = ""
) -> TemplateResponse:
    context = page.get_context(request)
    context["refusal"] = message
    context["unsent_message"] = unsent_message
    return TemplateResponse(
        request, "wagtail_integration/feedback_refused.html", context, status=status
    )
