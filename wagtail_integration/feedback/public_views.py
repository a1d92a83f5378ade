"""The public list of a feedback form's published suggestions with their answers, at
``<feedback page>answers/`` ("you said, we did"), in the page's language.

The list is the same for every visitor: it is served with the content pages' caching
headers and kept in the page cache, which a change of what is published invalidates
(``handling.py``, ``signal_handlers.py``).
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from wagtail_integration.http_caching import serve_public

from .public_suggestions import page_of_suggestions

TEMPLATE = "wagtail_integration_feedback/public_suggestions.html"


def serve_public_suggestions(page, request: HttpRequest) -> HttpResponse:
    def render() -> TemplateResponse:
        suggestions = page_of_suggestions(page, request.GET.get("page"))
        context = {
            **page.get_context(request),
            "suggestions": suggestions,
            "page_of_list": suggestions,
        }
        return TemplateResponse(request, TEMPLATE, context)

    return serve_public(request, page, render)
