"""Editors add a note and evidence to a measure's history; only those who may edit the
measure."""

from bs4 import BeautifulSoup
from django.urls import reverse

from wagtail_integration.models import MeasureHistoryEntry

from .admin_helpers import editor_of
from .factories import make_content_pages


def published_measure(home_page):
    pages = make_content_pages(home_page, title="Sprachkurse", status="planned")
    pages["measure"].save_revision().publish()
    return pages


def test_the_page_editor_lists_the_history_with_edit_links(admin_client, home_page):
    pages = published_measure(home_page)
    entry = MeasureHistoryEntry.objects.get()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[pages["measure"].pk]))
    assert response.status_code == 200
    assert (
        reverse("wagtail_integration_history:edit", args=[entry.pk]) in response.content.decode()
    )


def test_an_editor_adds_a_note_and_corrects_the_date(admin_client, client, home_page):
    pages = published_measure(home_page)
    entry = MeasureHistoryEntry.objects.get()
    url = reverse("wagtail_integration_history:edit", args=[entry.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"date": "2016-02-01", "status": "planned", "progress": "", "note": "Start <b>"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert str(entry.date) == "2016-02-01" and entry.note == "Start <b>"
    soup = BeautifulSoup(client.get(pages["measure"].url).content, "html.parser")
    assert soup.select_one(".wi-history__item time")["datetime"] == "2016-02-01"
    assert soup.select_one(".wi-history__note").get_text() == "Start <b>"


def test_invalid_values_are_refused_with_field_errors(admin_client, home_page):
    published_measure(home_page)
    entry = MeasureHistoryEntry.objects.get()
    url = reverse("wagtail_integration_history:edit", args=[entry.pk])
    response = admin_client.post(url, {"date": "gestern", "status": "done", "progress": "300"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"date", "status", "progress"}
    entry.refresh_from_db()
    assert entry.status == "planned"


def test_an_earlier_change_can_be_added_and_an_entry_deleted(admin_client, home_page):
    pages = published_measure(home_page)
    add = reverse("wagtail_integration_history:add", args=[pages["measure"].pk])
    admin_client.post(add, {"date": "2014-05-01", "status": "proposed", "note": "Idee"})
    assert list(MeasureHistoryEntry.objects.in_order().values_list("status", flat=True)) == [
        "proposed",
        "planned",
    ]
    entry = MeasureHistoryEntry.objects.get(status="proposed")
    edit = reverse("wagtail_integration_history:edit", args=[entry.pk])
    admin_client.post(edit, {"date": "2014-05-01", "status": "proposed", "delete": "on"})
    assert not MeasureHistoryEntry.objects.filter(pk=entry.pk).exists()


def test_only_editors_of_the_measure_may_change_its_history(client, home_page, django_user_model):
    pages = published_measure(home_page)
    other = published_measure(home_page)
    user = editor_of(django_user_model, "editor", pages["concept"], "change_page")
    client.force_login(user)
    own = MeasureHistoryEntry.objects.get(measure=pages["measure"])
    foreign = MeasureHistoryEntry.objects.get(measure=other["measure"])
    assert (
        client.get(reverse("wagtail_integration_history:edit", args=[own.pk])).status_code == 200
    )
    for url in (
        reverse("wagtail_integration_history:edit", args=[foreign.pk]),
        reverse("wagtail_integration_history:add", args=[other["measure"].pk]),
    ):
        response = client.post(url, {"date": "2020-01-01", "status": "planned", "note": "x"})
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "login" not in response["Location"]
    foreign.refresh_from_db()
    assert foreign.note == ""
    assert MeasureHistoryEntry.objects.filter(measure=other["measure"]).count() == 1
