"""A measure's history: every published change of status or progress, with its date, on the
page, in the API and in the exports; notes and evidence; one history for all languages."""

import csv
import io
import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from wagtail_integration.models import MeasureHistoryEntry

from .factories import make_content_pages
from .i18n_helpers import sync, translate_with_ancestors


def publish(measure, **changes):
    """Change fields of `measure` and publish them the way the editor does (a revision)."""
    for name, value in changes.items():
        setattr(measure, name, value)
    revision = measure.save_revision()
    revision.publish()
    measure.refresh_from_db()
    return revision


@pytest.fixture
def pages(home_page):
    return make_content_pages(home_page, title="Sprachkurse", status="planned")


def history_on_page(client, measure) -> list[tuple[str, str]]:
    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    return [
        (item.select_one("time")["datetime"], item.select_one(".wi-status").get_text(strip=True))
        for item in soup.select(".wi-history__item")
    ]


def test_each_published_status_change_is_an_entry_with_its_date(client, pages):
    measure = pages["measure"]
    first = publish(measure)  # the first publication records the status it starts with
    publish(measure, status="in_progress", progress=30)
    publish(measure, title="Sprachkurse am Abend")  # no change of status or progress
    third = publish(measure, status="implemented", progress=100)

    entries = list(MeasureHistoryEntry.objects.filter(measure=measure).in_order())
    assert [(e.status, e.progress) for e in entries] == [
        ("planned", None),
        ("in_progress", 30),
        ("implemented", 100),
    ]
    assert entries[0].revision == first and entries[2].revision == third
    today = timezone.localdate(measure.last_published_at).isoformat()
    assert [e.date.isoformat() for e in entries] == [today] * 3

    # Newest first on the page, each with its date.
    assert history_on_page(client, measure) == [
        (today, "Implemented"),
        (today, "In progress"),
        (today, "Planned"),
    ]


def test_a_draft_is_no_history_until_it_is_published(pages):
    measure = pages["measure"]
    publish(measure)
    measure.status = "discontinued"
    measure.save_revision()
    assert list(MeasureHistoryEntry.objects.values_list("status", flat=True)) == ["planned"]


def test_history_is_in_the_api_and_the_exports(client, pages):
    measure = pages["measure"]
    publish(measure)
    publish(measure, status="in_progress", progress=50)
    entry = MeasureHistoryEntry.objects.get(status="in_progress")
    entry.date = date(2025, 3, 1)
    entry.note = "Zwei Kurse laufen."
    entry.save()
    expected = [
        {"date": timezone.localdate().isoformat(), "status": "planned"},
        {
            "date": "2025-03-01",
            "status": "in_progress",
            "progress": 50,
            "note": "Zwei Kurse laufen.",
        },
    ]
    expected.sort(key=lambda item: item["date"])

    def picked(history):
        return [
            {key: item[key] for key in ("date", "status", "progress", "note") if item[key]}
            for item in history
        ]

    detail = client.get(f"/api/v2/pages/{measure.pk}/").json()
    assert picked(detail["history"]) == expected
    for prefix in ["/api/standalone"] + (["/api/v3"] if settings.WAGTAIL_HAS_API_V3 else []):
        listed = client.get(f"{prefix}/integration/measures/").json()["items"]
        assert picked(listed[0]["history"]) == expected
        assert listed[0]["history"][0]["status_label"] == "In progress"
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(pages["concept"].url + "measures/csv/").content.decode("utf-8-sig")
            )
        )
    )
    assert picked(json.loads(rows[0]["history"])) == expected
    items = client.get(pages["concept"].url + "measures/json/").json()
    assert picked(items[0]["history"]) == expected
    assert [d for d, _status in history_on_page(client, measure)] == [
        item["date"] for item in reversed(expected)
    ]


def test_a_note_with_evidence_shows_on_the_page(client, pages):
    measure = pages["measure"]
    publish(measure)
    document = Document.objects.create(
        title="Bericht 2025", file=ContentFile(b"%PDF-1.4", name="bericht.pdf")
    )
    entry = MeasureHistoryEntry.objects.get()
    entry.note = "<b>Start</b> mit 20 Plätzen"
    entry.document = document
    entry.save()
    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    item = soup.select_one(".wi-history__item")
    assert item.select_one(".wi-history__note").get_text() == "<b>Start</b> mit 20 Plätzen"
    assert item.select_one("a")["href"] == document.url
    assert "Bericht 2025" in item.select_one("a").get_text()


def test_translations_share_the_history_and_record_no_steps_back(
    client, pages, arabic, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    measure = pages["measure"]
    publish(measure)
    arabic_measure = translate_with_ancestors(measure, arabic, {}, capture)
    publish(measure, status="implemented")
    # The translation published again before it was synced still has the old status.
    publish(arabic_measure, title="دورات اللغة")
    assert arabic_measure.status == "planned"
    sync(measure, capture)
    arabic_measure.refresh_from_db()
    assert arabic_measure.status == "implemented"
    statuses = list(MeasureHistoryEntry.objects.in_order().values_list("status", flat=True))
    assert statuses == ["planned", "implemented"]
    # The Arabic page shows the same two entries, in Arabic.
    on_page = history_on_page(client, arabic_measure)
    assert len(on_page) == 2
    assert on_page[0][1] != "Implemented"


def test_measure_page_carries_json_ld_with_the_action_status(client, pages):
    measure = pages["measure"]
    publish(measure, status="in_progress", summary="Kurse </script><script>alert(1)")
    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    (script,) = soup.select('script[type="application/ld+json"]')
    assert "</script><script>" not in str(script)
    data = json.loads(script.string)
    assert data["@type"] == "Action"
    assert data["actionStatus"] == "https://schema.org/ActiveActionStatus"
    assert data["description"] == "Kurse </script><script>alert(1)"
    assert data["url"] == measure.get_full_url()
