"""Open data out: the measures of a concept as CSV, JSON and a Frictionless data package;
only live, public measures of that concept, in the requested language, at a fixed query
count."""

import csv
import io
import json
from decimal import Decimal

import frictionless
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from wagtail_integration.indicator_data import INDICATOR_COLUMN_NAMES
from wagtail_integration.models import IndicatorValue, OpenDataSettings
from wagtail_integration.open_data import COLUMN_NAMES

from .factories import (
    make_concept,
    make_group,
    make_indicator,
    make_many_measures,
    make_measure,
    make_phase,
)
from .i18n_helpers import translate, translate_tree


@pytest.fixture
def tree(home_page):
    concept = make_concept(home_page, title="Konzept", slug="konzept")
    phase = make_phase(concept, title="Phase 2", number=2)
    group = make_group(phase, title="Arbeit")
    listed = make_measure(
        group,
        title="Jobmesse",
        status="in_progress",
        progress=40,
        start_date="2024-01-15",
        decision_body="Stadtrat",
        decision_reference="Drs. 12/2024",
    )
    of_phase = make_measure(phase, title="Begegnungsfest", status="planned")
    draft = make_measure(group, title="Entwurf", status="planned")
    draft.unpublish()
    private_group = make_group(phase, title="Intern")
    make_measure(private_group, title="Geheim", status="planned")
    PageViewRestriction.objects.create(page=private_group, restriction_type="login")
    other = make_concept(home_page, title="Anderes Konzept", slug="anderes")
    make_measure(make_phase(other, title="Fremd"), title="Fremde Maßnahme")
    return {
        "concept": concept,
        "phase": phase,
        "group": group,
        "listed": listed,
        "of_phase": of_phase,
    }


def csv_rows(client, concept) -> list[dict]:
    response = client.get(concept.url + "measures/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_the_documented_columns_id_title_status_first(client, tree):
    response = client.get(tree["concept"].url + "measures/csv/")
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:3] == ["id", "title", "status"]
    assert header == COLUMN_NAMES
    assert 'filename="konzept-measures-en.csv"' in response["Content-Disposition"]


def test_exports_hold_only_live_public_measures_of_the_concept(client, tree):
    rows = csv_rows(client, tree["concept"])
    assert [row["title"] for row in rows] == ["Jobmesse", "Begegnungsfest"]
    items = client.get(tree["concept"].url + "measures/json/").json()
    assert [item["title"] for item in items] == ["Jobmesse", "Begegnungsfest"]


def test_a_row_carries_status_dates_group_phase_decision_and_address(client, tree):
    row = csv_rows(client, tree["concept"])[0]
    listed = tree["listed"]
    assert row["id"] == str(listed.pk)
    assert row["status"] == "in_progress" and row["status_label"] == "In progress"
    assert row["progress"] == "40" and row["start_date"] == "2024-01-15"
    assert row["end_date"] == "" and row["decision_date"] == ""
    assert row["working_group"] == "Arbeit" and row["working_group_id"] == str(tree["group"].pk)
    assert row["phase"] == "Phase 2" and row["phase_id"] == str(tree["phase"].pk)
    assert row["decision_body"] == "Stadtrat" and row["decision_reference"] == "Drs. 12/2024"
    assert row["url"] == listed.get_full_url()
    assert row["language"] == "en"
    assert row["measure_key"] == str(listed.translation_key)
    phase_row = csv_rows(client, tree["concept"])[1]
    assert phase_row["working_group"] == "" and phase_row["phase"] == "Phase 2"
    item = client.get(tree["concept"].url + "measures/json/").json()[0]
    assert item["progress"] == 40 and item["start_date"] == "2024-01-15"
    assert item["end_date"] is None and item["history"] == []


