"""Printed pages: the PDF that Chromium prints of a measure page lists the addresses of the
page's links at the end and leaves out the navigation."""

import io
import re

import pytest
from pypdf import PdfReader

from .pages import new_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A measure of the demo that links to its council decision.
MEASURE_WITH_LINKS = "interkulturelle-schulungen-fuer-die-verwaltung"
# The addresses of the links in the page's content, as a reader sees them on screen.
CONTENT_LINKS = """() => [...document.querySelectorAll(".wi-content a[href]")]
    .filter(a => !a.closest("nav, .wi-references") && a.href.startsWith("http"))
    .map(a => a.href)"""
NAVIGATION_TEXT = """() => [...document.querySelectorAll("nav")].map(nav => nav.innerText)"""


def without_spaces(text: str) -> str:
    """PDF text breaks long addresses over lines; compare without any white space."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed_measure_page(chromium, example_site) -> dict:
    page = new_page(chromium, width=1280)
    try:
        page.goto(page_url(example_site, "measure", "de", MEASURE_WITH_LINKS))
        links = page.evaluate(CONTENT_LINKS)
        navigation = page.evaluate(NAVIGATION_TEXT)
        pdf = page.pdf(format="A4")
        page.emulate_media(media="print")
        navigation_shown = page.evaluate(
            "() => [...document.querySelectorAll('nav')]"
            ".filter(nav => nav.getClientRects().length > 0).length"
        )
    finally:
        page.context.close()
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    return {
        "links": links,
        "navigation": navigation,
        "navigation_shown": navigation_shown,
        "text": text,
    }


def test_printed_measure_page_lists_the_address_of_every_link(printed_measure_page):
    printed = printed_measure_page
    text = without_spaces(printed["text"])

    assert printed["links"], "the demo's measure page has links in its content"
    assert "Verweisliste" in printed["text"]  # the heading of the list of references
    missing = [url for url in printed["links"] if without_spaces(url) not in text]
    assert missing == []


def test_printed_measure_page_leaves_out_the_navigation(printed_measure_page):
    printed = printed_measure_page
    text = without_spaces(printed["text"])

    assert printed["navigation"], "the measure page has breadcrumbs and a language switcher"
    assert printed["navigation_shown"] == 0
    for navigation in printed["navigation"]:
        assert without_spaces(navigation) not in text
