"""The import of indicator values: editors upload the indicator export's CSV with new or
changed values, see every change, and apply it; a file with a bad row changes nothing."""

import csv
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry

from wagtail_integration import indicator_import
from wagtail_integration.models import IndicatorValue, IndicatorValuesImport

from .admin_helpers import editor_of
from .factories import make_concept, make_concept_tree, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(concept_tree):
    work, school = concept_tree["groups"]
    concept_tree["employment"] = make_indicator(
        work, title="Beschäftigungsquote", values=[("2022", 55), ("2023", "57.5", 68)]
    )
    concept_tree["courses"] = make_indicator(
        school, title="Kursteilnahmen", unit="count", values=[("2023", 410)]
    )
    return concept_tree


@pytest.fixture
def editor(django_user_model, tree):
    """An editor of the pages who may also change indicators, and nothing else."""
    user = editor_of(django_user_model, "statistik", tree["concept"], "change_page")
    group = Group.objects.create(name="Indicators")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtail_integration",
            codename__in=["change_indicator", "view_indicator"],
        )
    )
    user.groups.add(group)
    return user


def export(client, concept) -> tuple[list[str], list[dict]]:
    text = client.get(concept.url + "indicators/csv/").content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


def as_csv(header, rows, delimiter=",", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, header, delimiter=delimiter, lineterminator="\r\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client, concept, data: bytes, name="indicators.csv"):
    url = reverse("wagtail_integration_indicator_import:upload", args=[concept.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data, "text/csv")}, follow=True)


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def apply(client, response):
    fingerprint = soup_of(response).select_one("input[name=fingerprint]")["value"]
    return client.post(response.wsgi_request.path, {"fingerprint": fingerprint}, follow=True)


def stored(indicator) -> list[tuple]:
    return [
        (v.period, v.value, v.comparison_value, v.note)
        for v in IndicatorValue.objects.filter(indicator=indicator).order_by("period")
    ]


def test_round_trip_adds_and_changes_exactly_what_the_file_says(client, tree, editor):
    """The export's rows, with a value corrected, a note added and a new year, apply as shown."""
    header, rows = export(client, tree["concept"])
    employment, courses = tree["employment"], tree["courses"]
    assert [(r["indicator_id"], r["period"]) for r in rows] == [
        (str(employment.pk), "2022"),
        (str(employment.pk), "2023"),
        (str(courses.pk), "2023"),
    ]
    rows[1]["value"] = "58,5"  # German Excel
    rows[1]["note"] = "Neue Zählweise"
    rows.append({**rows[1], "period": "2024", "value": "61", "comparison_value": "", "note": ""})
    client.force_login(editor)

    response = upload(client, tree["concept"], as_csv(header, rows))
    soup = soup_of(response)
    assert soup.select_one("main h1").get_text(" ", strip=True).startswith("Preview of the")
    assert "4 rows: 1 values change, 1 new values, 2 unchanged, 0 invalid rows." in soup.text
    changes = [row.get_text(" ", strip=True) for row in soup.select("tr.wi-import-change")]
    assert changes[0].startswith("3 Beschäftigungsquote 2023 Value 57.5000 58.5")
    assert changes[1] == "Note – Neue Zählweise"
    [creation] = soup.select("tr.wi-import-creation")
    assert creation.get_text(" ", strip=True) == "5 Beschäftigungsquote 2024 Value: 61"
    assert stored(employment)[1] == ("2023", Decimal("57.5"), Decimal(68), "")  # not yet

    response = apply(client, response)
    assert "1 values changed, 1 new values, in 1 indicators." in response.content.decode()
    assert stored(employment) == [
        ("2022", Decimal(55), None, ""),
        ("2023", Decimal("58.5"), Decimal(68), "Neue Zählweise"),
        ("2024", Decimal(61), None, ""),
    ]
    assert stored(courses) == [("2023", Decimal(410), None, "")]
    entry = ModelLogEntry.objects.get(object_id=str(employment.pk), action="wagtail.edit")
    assert entry.user == editor
    assert IndicatorValuesImport.objects.get().result == {
        "updated": 1,
        "created": 1,
        "indicators": 1,
    }
    # The group page's chart and table show the new numbers at once (the page cache purged).
    page = client.get(tree["groups"][0].url).content.decode()
    assert "From 2022 to 2024 the value rose from 55\u00a0% to 61\u00a0%." in page
    assert "Neue Zählweise" in page


