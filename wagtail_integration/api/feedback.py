"""The feedback form over HTTP: a django-ninja router for Wagtail's API v3 (or its own API).

``GET /feedback/{page_id}/`` describes the form in the page's language, with a signed token;
``POST /feedback/{page_id}/`` sends it. Both run the HTML form's code: the same form class,
spam defences, rate limit, storage and notification (``feedback.submissions``).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .. import conf, i18n
from ..feedback import ratelimit, spam
from ..feedback.submissions import Outcome, receive_feedback, request_too_large
from ..models import FeedbackFormPage

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
    response={200: FeedbackForm, 404: FeedbackRefused},
    url_name="integration_feedback_form",
    summary="Describe a feedback form",
    operation_id="integration_feedback_form",
    auth=None,
)
def feedback_form(request: HttpRequest, response: HttpResponse, page_id: int):
    """The form's fields in the page's language, and a token to send with the answer."""
    page = live_feedback_page(page_id)
    if page is None:
        return not_found()
    with_cors(request, response)
    language = i18n.page_language(page)
    with translation.override(language):
        form = page.get_form(page=page, user=request.user)
        privacy_page = page.get_privacy_page()
        visible = [f for f in form.visible_fields() if f.name != spam.HONEYPOT_FIELD]
        return Status(
            200,
            FeedbackForm(
                page_id=page.pk,
                title=page.title,
                language=language,
                intro=expand_db_html(page.intro),
                fields=[describe_field(f) for f in visible],
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


@router.post(
    "/feedback/{page_id}/",
    response={
        201: FeedbackCreated,
        404: FeedbackRefused,
        413: FeedbackRefused,
        422: FeedbackInvalid,
        429: FeedbackRefused,
    },
    url_name="integration_feedback_submit",
    summary="Send feedback",
    operation_id="integration_feedback_submit",
    auth=None,
)
def submit_feedback(
    request: HttpRequest, response: HttpResponse, page_id: int, body: FeedbackPost
):
    """Validate and store feedback; the same checks as the HTML form."""
    page = live_feedback_page(page_id)
    if page is None:
        return not_found()
    with_cors(request, response)
    with translation.override(i18n.page_language(page)):
        if request_too_large(request):
            return Status(
                413,
                {
                    "detail": _(
                        "Your message is too long to send. Please shorten it and try again."
                    )
                },
            )
        data, type_errors = form_data(body)
        if type_errors:
            return Status(422, {"detail": _("Please check your entries."), "errors": type_errors})
        result = receive_feedback(page, request, data)
        if result.outcome is Outcome.RATE_LIMITED:
            response["Retry-After"] = str(ratelimit.retry_after_seconds())
            return Status(
                429,
                {
                    "detail": _(
                        "You have sent several messages in a short time. "
                        "Please wait a while, then send your message again."
                    )
                },
            )
        if result.outcome is Outcome.INVALID:
            errors = {
                ("form" if name == "__all__" else name): [str(message) for message in messages]
                for name, messages in result.form.errors.items()
            }
            return Status(422, {"detail": _("Please check your entries."), "errors": errors})
        submission_id = result.submission.pk if result.submission else None
        return Status(201, {"id": submission_id, "message": _("Thank you for your message")})


@router.api_operation(["OPTIONS"], "/feedback/{page_id}/", include_in_schema=False, auth=None)
def feedback_preflight(request: HttpRequest, page_id: int):
    """Answer a browser's CORS preflight; only configured origins get the allow headers."""
    return with_cors(request, HttpResponse(status=204))


def form_data(body: FeedbackPost) -> tuple[dict, dict[str, list[str]]]:
    """The posted values as the form expects them; values that are no text are refused."""
    data: dict[str, Any] = {spam.TOKEN_FIELD: body.token}
    errors: dict[str, list[str]] = {}
    for name, value in body.values.items():
        if isinstance(value, bool):
            data[name] = "on" if value else ""
        elif isinstance(value, (str, int, float)) or value is None:
            data[name] = "" if value is None else str(value)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            data[name] = value
        else:
            errors[name] = [_("Please send text here.")]
    return data, errors
