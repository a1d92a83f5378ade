""" "You said, we did": only suggestions the resident agreed to publish and an editor marked
public appear, on the public list, on the measures they led to, in the APIs and the exports;
never with a name or an email address; at a query count that does not grow with them."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from wagtail_integration.feedback.models import FeedbackSubmission
from wagtail_integration.feedback.public_suggestions import PER_MEASURE, PER_PAGE

from .i18n_helpers import translate

pytestmark = pytest.mark.usefixtures("instant_feedback", "feedback_settings")

PREFIXES = ["/api/standalone"] + (["/api/v3"] if settings.WAGTAIL_HAS_API_V3 else [])
SENDER = {"name": "Amina Yusuf", "email": "amina.yusuf@example.org"}


def suggestion(page, text="Abendkurse", *, public=True, consent=True, topic=None, measures=()):
    """A stored, answered submission of a resident who gave a name and an address."""
    submission = FeedbackSubmission.objects.create(
        page=page,
        form_data={"message": f"{text} – {SENDER['name']}", "topic": "", **SENDER},
        language=page.locale.language_code,
        status="answered",
        topic=topic,
        publish_consent=consent,
        is_public=public,
        public_message=text,
        answer=f"<p>Antwort auf {text}</p>",
        answer_language="de",
        answered_at=timezone.now(),
    )
    submission.measures.set(measures)
    return submission


def answers_url(page) -> str:
    return f"{page.url}answers/"


def public_list(client, page, params=None) -> BeautifulSoup:
    response = client.get(answers_url(page), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def shown_texts(soup) -> list[str]:
    return [quote.get_text(strip=True) for quote in soup.select(".wi-suggestion__text")]


def test_only_consented_and_public_suggestions_are_listed_without_names(
    client, feedback_page, concept_tree
):
    group = concept_tree["groups"][0]
    suggestion(feedback_page, "Öffentlich", topic=group)
    suggestion(feedback_page, "Nicht freigegeben", public=False)
    # A row that says public without consent (written by other code) stays private too:
    # the admin form cannot make one, and the list does not trust it either.
    FeedbackSubmission.objects.filter(pk=suggestion(feedback_page, "Ohne Zustimmung").pk).update(
        publish_consent=False
    )
    soup = public_list(client, feedback_page)
    assert shown_texts(soup) == ["Öffentlich"]
    assert soup.select_one(".wi-answer").get_text(strip=True) == "Antwort auf Öffentlich"
    assert soup.find("h2", string=group.title)
    html = str(soup)
    assert SENDER["name"] not in html and SENDER["email"] not in html


def test_suggestions_are_grouped_by_working_group_with_general_ones_last(
    client, feedback_page, concept_tree
):
    first, second = concept_tree["groups"]
    suggestion(feedback_page, "Allgemein")
    suggestion(feedback_page, "Zweite Gruppe", topic=second)
    suggestion(feedback_page, "Erste Gruppe", topic=first)
    soup = public_list(client, feedback_page)
    headings = [h2.get_text(strip=True) for h2 in soup.select(".wi-public-suggestions h2")]
    assert headings == [first.title, second.title, "General suggestions"]
    assert shown_texts(soup) == ["Erste Gruppe", "Zweite Gruppe", "Allgemein"]


def test_the_list_is_paginated_and_survives_hostile_page_numbers(client, feedback_page):
    for n in range(PER_PAGE + 5):
        suggestion(feedback_page, f"Vorschlag {n}")
    first = public_list(client, feedback_page)
    assert len(shown_texts(first)) == PER_PAGE
    assert first.select_one("a[rel=next]")["href"] == "?page=2#wi-suggestions-heading"
    assert len(shown_texts(public_list(client, feedback_page, {"page": 2}))) == 5
    for hostile in ["abc", "0", "-1", "9" * 400, "2\x00", "<script>"]:
        assert client.get(answers_url(feedback_page), {"page": hostile}).status_code == 200


def test_the_form_links_to_the_list_once_something_is_published(
    client, admin_client, feedback_page
):
    def link():
        soup = BeautifulSoup(client.get(feedback_page.url).content, "html.parser")
        return soup.find("a", href=answers_url(feedback_page))

    submission = suggestion(feedback_page, public=False)
    assert link() is None  # now remembered in the page cache
    empty = public_list(client, feedback_page)
    assert empty.find(string="No suggestions have been published yet.")
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])
    values = {
        "status": "answered",
        "answer": rich_text(submission.answer),
        "answer_language": "de",
        "public_message": "Abendkurse",
        "is_public": "on",
    }
    assert admin_client.post(url, values).status_code == 302
    assert link() is not None


def test_the_arabic_list_shows_groups_and_measures_in_arabic(
    client, feedback_page, concept_tree, home_page, arabic, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    group = concept_tree["groups"][0]
    measure = concept_tree["measures"][0]
    translate(home_page.specific, arabic, {}, capture)
    translate(concept_tree["concept"], arabic, {}, capture)
    translate(concept_tree["phase"], arabic, {}, capture)
    arabic_group = translate(group, arabic, {group.title: "العمل والتدريب"}, capture)
    arabic_measure = translate(measure, arabic, {measure.title: "دورات مسائية"}, capture)
    arabic_form = translate(feedback_page, arabic, {}, capture)
    suggestion(feedback_page, "Abendkurse", topic=group, measures=[measure])
    suggestion(arabic_form, "دورات لغة في المساء", topic=arabic_group)

    soup = public_list(client, arabic_form)
    assert soup.select_one(".wi-content")["dir"] == "rtl"
    assert [h2.get_text(strip=True) for h2 in soup.select(".wi-public-suggestions h2")] == [
        "العمل والتدريب"
    ]
    assert set(shown_texts(soup)) == {"Abendkurse", "دورات لغة في المساء"}
    led_to = soup.select_one(".wi-suggestion__measures a")
    assert led_to.get_text() == "دورات مسائية" and led_to["href"] == arabic_measure.url
    quotes = {q.get_text(strip=True): q for q in soup.select(".wi-suggestion__text")}
    assert quotes["Abendkurse"]["lang"] == "en"  # written on the source form
    assert quotes["دورات لغة في المساء"]["lang"] == "ar"


def test_a_measure_shows_the_suggestions_that_led_to_it_in_every_language(
    client, feedback_page, concept_tree, home_page, arabic, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    measure, other = concept_tree["measures"]
    suggestion(feedback_page, "Abendkurse", measures=[measure])
    suggestion(feedback_page, "Privat", public=False, measures=[measure])
    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    section = soup.find("h2", string="Suggestions that led to this measure").parent
    assert [q.get_text(strip=True) for q in section.select("blockquote")] == ["Abendkurse"]
    assert SENDER["name"] not in str(soup)
    other_page = BeautifulSoup(client.get(other.url).content, "html.parser")
    assert other_page.find("h2", string="Suggestions that led to this measure") is None

    translate(home_page.specific, arabic, {}, capture)
    translate(concept_tree["concept"], arabic, {}, capture)
    translate(concept_tree["phase"], arabic, {}, capture)
    translate(concept_tree["groups"][0], arabic, {}, capture)
    arabic_measure = translate(measure, arabic, {}, capture)
    arabic_soup = BeautifulSoup(client.get(arabic_measure.url).content, "html.parser")
    assert "Abendkurse" in [
        q.get_text(strip=True) for q in arabic_soup.select(".wi-suggestion__text")
    ]


def test_a_measure_page_shows_at_most_the_newest_suggestions(client, feedback_page, concept_tree):
    measure = concept_tree["measures"][0]
    for n in range(PER_MEASURE + 3):
        suggestion(feedback_page, f"Vorschlag {n}", measures=[measure])
    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    texts = [q.get_text(strip=True) for q in soup.select(".wi-suggestion__text")]
    assert texts == [f"Vorschlag {n}" for n in range(PER_MEASURE + 2, 2, -1)]


def test_publishing_and_withdrawing_show_at_once_despite_the_page_cache(
    client, admin_client, feedback_page, concept_tree
):
    measure = concept_tree["measures"][0]
    submission = suggestion(feedback_page, "Abendkurse", public=False)
    assert shown_texts(public_list(client, feedback_page)) == []
    assert "Abendkurse" not in client.get(measure.url).content.decode()  # now kept in the cache

    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])
    values = {
        "status": "answered",
        "answer": rich_text(submission.answer),
        "answer_language": "de",
        "public_message": "Abendkurse",
        "measures": [measure.pk],
    }
    assert admin_client.post(url, {**values, "is_public": "on"}).status_code == 302
    assert shown_texts(public_list(client, feedback_page)) == ["Abendkurse"]
    assert "Abendkurse" in client.get(measure.url).content.decode()

    assert admin_client.post(url, values).status_code == 302  # withdrawn
    assert shown_texts(public_list(client, feedback_page)) == []
    assert "Abendkurse" not in client.get(measure.url).content.decode()


def test_a_deleted_suggestion_leaves_the_list_and_the_measure_at_once(
    client, feedback_page, concept_tree
):
    measure = concept_tree["measures"][0]
    submission = suggestion(feedback_page, "Abendkurse", measures=[measure])
    assert shown_texts(public_list(client, feedback_page)) == ["Abendkurse"]
    assert "Abendkurse" in client.get(measure.url).content.decode()
    submission.delete()
    assert shown_texts(public_list(client, feedback_page)) == []
    assert "Abendkurse" not in client.get(measure.url).content.decode()


def test_the_public_list_is_cacheable_and_the_status_page_is_not(client, feedback_page):
    suggestion(feedback_page)
    response = client.get(answers_url(feedback_page))
    assert "public" in response["Cache-Control"] and response.has_header("ETag")
    assert not response.cookies


@pytest.mark.parametrize("prefix", PREFIXES)
def test_the_api_lists_only_public_suggestions_with_groups_and_measures(
    client, feedback_page, concept_tree, prefix
):
    group = concept_tree["groups"][0]
    measure = concept_tree["measures"][0]
    suggestion(feedback_page, "Öffentlich", topic=group, measures=[measure])
    suggestion(feedback_page, "Privat", public=False)
    response = client.get(f"{prefix}/integration/feedback/{feedback_page.pk}/suggestions/")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    (item,) = data["items"]
    assert item["text"] == "Öffentlich"
    assert item["answer"] == "<p>Antwort auf Öffentlich</p>"
    assert item["working_group"] == {"id": group.pk, "title": group.title}
    assert item["measures"][0]["id"] == measure.pk
    assert item["measures"][0]["url"].endswith(measure.url)
    assert SENDER["name"] not in response.content.decode()
    assert SENDER["email"] not in response.content.decode()

    for wrong in [concept_tree["concept"].pk, 2_147_483_647]:
        assert client.get(f"{prefix}/integration/feedback/{wrong}/suggestions/").status_code == 404
    for hostile in ["offset=-1", "offset=9999999999999", "limit=abc", "limit=0"]:
        url = f"{prefix}/integration/feedback/{feedback_page.pk}/suggestions/?{hostile}"
        assert client.get(url).status_code == 422, hostile
    schema = client.get(f"{prefix}/openapi.json").json()
    assert f"{prefix}/integration/feedback/{{page_id}}/suggestions/" in schema["paths"]


def test_measures_carry_their_suggestions_in_the_apis_and_the_json_export(
    client, feedback_page, concept_tree
):
    measure, other = concept_tree["measures"]
    suggestion(feedback_page, "Öffentlich", measures=[measure])
    suggestion(feedback_page, "Privat", public=False, measures=[measure, other])

    v2 = client.get(
        "/api/v2/pages/?type=wagtail_integration.MeasurePage&fields=suggestions"
    ).json()
    by_id = {item["id"]: item["suggestions"] for item in v2["items"]}
    assert [s["text"] for s in by_id[measure.pk]] == ["Öffentlich"]
    assert by_id[other.pk] == []
    detail = client.get(f"/api/v2/pages/{measure.pk}/").json()
    assert [s["text"] for s in detail["suggestions"]] == ["Öffentlich"]
    if settings.WAGTAIL_HAS_API_V3:
        v3_detail = client.get(f"/api/v3/pages/{measure.pk}/").json()
        assert [s["text"] for s in v3_detail["suggestions"]] == ["Öffentlich"]

    for prefix in PREFIXES:
        items = client.get(f"{prefix}/integration/measures/").json()["items"]
        listed = {item["id"]: item["suggestions"] for item in items}
        assert [s["text"] for s in listed[measure.pk]] == ["Öffentlich"]

    concept_url = concept_tree["concept"].url
    rows = client.get(f"{concept_url}measures/json/").json()
    exported = {row["id"]: row["suggestions"] for row in rows}
    assert [s["text"] for s in exported[measure.pk]] == ["Öffentlich"]
    assert exported[other.pk] == []
    csv_text = client.get(f"{concept_url}measures/csv/").content.decode()
    assert "Öffentlich" in csv_text and "Privat" not in csv_text
    for body in (str(v2), str(rows), csv_text):
        assert SENDER["name"] not in body and SENDER["email"] not in body


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_public_list_and_a_measure_cost_the_same_queries_for_3_and_30(
    client, feedback_page, concept_tree, settings
):
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False
    groups, measures = concept_tree["groups"], concept_tree["measures"]

    def add(count):
        for n in range(count):
            suggestion(
                feedback_page,
                f"Vorschlag {n}",
                topic=groups[n % 2] if n % 3 else None,
                measures=measures[: n % 3],
            )

    urls = [
        answers_url(feedback_page),
        measures[0].url,
        f"/api/standalone/integration/feedback/{feedback_page.pk}/suggestions/",
        "/api/v2/pages/?type=wagtail_integration.MeasurePage&fields=suggestions",
    ]
    add(3)
    small = [count_queries(client, url) for url in urls]
    add(27)
    large = [count_queries(client, url) for url in urls]
    assert small == large