def test_a_bad_row_is_listed_with_its_reason_and_nothing_changes(client, tree, editor):
    header, rows = export(client, tree["concept"])
    before = stored(tree["employment"]), stored(tree["courses"])
    rows[0]["value"] = "60"
    rows[1]["value"] = "150"  # a percentage
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, rows))
    soup = soup_of(response)
    [error] = soup.select("tr.wi-import-error")
    assert error.get_text(" ", strip=True) == (
        "3 Beschäftigungsquote Value: A percentage lies between 0 and 100."
    )
    assert "Nothing is saved until every row is valid" in soup.text
    assert soup.select_one("input[name=fingerprint]") is None
    forged = client.post(response.wsgi_request.path, {"fingerprint": "0" * 64}, follow=True)
    assert forged.status_code == 200
    assert (stored(tree["employment"]), stored(tree["courses"])) == before
    assert IndicatorValuesImport.objects.get().applied_at is None


def test_spreadsheet_variants_semicolons_windows_1252_and_number_formats(client, tree, editor):
    courses = tree["courses"]
    text = (
        "indicator_id;period;value;comparison_value;note\r\n"
        f"{courses.pk};2024-h1;1.234;;Frühjahr\r\n"
        f"{courses.pk};2024-H2;1.234,0;1 300;\r\n"
        f"{courses.pk};2025;\u20221\r\n"
    )
    client.force_login(editor)
    response = upload(client, tree["concept"], text.encode("cp1252", "replace"))
    errors = [
        row.get_text(" ", strip=True) for row in soup_of(response).select("tr.wi-import-error")
    ]
    assert len(errors) == 2
    assert "can be read as 1.234 or as 1234" in errors[0]
    assert "Value: not a number." in errors[1]

    text = (
        "indicator_id;period;value;comparison_value;note\r\n"
        f"{courses.pk};2024-h1;1234;;Frühjahr\r\n"
        f"{courses.pk};2024-H2;1.234,5;1\u00a0300;\r\n"
        f"{tree['employment'].pk};2024;\u221261,5 %;;\r\n"
    )
    response = upload(client, tree["concept"], text.encode("utf-8"))
    errors = [
        row.get_text(" ", strip=True) for row in soup_of(response).select("tr.wi-import-error")
    ]
    assert errors == ["4 Beschäftigungsquote Value: A percentage lies between 0 and 100."]

    text = text.replace("\u221261,5 %", "61,5 %")
    response = apply(client, upload(client, tree["concept"], text.encode("cp1252")))
    assert response.status_code == 200
    assert stored(courses)[1:] == [
        ("2024-H1", Decimal(1234), None, "Frühjahr"),
        ("2024-H2", Decimal("1234.5"), Decimal(1300), ""),
    ]
    assert stored(tree["employment"])[-1] == ("2024", Decimal("61.5"), None, "")


