"""Open data in: editors upload the export's CSV, see every change, and apply it as Wagtail
revisions; a file with a bad row changes nothing."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page, Revision

from wagtail_integration.models import MeasureHistoryEntry, MeasureImport, MeasurePage

from .admin_helpers import editor_of
from .factories import make_concept, make_group, make_measure, make_phase


@pytest.fixture
def tree(home_page):
    concept = make_concept(home_page, title="Konzept", slug="konzept")
    phase = make_phase(concept, title="Phase 2", number=2)
    work = make_group(phase, title="Arbeit")
    school = make_group(phase, title="Bildung")
    measures = [
        make_measure(work if n < 3 else school, title=f"Maßnahme {n}", status="planned")
        for n in range(5)
    ]
    for measure in measures:
        measure.save_revision().publish()
    return {
        "concept": concept,
        "phase": phase,
        "work": work,
        "school": school,
        "measures": measures,
    }


@pytest.fixture
def editor(django_user_model, tree):
    """An editor who may add, edit and publish pages below the concept, and nothing else."""
    return editor_of(
        django_user_model, "editor", tree["concept"], "add_page", "change_page", "publish_page"
    )


def export(client, concept) -> tuple[list[str], list[dict]]:
    text = client.get(concept.url + "measures/csv/").content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


def as_csv(header, rows, delimiter=",", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client, concept, data: bytes, name="measures.csv"):
    url = reverse("wagtail_integration_import:upload", args=[concept.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data, "text/csv")}, follow=True)


def preview_soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def apply(client, response, publish=True):
    soup = preview_soup(response)
    fingerprint = soup.select_one("input[name=fingerprint]")["value"]
    return client.post(
        response.wsgi_request.path,
        {"fingerprint": fingerprint, "publish": "1" if publish else ""},
        follow=True,
    )


def test_round_trip_changes_exactly_what_the_file_changes(client, tree, editor):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["status"] = "in_progress"
    rows[1]["status"] = "implemented"
    rows[1]["progress"] = "100"
    rows[3]["status"] = "discontinued"
    rows.append(
        dict.fromkeys(header, "")
        | {
            "title": "Neue Sprechstunde",
            "status": "proposed",
            "working_group_id": str(tree["school"].pk),
            "start_date": "01.09.2026",
        }
    )
    response = upload(client, tree["concept"], as_csv(header, rows))
    soup = preview_soup(response)
    assert len(soup.select("tr.wi-import-change")) == 4  # three statuses and one progress
    assert len(soup.select("tr.wi-import-creation")) == 1
    assert "4 measures change" not in soup.get_text()  # three measures, not four rows
    assert "3 measures change, 1 new measures, 2 unchanged, 0 invalid rows" in soup.get_text()
    before = Revision.objects.count()

    done = apply(client, response)
    assert done.status_code == 200
    statuses = dict(MeasurePage.objects.values_list("title", "status"))
    assert statuses == {
        "Maßnahme 0": "in_progress",
        "Maßnahme 1": "implemented",
        "Maßnahme 2": "planned",
        "Maßnahme 3": "discontinued",
        "Maßnahme 4": "planned",
        "Neue Sprechstunde": "proposed",
    }
    new = MeasurePage.objects.get(title="Neue Sprechstunde")
    assert not new.live and new.get_parent().pk == tree["school"].pk
    assert str(new.start_date) == "2026-09-01"
    revisions = Revision.objects.order_by("pk")[before:]
    assert len(revisions) == 4 and {r.user for r in revisions} == {editor}
    # Published as revisions: the history records each change.
    assert MeasureHistoryEntry.objects.filter(status="implemented", progress=100).count() == 1
    # The export of what was applied imports as "no change".
    header, rows = export(client, tree["concept"])
    soup = preview_soup(upload(client, tree["concept"], as_csv(header, rows)))
    assert "The file changes nothing." in soup.get_text()


def test_a_bad_row_is_listed_with_its_reason_and_nothing_changes(client, tree, editor):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["status"] = "implemented"
    rows[2]["status"] = "done"
    rows[3]["progress"] = "140"
    rows[4]["start_date"] = "2024-13-45"
    rows.append(dict.fromkeys(header, "") | {"id": "999999", "title": "x", "status": "planned"})
    rows.append(dict.fromkeys(header, "") | {"title": "Ohne Gruppe", "status": "planned"})
    response = upload(client, tree["concept"], as_csv(header, rows))
    soup = preview_soup(response)
    errors = [row.get_text(" ", strip=True) for row in soup.select("tr.wi-import-error")]
    assert len(errors) == 5
    assert "unknown status" in errors[0]
    assert "between 0 and 100" in errors[1]
    assert "not a date" in errors[2]
    assert "no measure with the id 999999" in errors[3]
    assert "working_group_id or a phase_id" in errors[4]
    assert not soup.select("input[name=fingerprint]")  # nothing to apply
    # Posting the apply form anyway changes nothing either.
    client.post(response.wsgi_request.path, {"fingerprint": "0" * 64, "publish": "1"})
    assert set(MeasurePage.objects.values_list("status", flat=True)) == {"planned"}
    assert Revision.objects.filter(user=editor).count() == 0


def test_spreadsheet_variants_semicolons_windows_1252_and_german_dates(client, tree, editor):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["start_date"] = "15.01.2024"
    rows[0]["progress"] = "40,0"
    rows[1]["status"] = "Implemented"  # the label instead of the value
    for row in rows:
        row["history"] = ""  # a spreadsheet may mangle read-only columns: ignored
        row["last_change"] = "03.12.2026 10:00"
    response = upload(client, tree["concept"], as_csv(header, rows, ";", "cp1252"))
    soup = preview_soup(response)
    changes = [row.get_text(" ", strip=True) for row in soup.select("tr.wi-import-change")]
    assert len(changes) == 3, changes
    apply(client, response)
    first = MeasurePage.objects.get(pk=tree["measures"][0].pk)
    assert str(first.start_date) == "2024-01-15" and first.progress == 40
    assert MeasurePage.objects.get(pk=tree["measures"][1].pk).status == "implemented"


def test_an_import_applies_once_and_only_for_its_uploader(client, tree, editor, admin_user):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["status"] = "implemented"
    response = upload(client, tree["concept"], as_csv(header, rows))
    preview_url = response.wsgi_request.path
    fingerprint = preview_soup(response).select_one("input[name=fingerprint]")["value"]
    client.force_login(admin_user)
    assert client.get(preview_url).status_code == 404  # another editor's upload
    client.force_login(editor)
    apply(client, response)
    again = client.post(preview_url, {"fingerprint": fingerprint, "publish": "1"})
    assert again.status_code == 404
    assert Revision.objects.filter(user=editor).count() == 1
    assert MeasureImport.objects.get().applied_at is not None


def test_a_change_between_preview_and_apply_is_shown_again(client, tree, editor):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["status"] = "implemented"
    response = upload(client, tree["concept"], as_csv(header, rows))
    measure = MeasurePage.objects.get(pk=tree["measures"][1].pk)
    measure.status = "in_progress"
    measure.save_revision().publish()  # someone else, meanwhile
    again = apply(client, response)
    assert "changed since the preview" in again.content.decode()
    assert MeasurePage.objects.get(pk=tree["measures"][0].pk).status == "planned"


def test_without_edit_permission_there_is_no_import(client, tree, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    group = Group.objects.create(name="Admins without pages")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    url = reverse("wagtail_integration_import:upload", args=[tree["concept"].pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert upload(client, tree["concept"], b"id,title,status\r\n").status_code in (200, 403)
    assert not MeasureImport.objects.exists()
    client.logout()
    assert client.get(url).status_code == 302  # to the login


def test_rows_need_the_permission_their_change_needs(client, tree, django_user_model):
    """An editor of one working group may change its measures, not those of another."""
    header, rows = export(client, tree["concept"])
    user = editor_of(django_user_model, "group-editor", tree["concept"], "change_page")
    client.force_login(user)
    rows.append(
        dict.fromkeys(header, "")
        | {"title": "Neu", "status": "planned", "phase_id": str(tree["phase"].pk)}
    )
    soup = preview_soup(upload(client, tree["concept"], as_csv(header, rows)))
    errors = [row.get_text(" ", strip=True) for row in soup.select("tr.wi-import-error")]
    assert errors and "may not add measures here" in errors[0]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"\x00\x01PK\x03\x04", "binary data"),
        (b"name;value\r\n1;2\r\n", "missing: id, title, status"),
        (b"id,title,status,status\r\n", "appear twice"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(client, tree, editor, data, message):
    client.force_login(editor)
    response = upload(client, tree["concept"], data)
    assert message in response.content.decode()
    assert not Revision.objects.filter(user=editor).exists()


def test_too_large_and_too_long_files_are_refused(client, tree, editor, settings):
    client.force_login(editor)
    settings.WAGTAIL_INTEGRATION_IMPORT_MAX_BYTES = 1000
    assert (
        "larger than"
        in upload(client, tree["concept"], b"id,title,status\r\n" + b"x" * 2000).content.decode()
    )
    settings.WAGTAIL_INTEGRATION_IMPORT_MAX_BYTES = 1_000_000
    settings.WAGTAIL_INTEGRATION_IMPORT_MAX_ROWS = 3
    header, rows = export(client, tree["concept"])
    assert (
        "more than 3 rows"
        in upload(client, tree["concept"], as_csv(header, rows)).content.decode()
    )


def test_hostile_cells_are_refused_or_shown_escaped(client, tree, editor):
    header, rows = export(client, tree["concept"])
    client.force_login(editor)
    rows[0]["title"] = "<script>alert(1)</script>"
    rows[1]["title"] = "Zeile\x0bmit Steuerzeichen"
    rows[2]["responsible_body"] = "A" * 300
    rows[3]["decision_url"] = "javascript:alert(1)"
    response = upload(client, tree["concept"], as_csv(header, rows))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    errors = [
        row.get_text(" ", strip=True)
        for row in preview_soup(response).select("tr.wi-import-error")
    ]
    assert len(errors) == 3
    assert "control character" in errors[0]
    assert "longer than 255" in errors[1]
    assert "not a web address" in errors[2]


def test_the_concept_page_offers_the_import_to_its_editors(client, tree, editor, admin_user):
    url = reverse("wagtail_integration_import:upload", args=[tree["concept"].pk])
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_explore", args=[tree["concept"].get_parent().pk]))
    assert url in response.content.decode()  # in the concept's "More" menu
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_explore", args=[tree["concept"].pk]))
    assert url in response.content.decode()
    upload_page = client.get(url)
    assert upload_page.status_code == 200
    heading = preview_soup(upload_page).select_one("main h1").get_text(" ", strip=True)
    assert heading.startswith("Import measures")
    other = Page.objects.get(pk=tree["phase"].pk)
    assert (
        reverse("wagtail_integration_import:upload", args=[other.pk])
        not in response.content.decode()
    )
