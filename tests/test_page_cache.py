"""The page cache: an anonymous visitor's content page is rendered once and served from the
shared cache until anything it shows changes; nothing per visitor is ever kept."""

import pytest
from django.contrib import messages
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from wagtail_integration import page_cache

from .factories import make_content_pages, make_group, make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page) -> dict:
    return make_content_pages(home_page, title="Sprachcafé")


def get_counting(client, url: str, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def kept_pages() -> int:
    return sum(1 for key in cache._cache if page_cache.KEY_PREFIX in key)


def test_the_second_visit_is_served_from_the_cache_with_the_same_content_and_etag(client, pages):
    first, rendered = get_counting(client, pages["group"].url)
    second, cached = get_counting(client, pages["group"].url)

    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == "public, max-age=300"
    assert cached < rendered


def test_a_conditional_get_is_answered_304_from_the_cache(client, pages):
    etag = client.get(pages["measure"].url)["ETag"]

    response = client.get(pages["measure"].url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_publishing_a_change_shows_on_every_listing_at_once(client, pages):
    for kind in ("concept", "phase", "group"):
        client.get(pages[kind].url)
    measure = pages["measure"]
    measure.title = "Sprachcafé am Abend"
    measure.save_revision().publish()

    for kind in ("phase", "group", "measure"):
        assert "Sprachcafé am Abend" in client.get(pages[kind].url).content.decode(), kind


def test_unpublishing_moving_and_deleting_a_measure_show_at_once(client, pages):
    group, measure = pages["group"], pages["measure"]
    other_group = make_group(pages["phase"], title="Wohnen")
    assert "Sprachcafé" in client.get(group.url).content.decode()

    measure.unpublish()
    assert "Sprachcafé" not in client.get(group.url).content.decode()

    measure.save_revision().publish()
    assert "Sprachcafé" in client.get(group.url).content.decode()
    client.get(other_group.url)
    measure.move(other_group, pos="last-child")
    assert "Sprachcafé" not in client.get(group.url).content.decode()
    assert "Sprachcafé" in client.get(other_group.url).content.decode()

    measure.refresh_from_db()
    measure.delete()
    assert "Sprachcafé" not in client.get(other_group.url).content.decode()


def test_saving_a_document_forgets_the_kept_pages(client, pages):
    client.get(pages["measure"].url)
    assert kept_pages() == 1

    Document.objects.create(title="Konzept 2026")

    _, queries = get_counting(client, pages["measure"].url)
    _, rendered = get_counting(client, pages["measure"].url.rstrip("/") + "/?utm=x")
    assert queries == rendered  # rendered anew, as a page that is never kept


def test_a_logged_in_editor_neither_gets_nor_fills_the_cache(client, admin_client, pages):
    client.get(pages["measure"].url)  # kept for anonymous visitors
    editor = admin_client.get(pages["measure"].url)

    assert "public" not in editor["Cache-Control"]
    assert b"wagtail-userbar" in editor.content
    assert b"wagtail-userbar" not in client.get(pages["measure"].url).content
    assert kept_pages() == 1


def test_made_up_query_parameters_are_never_kept(client, pages, settings):
    settings.WAGTAIL_INTEGRATION_MEASURES_PER_PAGE = 1
    make_measure(pages["group"], title="Elterncafé")
    for query in ("?utm_source=x", "?page=2&x=1", "?page=abc", "?page=0", "?page=99999"):
        client.get(pages["group"].url + query)
    # A number past the end shows the last page; a page without a listing ignores it.
    client.get(pages["group"].url + "?page=3")
    client.get(pages["measure"].url + "?page=2")

    assert kept_pages() == 0
    client.get(pages["group"].url + "?page=2")
    assert kept_pages() == 1


def test_pages_of_a_listing_are_kept_apart(client, pages, settings):
    settings.WAGTAIL_INTEGRATION_MEASURES_PER_PAGE = 1
    make_measure(pages["group"], title="Elterncafé")

    first = client.get(pages["group"].url).content.decode()
    second = client.get(pages["group"].url + "?page=2").content.decode()

    assert ("Elterncafé" in first) != ("Elterncafé" in second)
    assert client.get(pages["group"].url + "?page=2").content.decode() == second


def test_a_page_whose_rendering_used_the_csrf_token_is_neither_kept_nor_public(client, pages):
    def use_csrf_token(page, request, serve_args, serve_kwargs):
        get_token(request)  # as a host's base template with a form does

    with hooks.register_temporarily("before_serve_page", use_csrf_token):
        response = client.get(pages["measure"].url)

    assert "csrftoken" in response.cookies
    assert "public" not in response["Cache-Control"]
    assert kept_pages() == 0


def test_a_page_behind_a_password_is_never_kept(client, pages):
    PageViewRestriction.objects.create(
        page=pages["group"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    client.get(pages["measure"].url)

    assert kept_pages() == 0


def test_the_setting_turns_the_cache_off(client, pages, settings):
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False
    client.get(pages["measure"].url)
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = True
    settings.WAGTAIL_INTEGRATION_CACHE_MAX_AGE = 0
    client.get(pages["measure"].url)

    assert kept_pages() == 0


def test_an_unreachable_cache_serves_every_page_rendered(client, pages, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        },
    }
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE_ALIAS = "unreachable"

    first = client.get(pages["measure"].url)
    second = client.get(pages["measure"].url)
    pages["measure"].save_revision().publish()  # the invalidation fails too, and is logged

    assert first.status_code == second.status_code == 200
    assert "Sprachcafé" in second.content.decode()
    assert "The page cache is not available." in caplog.text
    assert "The page cache could not be invalidated." in caplog.text


def test_each_host_and_generation_has_its_own_key(pages):
    factory = RequestFactory()
    city = factory.get("/konzept/", HTTP_HOST="stadt.example")
    district = factory.get("/konzept/", HTTP_HOST="bezirk.example")

    before = page_cache.key_for(city)
    page_cache.invalidate()

    assert before != page_cache.key_for(city)
    assert page_cache.key_for(city) != page_cache.key_for(district)
    assert page_cache.key_for(factory.head("/konzept/", HTTP_HOST="stadt.example")) is None


def test_the_feedback_form_keeps_its_topics_and_settings_until_they_change(
    client, concept_tree, feedback_page, feedback_settings
):
    client.get(feedback_page.url)
    _, warm = get_counting(client, feedback_page.url)
    group = concept_tree["groups"][0]
    group.title = "Arbeit, Ausbildung und Beruf"
    group.save_revision().publish()
    feedback_settings.retention_days = 30
    feedback_settings.save()

    response, cold = get_counting(client, feedback_page.url)

    assert "Arbeit, Ausbildung und Beruf" in response.content.decode()
    assert cold > warm  # the topics and the settings are read anew
    assert get_counting(client, feedback_page.url)[1] == warm


def test_changed_feedback_settings_are_read_anew(feedback_page, feedback_settings):
    from wagtail_integration.feedback.models import FeedbackFormPage

    assert (
        FeedbackFormPage.objects.get(pk=feedback_page.pk).get_feedback_settings().retention_days
        == 365
    )
    feedback_settings.retention_days = 30
    feedback_settings.save()

    page = FeedbackFormPage.objects.get(pk=feedback_page.pk)
    assert page.get_feedback_settings().retention_days == 30


def test_a_restriction_on_a_measure_takes_it_out_of_the_kept_listing(client, pages):
    assert "Sprachcafé" in client.get(pages["group"].url).content.decode()

    PageViewRestriction.objects.create(
        page=pages["measure"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    assert "Sprachcafé" not in client.get(pages["group"].url).content.decode()


def test_a_change_inside_a_transaction_forgets_the_kept_pages_again_on_commit(
    client, pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages["measure"].unpublish()
        # A visitor's request before the commit: in a real server it sees the old rows
        # and keeps them under the generation the change just made.
        client.get(pages["group"].url)
        assert kept_pages() == 1
        kept_before_commit = page_cache.key_for(RequestFactory().get(pages["group"].url))

    assert page_cache.key_for(RequestFactory().get(pages["group"].url)) != kept_before_commit


def test_the_database_cache_keeps_pages_and_forgets_them_on_a_publish(client, pages, settings):
    call_command("createcachetable", "wi_test_page_cache", verbosity=0)
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "wi_test_page_cache",
        },
    }
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE_ALIAS = "pages"
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = None  # the default: on, as the cache is shared

    _, rendered = get_counting(client, pages["group"].url)
    _, kept = get_counting(client, pages["group"].url)
    for _ in range(3):  # each publish a new generation, never an old one back
        pages["measure"].title += " neu"
        pages["measure"].save_revision().publish()
    response = client.get(pages["group"].url)

    assert kept < rendered
    assert "Sprachcafé neu neu neu" in response.content.decode()


def test_by_default_a_per_process_cache_keeps_no_page_in_production(client, pages, settings):
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = None
    settings.DEBUG = False
    client.get(pages["measure"].url)
    assert kept_pages() == 0

    settings.DEBUG = True  # runserver: one process
    client.get(pages["measure"].url)
    assert kept_pages() == 1


def test_a_page_that_shows_a_message_is_not_kept(client, pages):
    def add_message(page, request, serve_args, serve_kwargs):
        messages.info(request, "Willkommen")
        list(messages.get_messages(request))  # as a base template that shows messages

    with hooks.register_temporarily("before_serve_page", add_message):
        response = client.get(pages["measure"].url)

    assert "public" not in response["Cache-Control"]
    assert kept_pages() == 0
