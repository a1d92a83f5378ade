"""The indicator charts in a real browser, beyond axe and the page-wide checks of
``test_layout.py`` (which open the working group and concept pages too): right to left,
forced colours, print, and the keyboard.

They run on the example site (six translated indicators) and on the `wagtail start` host
(a translated indicator of its group, an untranslated one of its concept).
"""

import io
import re

import pytest
from pypdf import PdfReader

from .pages import new_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARABIC_DIGITS = re.compile("[\u0660-\u0669]")
READ_FIGURE = """() => {
    const figure = document.querySelector("figure.wi-indicator");
    const box = el => el.getBoundingClientRect();
    const ticks = [...figure.querySelectorAll("svg text.wi-indicator__tick")]
        .filter(t => t.getAttribute("text-anchor") === "middle");
    const firstRow = figure.querySelector("tbody tr");
    const axis = box(figure.querySelector("svg line.wi-indicator__axis"));
    const valueLabels = [...figure.querySelectorAll("svg text.wi-indicator__tick")]
        .filter(t => t.getAttribute("text-anchor") === "end");
    return {
        valueLabelsLeftOfAxis: valueLabels.length > 1
            && valueLabels.every(t => box(t).right <= axis.x + 1),
        direction: getComputedStyle(figure).direction,
        svgDirection: getComputedStyle(figure.querySelector("svg")).direction,
        firstTickX: box(ticks[0]).x,
        lastTickX: box(ticks[ticks.length - 1]).x,
        periodX: box(firstRow.children[0]).x,
        valueX: box(firstRow.children[1]).x,
        summary: figure.querySelector(".wi-indicator__summary").innerText,
        table: figure.querySelector("table").innerText,
    };
}"""
FORCED_COLOURS_LINES = """() => {
    const style = selector => {
        const el = document.querySelector("figure.wi-indicator " + selector);
        return el && {
            stroke: getComputedStyle(el).stroke,
            dash: getComputedStyle(el).strokeDasharray,
            width: getComputedStyle(el).strokeWidth,
        };
    };
    const legend = selector => {
        const el = document.querySelector("figure.wi-indicator " + selector);
        return el && getComputedStyle(el, "::before").borderBlockStartStyle;
    };
    return {
        forced: matchMedia("(forced-colors: active)").matches,
        background: getComputedStyle(document.body).backgroundColor,
        values: style(".wi-indicator__line"),
        comparison: style(".wi-indicator__comparison"),
        target: style(".wi-indicator__target"),
        valuesLegend: legend(".wi-indicator__legend-item--values"),
        comparisonLegend: legend(".wi-indicator__legend-item--comparison"),
    };
}"""


def opened(chromium, url: str, width: int = 1280):
    page = new_page(chromium, width)
    page.goto(url)
    return page


def test_arabic_figures_read_right_to_left_and_keep_time_running_left_to_right(chromium, site):
    """The text around a chart follows the page (the table's first column at the right), the
    drawing keeps time left to right, and the numbers are written in Arabic digits."""
    found = {}
    for language in ["de", "ar"]:
        page = opened(chromium, page_url(site, "working_group", language))
        try:
            found[language] = page.evaluate(READ_FIGURE)
        finally:
            page.context.close()

    german, arabic = found["de"], found["ar"]
    assert (german["direction"], arabic["direction"]) == ("ltr", "rtl")
    assert german["svgDirection"] == arabic["svgDirection"] == "ltr"
    # The value axis's labels stand left of it, outside the plot, in both languages.
    assert german["valueLabelsLeftOfAxis"] and arabic["valueLabelsLeftOfAxis"]
    assert german["firstTickX"] < german["lastTickX"]
    assert arabic["firstTickX"] < arabic["lastTickX"]
    assert german["periodX"] < german["valueX"]
    assert arabic["periodX"] > arabic["valueX"]
    assert ARABIC_DIGITS.search(arabic["summary"]) and ARABIC_DIGITS.search(arabic["table"])
    assert not ARABIC_DIGITS.search(german["summary"] + german["table"])


@pytest.mark.parametrize("language", ["de", "ar"])
def test_lines_keep_their_difference_in_forced_colours(chromium, site, language):
    """Windows high contrast takes the colours away: the values stay a solid line and the
    comparison a dashed one, in the system's text colour, in the drawing and the legend."""
    page = opened(chromium, page_url(site, "working_group", language))
    try:
        page.emulate_media(forced_colors="active")
        found = page.evaluate(FORCED_COLOURS_LINES)
    finally:
        page.context.close()

    assert found["forced"]
    values, comparison = found["values"], found["comparison"]
    assert values["dash"] == "none" and comparison["dash"] not in ("none", "")
    assert values["stroke"] == comparison["stroke"] != found["background"]
    assert found["target"]["stroke"] == values["stroke"]
    assert (found["valuesLegend"], found["comparisonLegend"]) == ("solid", "dashed")


def test_a_printed_group_page_keeps_the_chart_its_summary_and_its_table(chromium, example_site):
    page = opened(chromium, page_url(example_site, "working_group", "de"))
    try:
        summary = page.locator(".wi-indicator__summary").first.inner_text()
        pdf = page.pdf(format="A4")
        page.emulate_media(media="print")
        chart = page.locator("figure.wi-indicator svg").first.bounding_box()
        table = page.locator("figure.wi-indicator table").first.bounding_box()
    finally:
        page.context.close()
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)

    assert chart and chart["width"] > 200 and chart["height"] > 100
    assert table and table["height"] > 50
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", summary) in flat
    assert "Wirktes?Indikatoren" in flat


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_measures_of_an_indicator_are_reached_with_the_keyboard(
    chromium, example_site, language
):
    """Tab passes the chart (it holds nothing to focus) and reaches the measures meant to
    move the indicator; Enter opens the measure."""
    page = opened(chromium, page_url(example_site, "working_group", language), 375)
    try:
        expected = page.locator(".wi-indicator__measures a").first.get_attribute("href")
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.wi-indicator__measures')"):
                break
        else:
            pytest.fail("Tab never reached the indicator's measures")
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == expected
        assert (
            page.locator("figure.wi-indicator svg [tabindex], figure.wi-indicator svg a").count()
            == 0
        )
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(expected)
    finally:
        page.context.close()
