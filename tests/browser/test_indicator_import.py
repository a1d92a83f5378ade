"""The import of indicator values in the example site's admin, in a real browser: its upload
page and its previews (with an invalid row, with valid changes) have no axe violations, and
an editor uploads, checks and applies a file with the keyboard."""

import csv
import io
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import admin_login, first_page
from .test_axe import WCAG_AA

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def admin_page(chromium, example_site):
    page = admin_login(chromium, example_site, width=1280)
    yield page
    page.context.close()


def export_rows(page, site: str, concept_url: str) -> tuple[list[str], list[dict]]:
    text = page.request.get(f"{site}{concept_url}indicators/csv/").text().lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames), list(reader)


def as_file(header: list[str], rows: list[dict]) -> dict:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return {"name": "werte.csv", "mimeType": "text/csv", "buffer": buffer.getvalue().encode()}


def upload_with_the_keyboard(page, file: dict) -> None:
    page.set_input_files("input[type=file]", file)
    page.focus("input[type=file]")
    page.keyboard.press("Tab")  # to the submit button
    with page.expect_navigation():
        page.keyboard.press("Enter")


def violations(page) -> int:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert results.violations_count == 0, results.generate_report()
    return results.violations_count


def test_an_editor_uploads_checks_and_applies_values_with_the_keyboard(admin_page, example_site):
    page = admin_page
    concept = first_page(example_site, "wagtail_integration.IntegrationConceptPage", "de")
    concept_url = urlsplit(concept["meta"]["html_url"]).path
    upload_url = f"{example_site}/admin/integration/indicator-values-import/{concept['id']}/"
    page.goto(upload_url)
    assert page.locator("main h1").first.inner_text().strip()
    assert violations(page) == 0

    header, rows = export_rows(page, example_site, concept_url)
    percent = next(row for row in rows if row["unit"] == "percent")
    bad = [dict(percent, value="150")]
    upload_with_the_keyboard(page, as_file(header, bad))
    assert page.locator("tr.wi-import-error").count() == 1
    assert "0 und 100" in page.locator("tr.wi-import-error").inner_text()
    assert page.locator("input[name=fingerprint]").count() == 0
    assert violations(page) == 0

    good = [dict(percent, note="Vorläufiger Wert")]
    with page.expect_navigation():  # "Upload a corrected file", with the keyboard
        page.locator("a", has_text="Korrigierte Datei").first.focus()
        page.keyboard.press("Enter")
    upload_with_the_keyboard(page, as_file(header, good))
    assert page.locator("tr.wi-import-change").count() == 1
    assert violations(page) == 0
    apply = page.locator("form button[type=submit]", has_text="Import ausführen").first
    apply.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "1 Werte geändert" in page.content()
