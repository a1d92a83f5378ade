"""Spam and abuse defences: honeypot, signed fill time, rate limit, request size cap."""

import base64
import datetime
import io
import pickle
import re
import time
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.test import Client

from wagtail_integration.feedback import ratelimit, spam
from wagtail_integration.feedback.models import FeedbackSubmission

from .feedback_helpers import fetch_form, post_expired_form, post_feedback, request_from

pytestmark = pytest.mark.django_db

CACHE_TABLE = "test_cache"


@pytest.fixture
def database_cache(settings):
    """Count the rate limit in Django's database cache, which expires by its own clock."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        }
    }
    call_command("createcachetable", verbosity=0)


@pytest.fixture(params=["local_memory", "database"])
def cache_backend(request):
    """Each kind of cache a host may count the rate limit in (the tests' default is local
    memory)."""
    if request.param == "database":
        request.getfixturevalue("database_cache")
    return request.param


class Clock:
    """Time that passes only when a test moves it on."""

    def __init__(self, now: float):
        self.now = now

    def time(self) -> float:
        return self.now

    def datetime(self) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(self.now, tz=datetime.timezone.utc)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    """Stop the clocks the rate limit and the caches read: ``time.time`` (the limit's window,
    the expiry every cache backend computes, local memory's check) and the database cache's
    own ``now``."""
    stopped = Clock(int(time.time()))
    with (
        mock.patch("time.time", stopped.time),
        mock.patch("django.core.cache.backends.db.tz_now", stopped.datetime),
    ):
        yield stopped


def assert_answered_like_success_but_dropped(response, page, mailoutbox):
    assert response.status_code == 303
    # The same redirect as for a stored post, with a status link of the same shape.
    assert re.fullmatch(rf"{re.escape(page.url)}\?sent=1&link=[\w-]{{43}}", response["Location"])
    assert FeedbackSubmission.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.usefixtures("instant_feedback")
def test_filled_honeypot_is_dropped_silently(
    client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, feedback_page, website="https://spam.example")

    assert_answered_like_success_but_dropped(response, feedback_page, mailoutbox)


def test_post_sent_faster_than_the_minimum_time_is_dropped(
    client, feedback_page, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 3600

    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, feedback_page)

    assert_answered_like_success_but_dropped(response, feedback_page, mailoutbox)


@pytest.mark.usefixtures("instant_feedback")
@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        "x" * 5000,
        signing.dumps({"page": 1, "shown": 0}, salt="another.salt"),
    ],
    ids=["missing", "garbage", "huge", "wrong-key"],
)
def test_forged_token_is_dropped(
    client, feedback_page, mailoutbox, token, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, feedback_page, form_token=token)

    assert_answered_like_success_but_dropped(response, feedback_page, mailoutbox)


@pytest.mark.usefixtures("instant_feedback")
def test_token_of_another_form_page_is_dropped(client, feedback_page, concept_tree, mailoutbox):
    from .factories import make_feedback_page

    other = make_feedback_page(concept_tree["concept"], title="Other form")
    token = fetch_form(client, other)[spam.TOKEN_FIELD]

    response = post_feedback(client, feedback_page, form_token=token)

    assert_answered_like_success_but_dropped(response, feedback_page, mailoutbox)


@pytest.mark.usefixtures("instant_feedback")
def test_expired_form_is_shown_again_with_the_message_kept_and_a_fresh_token(
    client, feedback_page, mailoutbox, settings
):
    data = fetch_form(client, feedback_page)
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_SECONDS = -1  # every token is now too old
    data.update(message="Bitte mehr Kitaplätze.", consent="on")

    response = client.post(feedback_page.url, data)

    assert response.status_code == 200
    assert FeedbackSubmission.objects.count() == 0
    assert mailoutbox == []
    content = response.content.decode()
    assert "Please check your message and send it again." in content
    assert "Bitte mehr Kitaplätze." in content
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_SECONDS = 86400
    fresh = response.context["form"].data[spam.TOKEN_FIELD]
    assert fresh != data[spam.TOKEN_FIELD]
    assert spam.token_state(fresh, feedback_page) in (
        spam.TokenState.VALID,
        spam.TokenState.TOO_FAST,
    )


@pytest.mark.usefixtures("instant_feedback")
def test_sixth_post_within_an_hour_is_refused_with_429_and_the_message_kept(client, feedback_page):
    for _ in range(5):
        assert post_feedback(client, feedback_page).status_code == 303

    response = post_feedback(client, feedback_page, message="Meine sechste Nachricht")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600  # until the client's window ends
    assert "Please wait a while" in response.content.decode()
    assert "Meine sechste Nachricht" in response.content.decode()
    assert FeedbackSubmission.objects.count() == 5


@pytest.mark.usefixtures("instant_feedback")
def test_rate_limit_counts_per_client_address(client, feedback_page, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1/h"

    assert post_feedback(client, feedback_page, client_address="10.0.0.1").status_code == 303
    assert post_feedback(client, feedback_page, client_address="10.0.0.1").status_code == 429
    assert post_feedback(client, feedback_page, client_address="10.0.0.2").status_code == 303


@pytest.mark.usefixtures("instant_feedback")
def test_validation_errors_do_not_count_against_the_limit(client, feedback_page, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1/h"

    for _ in range(3):
        assert post_feedback(client, feedback_page, consent=None).status_code == 200
    assert post_feedback(client, feedback_page).status_code == 303


@pytest.mark.usefixtures("instant_feedback", "database_cache")
def test_client_address_is_never_stored(client, feedback_page):
    post_feedback(client, feedback_page, client_address="203.0.113.77")

    submission = FeedbackSubmission.objects.values().get()
    assert "203.0.113.77" not in str(submission)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {CACHE_TABLE}")
        counted = [(key, pickle.loads(base64.b64decode(value))) for key, value in cursor]
    assert counted  # the post was counted in the cache ...
    assert "203.0.113.77" not in str(counted)  # ... under a keyed hash of the address only


class CountedBody:
    """A request body (``wsgi.input``) that counts the bytes the server reads of it."""

    def __init__(self, body: bytes):
        self.stream = io.BytesIO(body)
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        return self.counted(self.stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self.counted(self.stream.readline(size))

    def counted(self, chunk: bytes) -> bytes:
        self.bytes_read += len(chunk)
        return chunk


def send_counted(browser, page, message: str) -> tuple:
    """Post the form like a browser, through the WSGI handler; return the response and body."""
    data = {**fetch_form(browser, page), "message": message, "consent": "on"}
    encoded = urlencode(data).encode()
    body = CountedBody(encoded)
    response = browser.post(
        page.url, encoded, "application/x-www-form-urlencoded", **{"wsgi.input": body}
    )
    return response, body, len(encoded)


@pytest.mark.usefixtures("instant_feedback")
def test_oversized_request_is_refused_before_it_is_read(feedback_page, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MAX_REQUEST_BYTES = 1024
    browser = Client(enforce_csrf_checks=True)  # CSRF middleware reads a POST to check it

    accepted, small_body, small_size = send_counted(browser, feedback_page, "x" * 100)
    refused, large_body, _ = send_counted(browser, feedback_page, "x" * 2000)

    assert accepted.status_code == 303
    assert small_body.bytes_read == small_size  # what the server reads is counted
    assert refused.status_code == 413
    assert "too long" in refused.content.decode()
    assert large_body.bytes_read == 0
    assert FeedbackSubmission.objects.count() == 1


def test_invalid_rate_limit_setting_is_reported_clearly(settings):
    from django.core.exceptions import ImproperlyConfigured

    from wagtail_integration.feedback import conf

    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "five per hour"
    with pytest.raises(ImproperlyConfigured, match="must look like '5/h'"):
        conf.feedback_rate_limit()
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "10/m"
    assert conf.feedback_rate_limit() == (10, 60)
    for too_many in ("0/h", "1001/h"):
        settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = too_many
        with pytest.raises(ImproperlyConfigured, match="allows 1 to 1000 posts per period"):
            conf.feedback_rate_limit()


@pytest.mark.usefixtures("instant_feedback", "cache_backend")
def test_rate_limit_holds_for_the_whole_window_and_lifts_when_it_ends(
    client, feedback_page, settings, clock
):
    """Every backend checks expiry its own way: the limit must hold until the client's window
    ends, whatever posts are refused in it, and lift then."""
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    # To the moment this client's next window begins.
    clock.advance(ratelimit.current_window(request_from("127.0.0.1")).seconds_left)

    first = post_feedback(client, feedback_page)
    clock.advance(1800)
    second = post_feedback(client, feedback_page)
    refused = post_feedback(client, feedback_page)
    clock.advance(1799)
    still_refused = post_feedback(client, feedback_page)
    clock.advance(1)
    next_window = post_feedback(client, feedback_page)

    assert first.status_code == second.status_code == 303
    assert (refused.status_code, refused.get("Retry-After")) == (429, "1800")
    assert (still_refused.status_code, still_refused.get("Retry-After")) == (429, "1")
    assert next_window.status_code == 303
    assert FeedbackSubmission.objects.count() == 3


def test_one_ipv6_network_counts_as_one_client(client, feedback_page, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    statuses = [
        post_feedback(client, feedback_page, client_address=f"2001:db8:1:2::{n}").status_code
        for n in range(1, 4)
    ]
    other_network = post_feedback(client, feedback_page, client_address="2001:db8:1:3::1")
    mapped = post_feedback(client, feedback_page, client_address="::ffff:192.0.2.1")
    plain = post_feedback(client, feedback_page, client_address="192.0.2.1")

    assert statuses == [303, 303, 429]
    assert other_network.status_code == 303
    assert mapped.status_code == plain.status_code == 303  # one IPv4 client, two spellings
    assert FeedbackSubmission.objects.count() == 5


def test_a_clients_window_ends_after_one_period_and_retry_after_points_there(settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    request = request_from("10.0.0.1")
    now = 1_800_000_000.0
    window = ratelimit.current_window(request, now)
    same = ratelimit.current_window(request, now + window.seconds_left - 1)
    next_one = ratelimit.current_window(request, now + window.seconds_left)

    assert len(window.slot_keys) == 2
    assert 1 <= window.seconds_left <= 3600
    assert same.slot_keys == window.slot_keys
    assert next_one.slot_keys != window.slot_keys and next_one.seconds_left == 3600
    # Windows are staggered per client, so that not every client's window turns over at once.
    other = ratelimit.current_window(request_from("10.0.0.2"), now)
    assert other.slot_keys != window.slot_keys


def test_client_address_falls_back_to_remote_addr_when_the_header_is_missing(settings):
    from wagtail_integration.feedback.ratelimit import client_address

    settings.WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"
    assert (
        client_address(request_from("10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")) == "198.51.100.7"
    )


def test_forwarded_for_uses_the_entry_the_proxy_added(settings):
    from wagtail_integration.feedback.ratelimit import client_address

    settings.WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    forged = request_from("10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")

    assert client_address(forged) == "198.51.100.7"


def test_resending_an_expired_form_at_once_is_accepted(client, feedback_page, settings):
    """The fresh token counts as filled in already: the minimum time does not start again."""
    returned = post_expired_form(client, feedback_page, settings, "Bitte mehr Kitaplätze.")

    resent = client.post(feedback_page.url, returned.context["form"].data)

    assert resent.status_code == 303
    assert FeedbackSubmission.objects.get().form_data["message"] == "Bitte mehr Kitaplätze."