def test_arabic_indic_digits_are_read_as_numbers(client, tree, editor):
    """An Arabic-speaking editor's spreadsheet writes Arabic-Indic digits and decimal mark."""
    header = ["indicator_id", "period", "value"]
    rows = [{"indicator_id": tree["courses"].pk, "period": "٢٠٢٤", "value": "٤٢٫٥"}]
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, rows))
    [error] = soup_of(response).select("tr.wi-import-error")
    assert 'Period: Enter a year such as "2024"' in error.get_text(" ", strip=True)
    rows[0]["period"] = "2024"
    apply(client, upload(client, tree["concept"], as_csv(header, rows)))
    assert stored(tree["courses"])[-1] == ("2024", Decimal("42.5"), None, "")


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"indicator_id": "abc"}, "The indicator id “abc” is not a number."),
        ({"indicator_id": "9" * 40}, "is not a number."),
        ({"indicator_id": "999999"}, "There is no indicator with the id 999999 in this concept."),
        ({"period": "2024-H3"}, 'Period: Enter a year such as "2024"'),
        ({"period": "24"}, 'Period: Enter a year such as "2024"'),
        ({"period": ""}, 'Period: Enter a year such as "2024"'),
        ({"value": ""}, "Value: a value is required; a value is deleted in the editor."),
        ({"value": "NaN"}, "Value: not a number."),
        ({"value": "Infinity"}, "Value: not a number."),
        ({"value": "1e400"}, "Value: not a number."),
        ({"value": "0x10"}, "Value: not a number."),
        ({"value": "12345678901"}, "Value: is too large."),
        ({"value": "1.23456"}, "Value: has more than 4 decimal places."),
        ({"value": "½"}, "Value: not a number."),
        ({"value": "12-"}, "Value: not a number."),
        ({"value": "<b>1</b>"}, "Value: not a number."),
        ({"comparison_value": "viel"}, "Comparison: not a number."),
        ({"note": "Zeile\x0bmit Steuerzeichen"}, "Note: holds a control character"),
        ({"note": "zwei\u2028Zeilen"}, "Note: holds a control character"),
        ({"note": "A" * 501}, "Note: is longer than 500 characters."),
    ],
)
def test_hostile_cells_are_refused_with_the_reason(client, tree, editor, cells, reason):
    courses = tree["courses"]
    row = {"indicator_id": str(courses.pk), "period": "2024", "value": "12", **cells}
    header = ["indicator_id", "period", "value", "comparison_value", "note"]
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, [row]))
    [error] = soup_of(response).select("tr.wi-import-error")
    assert reason in error.get_text(" ", strip=True)
    assert stored(courses) == [("2023", Decimal(410), None, "")]


def test_markup_in_a_note_is_stored_as_text_and_shown_escaped(client, tree, editor):
    courses = tree["courses"]
    header = ["indicator_id", "period", "value", "note"]
    row = {"indicator_id": courses.pk, "period": "2024", "value": "5", "note": "<b>fett</b>"}
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, [row]))
    assert "&lt;b&gt;fett&lt;/b&gt;" in response.content.decode()
    apply(client, response)
    assert stored(courses)[-1][3] == "<b>fett</b>"
    page = client.get(tree["groups"][1].url).content.decode()
    assert "&lt;b&gt;fett&lt;/b&gt;" in page and "<b>fett</b>" not in page


def test_a_period_twice_and_indicators_of_elsewhere_are_refused(client, tree, editor, home_page):
    other_concept = make_concept(home_page, title="Anderes Konzept", slug="anderes")
    elsewhere = make_indicator(other_concept, title="Fremd", values=[("2023", 1)])
    courses = tree["courses"]
    header = ["indicator_id", "period", "value"]
    rows = [
        {"indicator_id": courses.pk, "period": "2024", "value": "1"},
        {"indicator_id": courses.pk, "period": "2024", "value": "2"},
        {"indicator_id": elsewhere.pk, "period": "2024", "value": "3"},
    ]
    client.force_login(editor)
    errors = [
        row.get_text(" ", strip=True)
        for row in soup_of(upload(client, tree["concept"], as_csv(header, rows))).select(
            "tr.wi-import-error"
        )
    ]
    assert errors == [
        "3 Kursteilnahmen The period 2024 of this indicator appears twice in the file.",
        f"4 – There is no indicator with the id {elsewhere.pk} in this concept.",
    ]


def test_a_translated_indicator_points_to_its_source(client, tree, editor):
    courses = tree["courses"]
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translated = courses.copy_for_translation(arabic)
    translated.title = "المشاركة في الدورات"
    translated.save()
    header = ["indicator_id", "period", "value"]
    row = {"indicator_id": translated.pk, "period": "2024", "value": "1"}
    client.force_login(editor)
    [error] = soup_of(upload(client, tree["concept"], as_csv(header, [row]))).select(
        "tr.wi-import-error"
    )
    assert f"use the id {courses.pk}" in error.get_text(" ", strip=True)


def test_an_import_applies_once_and_only_for_its_uploader(client, tree, editor, admin_user):
    header, rows = export(client, tree["concept"])
    rows[0]["value"] = "56"
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, rows))
    fingerprint = soup_of(response).select_one("input[name=fingerprint]")["value"]
    path = response.wsgi_request.path
    client.force_login(admin_user)
    assert client.post(path, {"fingerprint": fingerprint}).status_code == 404
    client.force_login(editor)
    assert client.post(path, {"fingerprint": fingerprint}).status_code == 302
    assert client.post(path, {"fingerprint": fingerprint}).status_code == 404
    assert stored(tree["employment"])[0][1] == Decimal(56)
    assert ModelLogEntry.objects.filter(action="wagtail.edit").count() == 1


