"""HTTP caching: content pages are public for a while and answer conditional GETs with 304;
the feedback form, its answers and its API are never stored."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from .factories import make_content_pages
from .feedback_helpers import api_url, post_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page) -> dict:
    return make_content_pages(home_page)


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.mark.parametrize("kind", ["concept", "phase", "group", "measure"])
def test_content_page_is_public_for_five_minutes_with_an_etag(client, pages, kind):
    response = client.get(pages[kind].url)

    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=300"}
    assert response["ETag"].startswith('"')


@pytest.mark.parametrize("kind", ["concept", "measure"])
def test_conditional_get_with_the_etag_is_answered_304_without_a_body(client, pages, kind):
    etag = client.get(pages[kind].url)["ETag"]

    response = client.get(pages[kind].url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_change_below_a_listing_changes_its_etag(client, pages):
    group = pages["group"]
    before = client.get(group.url)["ETag"]
    pages["measure"].unpublish()

    response = client.get(group.url, HTTP_IF_NONE_MATCH=before)

    assert response.status_code == 200
    assert response["ETag"] != before


def test_max_age_comes_from_the_setting(client, pages, settings):
    settings.WAGTAIL_INTEGRATION_CACHE_MAX_AGE = 0

    assert "max-age=0" in cache_control(client.get(pages["concept"].url))


def test_logged_in_visitor_gets_a_private_page(admin_client, pages):
    response = admin_client.get(pages["measure"].url)

    assert {"private", "no-cache"} <= cache_control(response)
    assert "public" not in cache_control(response)


def test_page_behind_a_password_is_never_public(client, pages):
    restriction = PageViewRestriction.objects.create(
        page=pages["phase"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    form = client.get(pages["measure"].url)
    assert form.status_code == 200  # Wagtail's password form
    assert "public" not in cache_control(form)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{pages['measure'].pk}/",
        {"password": "geheim", "return_url": pages["measure"].url},
    )

    response = client.get(pages["measure"].url)

    assert response.status_code == 200
    assert "public" not in cache_control(response)
    assert "private" in cache_control(response)


def test_preview_is_never_public(pages):
    response = pages["concept"].make_preview_request()

    assert "public" not in cache_control(response)


def test_feedback_form_and_its_answers_are_never_stored(
    client, feedback_page, instant_feedback, settings
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1/h"
    never = {"no-store", "private"}

    shown = client.get(feedback_page.url)
    invalid = post_feedback(client, feedback_page, message="")
    sent = post_feedback(client, feedback_page, client_address="192.0.2.7")
    thanks = client.get(f"{feedback_page.url}?sent=1")
    refused = post_feedback(client, feedback_page, client_address="192.0.2.7")

    assert (invalid.status_code, sent.status_code, refused.status_code) == (200, 303, 429)
    for response in [shown, invalid, sent, thanks, refused]:
        assert never <= cache_control(response), response.status_code
        assert "ETag" not in response


def test_feedback_api_answers_are_never_stored(client, feedback_page):
    described = client.get(api_url(feedback_page))
    posted = client.post(api_url(feedback_page), "{}", content_type="application/json")
    not_json = client.post(api_url(feedback_page), "{", content_type="application/json")
    bad_id = client.get(api_url("abc"))

    assert [r.status_code for r in [posted, not_json, bad_id]] == [422, 400, 422]
    for response in [described, posted, not_json, bad_id]:
        assert {"no-store", "private"} <= cache_control(response), response.status_code


def test_anonymous_user_object_counts_as_anonymous(rf, pages):
    from wagtail_integration.http_caching import is_public_view

    request = rf.get(pages["concept"].url)
    request.user = AnonymousUser()

    assert is_public_view(request, pages["concept"])
    assert not is_public_view(rf.post(pages["concept"].url), pages["concept"])
