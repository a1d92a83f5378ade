"""axe-core finds no WCAG 2.0, 2.1 or 2.2 A/AA violation on any page of the package.

Every page type, the feedback form with errors, its thank-you page and its refusals (429,
413), in German and in Arabic, as the example site serves them and in the layout of a
`wagtail start` host.
"""

from itertools import count

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import PAGE_KINDS, new_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ["de", "ar"]
CLIENTS = count(1)


def fill_valid_form(page, message: str = "Mehr Sprachkurse am Abend, bitte.") -> None:
    page.fill("textarea[name=message]", message)
    page.check("input[name=consent]")


def submit(page) -> int:
    """Send the page's feedback form; the status of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.click("form.wi-form button[type=submit]")
    return navigation.value.status


def open_page(chromium, site: str, kind: str, language: str):
    """Open the page of `kind` in a fresh browser page; return it and its HTTP status."""
    form_url = page_url(site, "feedback_form", language)
    page = new_page(chromium, client_address=f"198.51.100.{next(CLIENTS)}")
    if kind in PAGE_KINDS:
        return page, page.goto(page_url(site, kind, language)).status
    page.goto(form_url)
    if kind == "form_with_errors":
        return page, submit(page)
    fill_valid_form(page)
    if kind == "thank_you":
        status = submit(page)
        assert "?sent=1&link=" in page.url
        return page, status
    if kind in ("status_page", "status_delete_confirmation", "status_deleted"):
        assert submit(page) == 200
        page.click(".wi-status-link__url a")  # the resident's private link
        if kind != "status_page":
            page.click("a[href$='/delete/']")
        if kind == "status_deleted":
            with page.expect_navigation() as navigation:
                page.click("form.wi-delete-form button[type=submit]")
            return page, navigation.value.status
        return page, 200
    if kind == "too_many_posts":
        for _ in range(2):  # the example's limit for the tests is 2 per hour
            assert submit(page) == 200
            page.goto(form_url)
            fill_valid_form(page)
        return page, submit(page)
    # Past the cap of the tests' settings (16 kB), around the textarea's own length limit.
    page.eval_on_selector("textarea[name=message]", "el => el.value = 'ب'.repeat(9000)")
    return page, submit(page)


EXPECTED_STATUS = {"form_with_errors": 200, "too_many_posts": 429, "too_large": 413}
KINDS = [
    *PAGE_KINDS,
    "form_with_errors",
    "thank_you",
    "status_page",
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