def test_a_change_between_preview_and_apply_is_shown_again(client, tree, editor):
    header, rows = export(client, tree["concept"])
    rows[0]["value"] = "56"
    client.force_login(editor)
    response = upload(client, tree["concept"], as_csv(header, rows))
    IndicatorValue.objects.filter(indicator=tree["employment"], period="2022").update(value=70)
    response = apply(client, response)
    assert "The values changed since the preview" in response.content.decode()
    assert stored(tree["employment"])[0][1] == Decimal(70)


def test_without_the_indicator_permission_there_is_no_import(client, tree, django_user_model):
    page_editor = editor_of(
        django_user_model, "seiten", tree["concept"], "change_page", "publish_page"
    )
    url = reverse("wagtail_integration_indicator_import:upload", args=[tree["concept"].pk])
    client.force_login(page_editor)
    explorer = client.get(reverse("wagtailadmin_explore", args=[tree["concept"].pk]))
    assert url not in explorer.content.decode()
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"file": SimpleUploadedFile("a.csv", b"x")}).status_code in (302, 403)
    assert not IndicatorValuesImport.objects.exists()


def test_the_concept_page_offers_the_import_to_who_may_change_indicators(client, tree, editor):
    url = reverse("wagtail_integration_indicator_import:upload", args=[tree["concept"].pk])
    client.force_login(editor)
    explorer = client.get(reverse("wagtailadmin_explore", args=[tree["concept"].pk]))
    assert url in explorer.content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert tree["concept"].url + "indicators/csv/" in page.content.decode()
    # The page's heading is an h1 (a template variable named `heading` once replaced it).
    heading = soup_of(page).select_one("main h1").get_text(" ", strip=True)
    assert heading.startswith("Import indicator values")
    phase_url = reverse("wagtail_integration_indicator_import:upload", args=[tree["phase"].pk])
    assert client.get(phase_url).status_code == 404  # a phase is not a concept


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The submitted file is empty"),
        (b"\r\n", "missing: indicator_id, period, value"),
        (b"\x00\x01binary", "binary data"),
        (b"indicator_id,value\r\n1,2\r\n", "missing: period"),
        (b"indicator_id,period,value,value\r\n", "appear twice"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(client, tree, editor, data, message):
    client.force_login(editor)
    response = upload(client, tree["concept"], data)
    assert message in response.content.decode()
    assert not IndicatorValuesImport.objects.exists()


def test_a_translated_concept_refuses_the_import(
    client, tree, editor, django_capture_on_commit_callbacks, home_page
):
    from .i18n_helpers import translate

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translate(home_page.specific, arabic, {}, django_capture_on_commit_callbacks)
    arabic_concept = translate(tree["concept"], arabic, {}, django_capture_on_commit_callbacks)
    header = ["indicator_id", "period", "value"]
    row = {"indicator_id": tree["courses"].pk, "period": "2024", "value": "1"}
    client.force_login(editor)
    response = upload(client, arabic_concept, as_csv(header, [row]))
    assert "This concept is a translation" in response.content.decode()
    assert stored(tree["courses"]) == [("2023", Decimal(410), None, "")]


@pytest.mark.parametrize("groups", [2, 6])
def test_planning_costs_the_same_queries_for_a_short_and_a_long_file(home_page, groups):
    tree = make_concept_tree(home_page, groups=groups, measures_per_group=0)
    indicators = [
        make_indicator(
            group, title=f"Indikator {n}", values=[(str(2000 + y), y) for y in range(5)]
        )
        for n, group in enumerate(tree["groups"])
    ]
    rows = [
        f"{indicator.pk},{2000 + year},{year + 1}"
        for indicator in indicators
        for year in range(groups * 3)
    ]
    text = "indicator_id,period,value\r\n" + "\r\n".join(rows)
    with CaptureQueriesContext(connection) as queries:
        plan = indicator_import.plan(tree["concept"], text)
    assert plan.is_valid and len(plan.rows) == groups * groups * 3
    assert len(queries) <= 5
