"""The feedback form over HTTP: a django-ninja router for Wagtail's API v3 (or its own API).

``GET /feedback/{page_id}/`` describes the form in the page's language, with a signed token;
``POST /feedback/{page_id}/`` sends it. Both run the HTML form's code: the same form class,
spam defences, rate limit, storage and notification (``feedback.submissions``).
"""

import json
import math
from datetime import datetime
from functools import wraps
from typing import Any

from django import forms
from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Path, Router, Schema, Status
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from wagtail_integration import i18n
from wagtail_integration.api.errors import MAX_PAGE_ID, InvalidParameters, InvalidParametersProblem
from wagtail_integration.http_caching import private_response

from . import conf, spam, status
from .handling import has_answer
from .models import FeedbackFormPage
from .public_suggestions import show_in_locale, suggestions_of_form
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

PagePath = Path(..., ge=1, le=MAX_PAGE_ID, description="The id of a live feedback form page.")
NOT_JSON = Refusal(400, gettext_lazy("The request body must be a JSON object."))
NOT_JSON_TYPE = Refusal(415, gettext_lazy("Please send the request body as application/json."))
DUPLICATE = Refusal(
    409,
    gettext_lazy("This form has already been sent. To send another message, fetch a new form."),
)

router = Router(tags=["integration feedback"])

FIELD_TYPES = {
    "Textarea": "multiline",
    "TextInput": "singleline",
    "EmailInput": "email",
    "NumberInput": "number",
    "URLInput": "url",
    "CheckboxInput": "checkbox",
    "CheckboxSelectMultiple": "checkboxes",
    "Select": "dropdown",
    "SelectMultiple": "multiselect",
    "RadioSelect": "radio",
    "DateInput": "date",
    "DateTimeInput": "datetime",
    "HiddenInput": "hidden",
}


class Choice(Schema):
    value: str
    label: str


class FormField(Schema):
    name: str
    label: str
    type: str
    required: bool
    help_text: str = ""
    max_length: int | None = None
    choices: list[Choice] = []


class Consent(Schema):
    field: str = "consent"
    text: str
    privacy_url: str | None = None
    privacy_link_text: str


class FeedbackForm(Schema):
    page_id: int
    title: str
    language: str
    intro: str
    fields: list[FormField]
    consent: Consent
    token: str
    honeypot_field: str
    submit_label: str


class FeedbackPost(Schema):
    values: dict[str, Any]
    token: str


class FeedbackCreated(Schema):
    id: int | None
    message: str
    status_url: str = Field(
        description=(
            "The resident's private status page: what became of the message, and deleting "
            "it. Show it to the resident; it cannot be asked for again."
        )
    )


class FeedbackInvalid(Schema):
    detail: str
    errors: dict[str, list[str]]


class FeedbackRefused(Schema):
    detail: str


def live_feedback_page(page_id: int) -> FeedbackFormPage | None:
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    return page if isinstance(page, FeedbackFormPage) else None


def not_found() -> Status:
    return Status(404, {"detail": _("There is no feedback form with this id.")})


