"""The feedback form through the API: one code path with the HTML form."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from wagtail_integration.feedback.models import FeedbackSubmission

from .feedback_helpers import post_json
from .i18n_helpers import translate_tree

pytestmark = pytest.mark.django_db

# Wagtail 8 serves the router in its API v3; the package's own API serves it on Wagtail 7.4.
NAMESPACES = ["wagtail_integration_api"] + (
    ["wagtailapi_v3"] if settings.WAGTAIL_HAS_API_V3 else []
)


@pytest.fixture(params=NAMESPACES)
def namespace(request):
    return request.param


def form_url(namespace: str, page) -> str:
    return reverse(f"{namespace}:integration_feedback_form", args=[page.pk])


def openapi(client, namespace: str) -> dict:
    prefix = "/api/v3" if namespace == "wagtailapi_v3" else "/api/standalone"
    response = client.get(f"{prefix}/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def api_client():
    """Like a front-end on another server: no session, and CSRF checks enforced."""
    return Client(enforce_csrf_checks=True)


def test_openapi_schema_lists_both_operations_with_their_schemas(client, namespace):
    schema = openapi(client, namespace)

    path = next(p for p in schema["paths"] if p.endswith("/integration/feedback/{page_id}/"))
    operations = schema["paths"][path]
    assert operations["get"]["operationId"] == "integration_feedback_form"
    assert operations["post"]["operationId"] == "integration_feedback_submit"
    assert set(operations["post"]["responses"]) >= {"201", "404", "422", "429"}
    body = operations["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/FeedbackPost")
    components = schema["components"]["schemas"]
    assert {"values", "token"} <= set(components["FeedbackPost"]["properties"])
    assert {"fields", "token", "consent"} <= set(components["FeedbackForm"]["properties"])
    assert "errors" in components["FeedbackInvalid"]["properties"]


def test_get_describes_the_form_in_the_page_language(api_client, feedback_page, namespace):
    response = api_client.get(form_url(namespace, feedback_page))

    assert response.status_code == 200
    data = response.json()
    assert data["language"] == "en"
    names = [field["name"] for field in data["fields"]]
    assert names[:4] == ["message", "topic", "name", "email"]
    message = data["fields"][0]
    assert message == {
        "name": "message",
        "label": "Your message",
        "type": "multiline",
        "required": True,
        "help_text": "Your wishes or suggestions. You can write in any language.",
        "max_length": 5000,
        "choices": [],
    }
    topic = data["fields"][1]
    assert [c["label"] for c in topic["choices"]][:2] == [
        "General or other topic",
        "Arbeit und Ausbildung",
    ]
    assert "website" not in names
    assert data["honeypot_field"] == "website"
    assert data["token"]


@pytest.mark.usefixtures("instant_feedback")
def test_get_and_post_round_trip_in_german_and_english(
    api_client,
    namespace,
    home_page,
    concept_tree,
    feedback_page,
    german,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    translate_tree(home_page, german, {"Your message": "x"}, django_capture_on_commit_callbacks)
    german_page = feedback_page.get_translation(german)

    for page, label, language in [
        (feedback_page, "Your message", "en"),
        (german_page, "Ihre Anregung", "de"),
    ]:
        form = api_client.get(form_url(namespace, page)).json()
        assert form["fields"][0]["label"] == label
        assert form["language"] == language
        with django_capture_on_commit_callbacks(execute=True):
            response = post_json(
                api_client,
                form_url(namespace, page),
                {
                    "token": form["token"],
                    "values": {
                        "message": f"Hallo ({language})",
                        "topic": "general",
                        "consent": True,
                    },
                },
            )
        assert response.status_code == 201, response.content
        submission = FeedbackSubmission.objects.get(pk=response.json()["id"])
        assert submission.language == language
        assert submission.form_data["message"] == f"Hallo ({language})"
    assert len(mailoutbox) == 2


@pytest.mark.usefixtures("instant_feedback")
def test_missing_fields_give_422_with_one_localized_message_per_field(
    api_client,
    namespace,
    home_page,
    concept_tree,
    feedback_page,
    german,
    django_capture_on_commit_callbacks,
):
    translate_tree(home_page, german, {}, django_capture_on_commit_callbacks)
    german_page = feedback_page.get_translation(german)
    token = api_client.get(form_url(namespace, german_page)).json()["token"]

    response = post_json(
        api_client,
        form_url(namespace, german_page),
        {"token": token, "values": {"email": "kein-email", "topic": "general"}},
    )

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"message", "consent", "email"}
    assert errors["message"] == ["Bitte schreiben Sie Ihre Anregung."]
    assert all(len(messages) == 1 for messages in errors.values())
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.usefixtures("instant_feedback")
@pytest.mark.parametrize(
    "values",
    [{"message": {"nested": "object"}}, {"message": ["a", 1]}, {"message": "x" * 100_000}],
    ids=["object", "mixed-list", "huge"],
)
def test_wrong_types_and_huge_values_give_422(api_client, namespace, feedback_page, values):
    token = api_client.get(form_url(namespace, feedback_page)).json()["token"]

    response = post_json(
        api_client,
        form_url(namespace, feedback_page),
        {"token": token, "values": {"consent": True, **values}},
    )

    assert response.status_code == 422
    assert "message" in response.json()["errors"]
    assert FeedbackSubmission.objects.count() == 0


def test_malformed_body_is_a_client_error(api_client, namespace, feedback_page):
    url = form_url(namespace, feedback_page)

    not_json = api_client.post(url, "{not json", content_type="application/json")
    no_token = post_json(api_client, url, {"values": {}})

    assert not_json.status_code in (400, 422)
    assert no_token.status_code == 422


def test_a_page_that_is_not_a_live_feedback_form_is_404(
    api_client, namespace, concept_tree, feedback_page
):
    concept_url = form_url(namespace, concept_tree["concept"])
    feedback_page.unpublish()

    assert api_client.get(concept_url).status_code == 404
    assert post_json(api_client, concept_url, {"token": "x", "values": {}}).status_code == 404
    assert api_client.get(form_url(namespace, feedback_page)).status_code == 404
    assert api_client.get("/api/standalone/integration/feedback/99999999/").status_code == 404


@pytest.mark.usefixtures("instant_feedback")
def test_anonymous_post_needs_no_csrf_but_is_spam_checked_and_rate_limited(
    api_client, namespace, feedback_page, settings
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    url = form_url(namespace, feedback_page)
    token = api_client.get(url).json()["token"]
    values = {"message": "Hallo", "consent": True}

    spam = post_json(api_client, url, {"token": token, "values": {**values, "website": "x"}})
    forged = post_json(api_client, url, {"token": "forged", "values": values})
    limited = post_json(api_client, url, {"token": token, "values": values})

    assert spam.status_code == 201 and spam.json()["id"] is None
    assert forged.status_code == 201 and forged.json()["id"] is None
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 3600  # the end of the client's window
    assert FeedbackSubmission.objects.count() == 0


def test_cors_is_off_unless_the_origin_is_configured(
    api_client, namespace, feedback_page, settings
):
    url = form_url(namespace, feedback_page)

    closed = api_client.get(url, HTTP_ORIGIN="https://app.example.org")
    settings.WAGTAIL_INTEGRATION_FEEDBACK_CORS_ORIGINS = ["https://app.example.org"]
    allowed = api_client.get(url, HTTP_ORIGIN="https://app.example.org")
    other = api_client.get(url, HTTP_ORIGIN="https://evil.example")
    preflight = api_client.options(
        url, HTTP_ORIGIN="https://app.example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )

    assert "Access-Control-Allow-Origin" not in closed
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Access-Control-Allow-Origin" not in other
    assert preflight.status_code == 204
    assert "POST" in preflight["Access-Control-Allow-Methods"]
