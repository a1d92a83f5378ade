"""Limits that cannot be passed: one use per signed form, oversize bodies, a failing database,
and bounded parameters. (Concurrency against a real server: test_feedback_concurrency.py.)"""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from wagtail_integration.feedback import spam
from wagtail_integration.feedback.models import FeedbackSubmission

from .feedback_helpers import api_url, fetch_form, post_api, post_expired_form, post_feedback

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_feedback")]


def test_a_signed_form_stores_one_submission_however_often_it_is_sent(client, feedback_page):
    data = fetch_form(client, feedback_page)
    data.update({"message": "Einmal", "consent": "on"})

    first = client.post(feedback_page.url, data)
    again = client.post(feedback_page.url, {**data, "message": "Zweimal"})

    assert first.status_code == again.status_code == 303  # the first one was received
    assert list(FeedbackSubmission.objects.values_list("form_data__message", flat=True)) == [
        "Einmal"
    ]


def test_the_api_refuses_a_used_token_with_409(client, feedback_page):
    token = spam.make_token(feedback_page)

    first = post_api(client, feedback_page, token=token)
    again = post_api(client, feedback_page, token=token)

    assert first.status_code == 201
    assert again.status_code == 409
    assert "fetch a new form" in again.json()["detail"]
    assert FeedbackSubmission.objects.count() == 1


def test_a_token_whose_post_was_invalid_can_be_sent_again_corrected(client, feedback_page):
    token = spam.make_token(feedback_page)

    invalid = post_api(client, feedback_page, {"topic": "general", "consent": True}, token=token)
    corrected = post_api(client, feedback_page, token=token)

    assert invalid.status_code == 422
    assert corrected.status_code == 201


