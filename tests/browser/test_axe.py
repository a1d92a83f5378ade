"""axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation on any page of the package.

Every page type, the feedback form with errors, its thank-you page and its refusals (429,
413), in German and in Arabic, as the example site serves them and in the layout of a
`wagtail start` host.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .flows import open_page
from .pages import PAGE_KINDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ["de", "ar"]
EXPECTED_STATUS = {"form_with_errors": 200, "too_many_posts": 429, "too_large": 413}
KINDS = [
    *PAGE_KINDS,
    "form_with_errors",
    "thank_you",
    "status_page",
    "status_page_answered",
    "status_delete_confirmation",
    "status_deleted",
    "too_many_posts",
    "too_large",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_page_has_no_wcag_aa_violations(chromium, site, kind, language, record_property):
    page, status = open_page(chromium, site, kind, language)
    try:
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
        heading = page.locator("h1").first.inner_text()
        content = page.locator(".wi-content")
        lang, direction = content.get_attribute("lang"), content.get_attribute("dir")
    finally:
        page.context.close()

    record_property("axe_pages", 1)
    record_property("axe_violations", results.violations_count)
    assert status == EXPECTED_STATUS.get(kind, 200)
    assert results.violations_count == 0, results.generate_report()
    assert heading
    # The package's content carries its language and direction, whatever the host's <html> says.
    assert (lang, direction) == (language, "rtl" if language == "ar" else "ltr")


def test_axe_with_these_rules_reports_a_defect_put_into_a_page(chromium, example_site):
    """The harness itself can fail: a picture without a text alternative and pale grey text,
    put into a real page, are reported."""
    page, _ = open_page(chromium, example_site, "concept", "de")
    try:
        page.evaluate(
            """() => {
                const main = document.querySelector("main");
                main.insertAdjacentHTML("beforeend",
                    '<img src="/static/missing.png"><p style="color:#ccc">Blass</p>');
            }"""
        )
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    finally:
        page.context.close()

    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "color-contrast"} <= found