def with_cors(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Allow the configured origins (and only those) to read the answer of a browser post."""
    origin = request.headers.get("Origin")
    if origin and origin in conf.feedback_cors_origins():
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type, Accept-Language"
        response["Access-Control-Max-Age"] = "3600"
        response["Vary"] = "Origin"
    return response


def never_stored(run):
    """Every answer of the feedback API, django-ninja's own errors included, is for this
    client only (a token, a refusal): no cache may keep it."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs):
        return private_response(run(request, *args, **kwargs))

    return wrapper


def describe_field(bound_field) -> FormField:
    field, widget = bound_field.field, bound_field.field.widget
    choices = [
        Choice(value=str(value), label=str(label))
        for value, label in getattr(field, "choices", [])
        if value != ""
    ]
    return FormField(
        name=bound_field.name,
        label=str(bound_field.label) if bound_field.name != "consent" else "",
        type=FIELD_TYPES.get(type(widget).__name__, "singleline"),
        required=field.required,
        help_text=str(field.help_text or ""),
        max_length=getattr(field, "max_length", None),
        choices=choices,
    )


@router.get(
    "/feedback/{page_id}/",
    response={
        200: FeedbackForm,
        404: FeedbackRefused,
        422: InvalidParameters | InvalidParametersProblem,
        503: FeedbackRefused,
    },
    url_name="integration_feedback_form",
    summary="Describe a feedback form",
    operation_id="integration_feedback_form",
    auth=None,
)
@decorate_view(never_stored)
def feedback_form(request: HttpRequest, response: HttpResponse, page_id: int = PagePath):
    """The form's fields in the page's language, and a token to send with the answer."""
    try:
        return describe_form(request, response, page_id)
    except DatabaseError:
        return unavailable(response)


def describe_form(request: HttpRequest, response: HttpResponse, page_id: int) -> Status:
    page = live_feedback_page(page_id)
    if page is None:
        return not_found()
    with_cors(request, response)
    language = i18n.page_language(page)
    with translation.override(language):
        form = page.get_form(page=page, user=request.user)
        privacy_page = page.get_privacy_page()
        return Status(
            200,
            FeedbackForm(
                page_id=page.pk,
                title=page.title,
                language=language,
                intro=expand_db_html(page.intro),
                fields=[describe_field(field) for field in form.resident_fields()],
                consent=Consent(
                    text=strip_tags(str(form.fields["consent"].label)),
                    privacy_url=privacy_page.get_full_url(request) if privacy_page else None,
                    privacy_link_text=_("privacy notice"),
                ),
                token=form.fields[spam.TOKEN_FIELD].initial,
                honeypot_field=spam.HONEYPOT_FIELD,
                submit_label=_("Send message"),
            ),
        )


def refuse_unreadable_bodies(run):
    """Answer oversize and unparseable bodies with localized JSON before django-ninja reads them.

    django-ninja reads the body while it resolves the parameters, before the operation runs:
    a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` would end in Django's bare 400 (or a 500 with
    DEBUG), and broken JSON in an English-only 400.
    """

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method != "POST":
            return run(request, *args, **kwargs)
        refusal = None
        if request_too_large(request):
            refusal = TOO_LARGE
        elif request.content_type != "application/json":
            # A cross-origin page may send text/plain or a form without asking first (no CORS
            # preflight); only JSON, which needs the preflight, is accepted.
            refusal = NOT_JSON_TYPE
        else:
            try:
                json.loads(request.body)
            except RequestDataTooBig:
                refusal = TOO_LARGE
            except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deep
                refusal = NOT_JSON
        if refusal is None:
            return run(request, *args, **kwargs)
        with translation.override(request_language(kwargs.get("page_id"))):
            return refusal_response(request, refusal)

    return wrapper


def request_language(page_id) -> str:
    """The language of the feedback page `page_id` (a raw path value), else the active one."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        page_id = 0
    try:
        page = Page.objects.filter(pk=page_id).first() if 0 < page_id <= MAX_PAGE_ID else None
    except DatabaseError:
        page = None
    return i18n.page_language(page) if page else translation.get_language()


def refusal_response(request: HttpRequest, refusal: Refusal) -> JsonResponse:
    return with_cors(
        request, JsonResponse({"detail": str(refusal.message)}, status=refusal.status)
    )


@router.post(
    "/feedback/{page_id}/",
    response={
        201: FeedbackCreated,
        400: FeedbackRefused,
        404: FeedbackRefused,
        409: FeedbackRefused,
        413: FeedbackRefused,
        415: FeedbackRefused,
        422: FeedbackInvalid | InvalidParameters | InvalidParametersProblem,
        429: FeedbackRefused,
        503: FeedbackRefused,
    },
    url_name="integration_feedback_submit",
    summary="Send feedback",
    description=(
        "400: the body is not JSON. 415: the body is not sent as application/json. "
        "409: this token was already used for a stored submission (GET a new one). "
        "413: the body is over the size cap. 422: invalid "
        "values (`errors` by field) or invalid parameters (`detail`). 429 and 503 come "
        "with `Retry-After`; after a 503 nothing was stored: send the same post again."
    ),
    operation_id="integration_feedback_submit",
    auth=None,
)
@decorate_view(refuse_unreadable_bodies, never_stored)  # never_stored outermost
def submit_feedback(
    request: HttpRequest,
    response: HttpResponse,
    body: FeedbackPost,
    page_id: int = PagePath,
):
    """Validate and store feedback; the same checks as the HTML form."""
    try:
        page = live_feedback_page(page_id)
    except DatabaseError:
        return unavailable(response)
    if page is None:
        return not_found()
    with_cors(request, response)
    with translation.override(i18n.page_language(page)):
        try:
            data, type_errors = form_data(page, body)
        except DatabaseError:
            return unavailable(response)
        if type_errors:
            return Status(422, {"detail": _("Please check your entries."), "errors": type_errors})
        result = receive_feedback(page, request, data)
        if result.outcome is Outcome.RATE_LIMITED:
            response["Retry-After"] = str(result.retry_after)
            return Status(RATE_LIMITED.status, {"detail": str(RATE_LIMITED.message)})
        if result.outcome in (Outcome.INVALID, Outcome.EXPIRED):
            errors = {
                ("form" if name == "__all__" else name): [str(message) for message in messages]
                for name, messages in result.form.errors.items()
            }
            return Status(422, {"detail": _("Please check your entries."), "errors": errors})
        if result.outcome is Outcome.DUPLICATE:
            return Status(DUPLICATE.status, {"detail": str(DUPLICATE.message)})
        if result.outcome is Outcome.UNAVAILABLE:
            return unavailable(response)
        submission_id = result.submission.pk if result.submission else None
        return Status(
            201,
            {
                "id": submission_id,
                "message": _("Thank you for your message"),
                "status_url": status.status_url(page, result.status_token, request),
            },
        )


def unavailable(response: HttpResponse) -> Status:
    response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
    return Status(UNAVAILABLE.status, {"detail": str(UNAVAILABLE.message)})


@router.api_operation(["OPTIONS"], "/feedback/{page_id}/", include_in_schema=False, auth=None)
def feedback_preflight(request: HttpRequest, page_id: int):
    """Answer a browser's CORS preflight; only configured origins get the allow headers."""
    return with_cors(request, HttpResponse(status=204))


def json_kind(field) -> str:
    """The JSON type a form field takes: boolean, number, list (of strings) or string."""
    if isinstance(field, forms.BooleanField):
        return "boolean"
    if isinstance(field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return "number"
    if isinstance(field, forms.MultipleChoiceField):
        return "list"
    return "string"


TYPE_MESSAGES = {
    "boolean": gettext_lazy("Please send true or false here."),
    "number": gettext_lazy("Please send a number here."),
    "list": gettext_lazy("Please send a list of texts here."),
    "string": gettext_lazy("Please send text here."),
}


def form_value(kind: str, value):
    """`value` as the HTML form would send it, or raise TypeError if it has the wrong type.

    Each field takes exactly one JSON type: ``["x"]`` is no consent and ``NaN`` no text.
    """
    if kind == "boolean" and isinstance(value, bool):
        return "on" if value else ""
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise TypeError
        return str(value)
    if kind == "list" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if kind == "string" and isinstance(value, str):
        return value
    raise TypeError


def form_data(page, body: FeedbackPost) -> tuple[dict, dict[str, list[str]]]:
    """The posted values as the form expects them; a value of the wrong JSON type is refused.

    ``null`` counts as not sent. Names that are no field of the form are ignored, as the HTML
    form ignores them.
    """
    fields = page.get_form_class().base_fields
    data: dict[str, Any] = {spam.TOKEN_FIELD: body.token}
    errors: dict[str, list[str]] = {}
    for name, value in body.values.items():
        field = fields.get(name)
        if field is None or value is None or name == spam.TOKEN_FIELD:
            continue
        kind = json_kind(field)
        try:
            data[name] = form_value(kind, value)
        except TypeError:
            errors[name] = [str(TYPE_MESSAGES[kind])]
    return data, errors


class FeedbackStatusPage(Schema):
    """What the resident's private status link shows."""

    message: str
    submitted_at: datetime
    status: str = Field(description="new, in_progress, answered or closed.")
    status_label: str
    language: str
    topic: str | None = Field(description="The title of the working group it is about.")
    kept_until: datetime = Field(description="When the retention purge deletes it.")
    answer: str | None = Field(
        description="The board's answer as HTML (paragraphs and links), once there is one."
    )
    answer_language: str | None = Field(description="The language the answer is written in.")
    answered_at: datetime | None = Field(description="When the answer was last changed.")


def answer_data(submission) -> dict:
    """The answer's fields of the status API: all None while there is no answer."""
    if not has_answer(submission):
        return {"answer": None, "answer_language": None, "answered_at": None}
    return {
        "answer": expand_db_html(submission.answer),
        "answer_language": submission.answer_language or None,
        "answered_at": submission.answered_at,
    }


TOKEN_PATH = Path(..., max_length=100, description="The token of the private status link.")


def status_headers(response: HttpResponse) -> None:
    """The status link is the secret: never stored, never passed on, never indexed."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"


def status_not_found() -> Status:
    return Status(404, {"detail": _("This link leads to no message")})


@router.api_operation(
    ["GET", "DELETE"],
    "/feedback/status/{token}/",
    response={
        200: FeedbackStatusPage,
        204: None,
        404: FeedbackRefused,
        422: InvalidParameters | InvalidParametersProblem,
        429: FeedbackRefused,
        503: FeedbackRefused,
    },
    url_name="integration_feedback_status",
    summary="Read or delete one's own feedback",
    description=(
        "The private status link's token, as the 201 answer's status_url ends: GET reads the "
        "message, its status and until when it is kept (in the language it was sent in); "
        "DELETE deletes it for good (204). A token that finds nothing answers 404, the same "
        "for a wrong, changed or deleted one; after too many such lookups, 429."
    ),
    operation_id="integration_feedback_status",
    auth=None,
)
@decorate_view(never_stored)
def feedback_status(request: HttpRequest, response: HttpResponse, token: str = TOKEN_PATH):
    """The resident's own submission, by its status link."""
    status_headers(response)
    try:
        found = status.lookup(request, token)
        if found.retry_after:
            response["Retry-After"] = str(found.retry_after)
            return Status(429, {"detail": str(status.TOO_MANY_LOOKUPS)})
        submission = found.submission
        if submission is None:
            return status_not_found()
        if request.method == "DELETE":
            status.delete_by_resident(submission)
            return Status(204, None)
        with translation.override(submission.language or translation.get_language()):
            return Status(
                200,
                {
                    "message": str(submission.get_data().get("message", "")),
                    "submitted_at": submission.submit_time,
                    "status": submission.status,
                    "status_label": str(submission.get_status_display()),
                    "language": submission.language,
                    "topic": submission.topic.title if submission.topic else None,
                    "kept_until": status.kept_until(request, submission),
                    **answer_data(submission),
                },
            )
    except DatabaseError:
        return unavailable(response)


class SuggestionGroup(Schema):
    id: int
    title: str


class SuggestionMeasure(Schema):
    id: int
    title: str
    url: str | None
    status: str


class PublicSuggestion(Schema):
    """A published suggestion ("you said, we did"): never a name or an address."""

    id: int
    text: str = Field(description="The suggestion as published, without the sender's name.")
    language: str = Field(description="The language the resident wrote in.")
    answer: str = Field(description="The board's answer as HTML (paragraphs and links).")
    answer_language: str
    answered_at: datetime | None
    working_group: SuggestionGroup | None = Field(
        description="The working group it is about, in the form's language; null if general."
    )
    measures: list[SuggestionMeasure] = Field(description="The measures it led to.")

    @staticmethod
    def resolve_text(submission) -> str:
        return submission.public_message

    @staticmethod
    def resolve_answer(submission) -> str:
        return expand_db_html(submission.answer)

    @staticmethod
    def resolve_answer_language(submission) -> str:
        return submission.answer_language or submission.language

    @staticmethod
    def resolve_working_group(submission) -> dict | None:
        group = submission.group
        return {"id": group.pk, "title": group.title} if group else None

    @staticmethod
    def resolve_measures(submission, context) -> list[dict]:
        request = context["request"]
        return [
            {
                "id": measure.pk,
                "title": measure.title,
                "url": measure.get_full_url(request),
                "status": measure.status,
            }
            for measure in submission.led_to
        ]


class SuggestionPagination(LimitOffsetPagination):
    """Limit/offset paging with a bounded offset (see the measures list); each page's
    groups and measures read in the form's language in two queries."""

    class Input(LimitOffsetPagination.Input):
        limit: int = Field(20, ge=1, description="Items per page; larger values count as 100.")
        offset: int = Field(0, ge=0, le=MAX_PAGE_ID, description="Items to skip.")

    def paginate_queryset(self, queryset, pagination, request=None, **params):
        page = super().paginate_queryset(queryset, pagination, request=request, **params)
        items = list(page[self.items_attribute])
        page[self.items_attribute] = show_in_locale(items, request.wi_form_locale_id)
        return page


@router.get(
    "/feedback/{page_id}/suggestions/",
    response={
        200: list[PublicSuggestion],
        404: FeedbackRefused,
        422: InvalidParameters | InvalidParametersProblem,
    },
    url_name="integration_feedback_suggestions",
    summary="Published suggestions with their answers",
    description=(
        "The suggestions residents agreed to publish without their names, with the board's "
        "answers and the measures they led to, grouped by working group (general ones last), "
        "the newest answer first in a group. All language versions of the form; groups and "
        "measures in the form page's language."
    ),
    operation_id="integration_feedback_suggestions",
    auth=None,
)
@paginate(SuggestionPagination, max_limit=100)
def feedback_suggestions(request: HttpRequest, page_id: int = PagePath, **kwargs):
    """The published suggestions of a feedback form, one page of them."""
    page = live_feedback_page(page_id)
    if page is None:
        # Raised, not returned: django-ninja's paginator pages whatever the view returns.
        raise HttpError(404, str(_("There is no feedback form with this id.")))
    # For the paginator, which gets the request but not the page.
    request.wi_form_locale_id = page.locale_id
    return suggestions_of_form(page)