def test_exports_are_in_the_language_of_the_concept_they_are_asked_of(
    client, tree, home_page, arabic, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    translate(home_page.specific, arabic, {}, capture)
    translate_tree(
        tree["concept"], arabic, {"Jobmesse": "معرض الوظائف", "Arbeit": "العمل"}, capture
    )
    arabic_concept = tree["concept"].get_translation(arabic)
    rows = csv_rows(client, arabic_concept)
    assert rows[0]["title"] == "معرض الوظائف"
    assert rows[0]["working_group"] == "العمل"
    assert rows[0]["language"] == "ar"
    assert rows[0]["status"] == "in_progress"
    assert rows[0]["status_label"] != "In progress"  # the Arabic catalog's label
    assert rows[0]["id"] == str(tree["listed"].get_translation(arabic).pk)
    assert rows[0]["measure_key"] == str(tree["listed"].translation_key)
    assert "Fremde Maßnahme" not in {row["title"] for row in rows}
    # And the German-default English source stays English.
    assert csv_rows(client, tree["concept"])[0]["title"] == "Jobmesse"


def test_hostile_stored_text_survives_the_exports(client, home_page):
    concept = make_concept(home_page, title="Konzept <b>", slug="boese")
    group = make_group(make_phase(concept, title='Phase "1"'), title='=HYPERLINK("x")')
    hostile = '<script>alert(1)</script>,"quoted"\r\nnew line\x0b\u202e'
    make_measure(group, title=hostile[:200], responsible_body="=1+1", summary=hostile)
    rows = csv_rows(client, concept)
    assert rows[0]["title"] == hostile[:200]
    items = client.get(concept.url + "measures/json/").json()
    assert items[0]["title"] == hostile[:200]
    package = client.get(concept.url + "measures/datapackage/").json()
    assert package["title"].endswith("Konzept <b>")


def test_data_package_describes_both_exports_with_the_site_licence(client, tree):
    package = client.get(tree["concept"].url + "measures/datapackage/").json()
    assert package["licenses"] == [
        {
            "title": "Datenlizenz Deutschland – Namensnennung – 2.0",
            "name": "dl-by-de/2.0",
            "path": "https://www.govdata.de/dl-de/by-2-0",
        }
    ]
    paths = [resource["path"] for resource in package["resources"]]
    base = "http://testserver" + tree["concept"].url
    assert paths == [base + "measures/csv/", base + "measures/json/", base + "indicators/csv/"]
    fields = [field["name"] for field in package["resources"][0]["schema"]["fields"]]
    assert fields == COLUMN_NAMES
    fields = [field["name"] for field in package["resources"][2]["schema"]["fields"]]
    assert fields == INDICATOR_COLUMN_NAMES
    settings = OpenDataSettings.for_site(Site.objects.get(is_default_site=True))
    settings.licence_title, settings.licence_name = "CC BY 4.0", "CC-BY-4.0"
    settings.licence_url, settings.publisher = (
        "https://creativecommons.org/licenses/by/4.0/",
        "Stadt",
    )
    settings.save()
    package = client.get(tree["concept"].url + "measures/datapackage/").json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["contributors"] == [{"title": "Stadt", "role": "publisher"}]


def test_frictionless_validates_the_package_against_the_real_exports(client, tree, tmp_path):
    """The descriptor and its three files, as served, pass Frictionless's own validation."""
    indicator = make_indicator(
        tree["concept"],
        title='Quote "A", <b>',
        baseline_period="2015",
        baseline_value=Decimal("48.5"),
        values=[("2015", "48.5"), ("2024-H1", 61, "70.25"), ("2024-H2", "1234.0001")],
    )
    IndicatorValue.objects.filter(indicator=indicator, period="2015").update(note="a,b\r\nc")
    package = client.get(tree["concept"].url + "measures/datapackage/").json()
    for resource, name in zip(
        package["resources"], ["measures.csv", "measures.json", "indicators.csv"], strict=True
    ):
        url = resource["path"].removeprefix("http://testserver")
        (tmp_path / name).write_bytes(client.get(url).content)
        resource["path"] = name
    (tmp_path / "datapackage.json").write_text(json.dumps(package))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def _export_queries(client, concept, kind: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{concept.url}measures/{kind}/")
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_export_queries_do_not_grow_with_the_number_of_measures(client, home_page, settings):
    """60 and 6,000 measures: the same queries for each export."""
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False
    concept = make_concept(home_page, title="Groß", slug="gross")
    phase = make_phase(concept, title="Phase", number=1)
    groups = [make_group(phase, title=f"Gruppe {g}") for g in range(3)]
    for group in groups:
        make_many_measures(group, 20, status="planned")
    client.get(concept.url + "measures/csv/")  # warm Wagtail's per-process caches
    small = {kind: _export_queries(client, concept, kind) for kind in ("csv", "json")}
    for group in groups:
        make_many_measures(group, 1980, status="implemented")
    for kind in ("csv", "json", "datapackage"):
        large = _export_queries(client, concept, kind)
        if kind in small:
            assert large[0] == small[kind][0], kind
    assert len(csv_rows(client, concept)) == 6000


def test_export_addresses_are_wagtails_own_also_without_trailing_slashes(client, tree, settings):
    rows = csv_rows(client, tree["concept"])
    assert rows[0]["url"] == tree["listed"].get_full_url()
    settings.WAGTAIL_APPEND_SLASH = False
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False
    response = client.get(tree["concept"].url.rstrip("/") + "/measures/json/")
    assert response.json()[0]["url"] == tree["listed"].get_full_url()