def test_only_a_hash_of_the_token_is_kept_with_the_submission(client, feedback_page):
    import hashlib

    token = spam.make_token(feedback_page)
    post_api(client, feedback_page, token=token)

    submission = FeedbackSubmission.objects.values().get()
    assert submission["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(submission)


def test_a_token_with_a_lone_surrogate_is_dropped_as_forged(client, feedback_page):
    response = post_api(client, feedback_page, token=spam.make_token(feedback_page) + "\ud800")

    assert response.status_code == 201 and response.json()["id"] is None
    assert FeedbackSubmission.objects.count() == 0


def test_an_expired_form_keeps_its_slot_so_old_tokens_buy_no_free_posts(
    client, feedback_page, settings
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    expired = post_expired_form(client, feedback_page, settings, "Alt")

    resent = client.post(feedback_page.url, expired.context["form"].data)
    third = post_feedback(client, feedback_page)

    assert expired.status_code == 200
    assert resent.status_code == 303
    assert third.status_code == 429


@pytest.fixture
def small_django_limit(settings):
    """Django reads at most 20 kB; the feedback cap (256 kB) is larger, so Django's limit acts."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000


@pytest.mark.usefixtures("small_django_limit")
def test_a_post_over_djangos_limit_gets_the_localized_413_page_despite_csrf(
    feedback_page, german, home_page, django_capture_on_commit_callbacks
):
    from .i18n_helpers import translate_with_ancestors

    german_page = translate_with_ancestors(
        feedback_page, german, {}, django_capture_on_commit_callbacks
    )
    browser = Client(enforce_csrf_checks=True)  # CSRF middleware reads the body of a POST
    data = fetch_form(browser, german_page)  # with the CSRF token

    response = browser.post(german_page.url, {**data, "message": "x" * 30_000, "consent": "on"})

    assert response.status_code == 413
    content = response.content.decode()
    assert 'lang="de"' in content
    assert "zu lang" in content  # the German refusal
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.usefixtures("small_django_limit")
def test_an_api_post_over_djangos_limit_gets_a_json_413(client, feedback_page):
    response = post_api(client, feedback_page, {"message": "x" * 30_000, "consent": True})

    assert response.status_code == 413
    assert response.json()["detail"].startswith("Your message is too long")


def test_a_post_over_the_feedback_cap_gets_413_on_both_paths(client, feedback_page, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_REQUEST_BYTES = 5_000

    html = post_feedback(client, feedback_page, message="x" * 6_000)
    api = post_api(client, feedback_page, {"message": "x" * 6_000, "consent": True})

    assert html.status_code == api.status_code == 413
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.parametrize(
    "body", ["{not json", "[1, 2", "\udcff", "[" * 50_000 + "]" * 50_000], ids=lambda b: b[:9]
)
def test_a_body_that_is_no_json_gets_a_localized_400(client, feedback_page, body):
    response = client.post(
        api_url(feedback_page),
        body.encode("utf-8", "surrogateescape"),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )

    assert response.status_code == 400
    assert response.json()["detail"] == "The request body must be a JSON object."


def refuse_submission_inserts(execute, sql, params, many, context):
    """The database refuses to write submissions, as a locked SQLite file or a failed-over
    PostgreSQL does; everything else keeps working (Django's execute_wrapper hook)."""
    if sql.lstrip().upper().startswith("INSERT") and FeedbackSubmission._meta.db_table in sql:
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


@pytest.fixture
def locked_submissions_table():
    with connection.execute_wrapper(refuse_submission_inserts):
        yield


def test_while_the_database_is_locked_the_form_comes_back_with_the_message_and_503(
    client, feedback_page, locked_submissions_table, mailoutbox
):
    response = post_feedback(client, feedback_page, message="Bitte nicht verlieren")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("textarea", {"name": "message"}).get_text().strip() == "Bitte nicht verlieren"
    assert "could not be saved" in soup.find(id="wi-error-summary").get_text()
    assert FeedbackSubmission.objects.count() == 0
    assert mailoutbox == []


def test_while_the_database_is_locked_the_api_answers_503_and_the_same_post_works_later(
    client, feedback_page, settings
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1/h"
    token = spam.make_token(feedback_page)

    with connection.execute_wrapper(refuse_submission_inserts):
        locked = post_api(client, feedback_page, token=token)
    retried = post_api(client, feedback_page, token=token)

    assert locked.status_code == 503
    assert locked["Retry-After"] == "60"
    assert "Nothing has been sent" in locked.json()["detail"]
    # Neither the rate-limit slot (limit 1) nor the token was used up by the failed post.
    assert retried.status_code == 201
    assert FeedbackSubmission.objects.count() == 1


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_the_api_takes_json_only_so_no_page_elsewhere_can_post_without_a_preflight(
    client, feedback_page, content_type
):
    body = json.dumps({"token": spam.make_token(feedback_page), "values": {"message": "x"}})

    response = client.post(
        api_url(feedback_page),
        body,
        content_type=content_type,
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 415
    assert "application/json" in response.json()["detail"]
    assert FeedbackSubmission.objects.count() == 0


HOSTILE_IDS = ["528910946961683747897868288", "2147483648", "0", "-1", "1e3", "abc", "%00"]


@pytest.mark.parametrize("page_id", HOSTILE_IDS)
def test_every_page_id_is_bounded_on_both_operations(client, page_id):
    got = client.get(api_url(page_id))
    sent = client.post(api_url(page_id), "{}", content_type="application/json")

    assert got.status_code in (404, 422)
    assert sent.status_code in (404, 422)


def test_huge_submission_id_in_the_admin_is_404(admin_client):
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[1]).replace("/1/", "/")
    response = admin_client.get(f"{url}{10**30}/")

    assert response.status_code == 404


def test_openapi_declares_every_status_the_feedback_operations_return(client):
    schema = client.get("/api/standalone/openapi.json").json()
    path = next(p for p in schema["paths"] if p.endswith("/integration/feedback/{page_id}/"))

    get, post = schema["paths"][path]["get"], schema["paths"][path]["post"]
    assert set(get["responses"]) == {"200", "404", "422", "503"}
    assert set(post["responses"]) == {
        "201",
        "400",
        "404",
        "409",
        "413",
        "415",
        "422",
        "429",
        "503",
    }
    page_id = next(p for p in post["parameters"] if p["name"] == "page_id")
    assert page_id["schema"]["maximum"] == 2**31 - 1


def test_when_the_database_goes_down_mid_post_a_page_without_it_gives_the_message_back(
    client, feedback_page
):
    down = []

    def database_goes_down(execute, sql, params, many, context):
        if down or (sql.lstrip().upper().startswith("INSERT") and "submission" in sql):
            down.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    data = fetch_form(client, feedback_page)
    data.update({"message": "Bitte nicht verlieren", "consent": "on"})
    with connection.execute_wrapper(database_goes_down):
        response = client.post(feedback_page.url, data)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(id="wi-unsent-message").get_text() == "Bitte nicht verlieren"
    assert soup.html["lang"] == "en"
    assert len(down) > 1  # rendering the form page needed the database too
