"""The stacked status bar: its geometry, text alternative and rendered, escaped markup."""

from collections import Counter
from decimal import Decimal

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail_integration.charts import MIN_WIDTH, safe_id, status_bar

TEMPLATE = "wagtail_integration/includes/status_chart.html"
HOSTILE = '<script>alert(1)</script> "quoted" & more'


def rows(**counts: int) -> list[dict]:
    """status_counts-shaped rows, labelled by their status in title case."""
    return [
        {"status": status, "label": status.replace("_", " ").capitalize(), "count": count}
        for status, count in counts.items()
    ]


def render(chart, **context) -> BeautifulSoup:
    return BeautifulSoup(render_to_string(TEMPLATE, {"chart": chart, **context}), "html.parser")


def test_segment_widths_add_up_to_100_and_counts_equal_the_input():
    chart = status_bar(rows(planned=3, in_progress=5, implemented=4), chart_id="c")

    assert sum(segment.width for segment in chart.segments) == 100
    assert [segment.count for segment in chart.segments] == [3, 5, 4]
    assert chart.total == 12


def test_segments_follow_each_other_without_gap_and_the_last_closes_the_bar():
    chart = status_bar(rows(proposed=1, planned=1, in_progress=1, implemented=4), chart_id="c")

    ends = [segment.start + segment.width for segment in chart.segments]
    assert [segment.start for segment in chart.segments] == [Decimal(0), *ends[:-1]]
    assert ends[-1] == 100


def test_shares_are_rounded_to_whole_percent():
    chart = status_bar(rows(planned=1, in_progress=1, implemented=1), chart_id="c")

    assert [segment.share for segment in chart.segments] == [33, 33, 33]


def test_a_share_below_one_percent_keeps_a_decimal_and_a_tiny_one_reads_as_upper_bound():
    chart = status_bar(rows(planned=1, implemented=199, discontinued=0), chart_id="c")
    tiny = status_bar(rows(planned=1, implemented=9999), chart_id="c")

    assert chart.segments[0].share == Decimal("0.5")
    assert tiny.segments[0].share == Decimal("0.1")
    assert tiny.segments[0].share_is_upper_bound
    assert tiny.segments[1].share == Decimal("99.9")  # never 100 while another status counts


def test_empty_input_renders_nothing_and_raises_nothing():
    for empty in ([], rows(planned=0)):
        chart = status_bar(empty, chart_id="c")

        assert not chart
        assert chart.segments == ()
        assert render_to_string(TEMPLATE, {"chart": chart, "caption": "Group"}).strip() == ""


def test_one_status_only_fills_the_whole_bar():
    chart = status_bar(rows(implemented=7), chart_id="c")

    [segment] = chart.segments
    assert (segment.start, segment.width, segment.share) == (0, 100, 100)
    assert not render(chart).find_all("line")  # no separator inside a single segment


def test_a_tiny_share_is_drawn_at_least_minimal_width_and_listed_in_the_table():
    chart = status_bar(rows(proposed=1, implemented=999), chart_id="c")

    assert chart.segments[0].width >= MIN_WIDTH
    assert sum(segment.width for segment in chart.segments) == 100
    table_rows = render(chart).select(".wi-chart__table tbody tr")
    assert [row.th.get_text(" ", strip=True) for row in table_rows] == ["Proposed", "Implemented"]
    assert [row.find_all("td")[0].get_text() for row in table_rows] == ["1", "999"]


def test_rendered_svg_is_an_image_labelled_by_its_title_and_description():
    chart = status_bar(rows(planned=3, in_progress=5, implemented=4), chart_id="wi-chart-phase-12")

    svg = render(chart, caption="Phase 2").find("svg", class_="wi-chart__bar")

    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title")["id"] == title_id
    assert svg.find("desc")["id"] == desc_id
    assert "Phase 2" in svg.find("title").get_text()
    description = svg.find("desc").get_text()
    assert description == "12 measures by status: Planned 3, In progress 5, Implemented 4."


def test_every_segment_is_filled_with_a_pattern_of_its_own_repeated_by_its_swatch():
    chart = status_bar(
        rows(proposed=1, planned=1, in_progress=1, implemented=1, discontinued=1), chart_id="c"
    )
    soup = render(chart)

    pattern_ids = [pattern["id"] for pattern in soup.find_all("pattern")]
    fills = [rect["fill"] for rect in soup.select("rect.wi-chart__segment")]
    swatches = [rect["fill"] for rect in soup.select("rect.wi-chart__swatch-box")]
    assert len({segment.pattern for segment in chart.segments}) == 5
    assert fills == swatches == [f"url(#{pattern_id})" for pattern_id in pattern_ids]
    assert not soup.select("[style]")  # the project forbids inline styles


def test_two_charts_on_one_page_have_no_duplicate_ids():
    page = render_to_string(
        TEMPLATE, {"chart": status_bar(rows(planned=2, implemented=1), chart_id="wi-chart-1")}
    ) + render_to_string(
        TEMPLATE, {"chart": status_bar(rows(planned=2, implemented=1), chart_id="wi-chart-2")}
    )

    ids = [tag["id"] for tag in BeautifulSoup(page, "html.parser").find_all(id=True)]
    assert len(ids) > 2
    assert [id_ for id_, n in Counter(ids).items() if n > 1] == []


def test_chart_id_is_made_safe_for_html_and_xml():
    assert safe_id("wi-chart-phase-12") == "wi-chart-phase-12"
    assert safe_id('12 "><script>') == "wi-chart-12-script"
    assert safe_id("") == "wi-chart"
    chart = status_bar(rows(planned=1), chart_id='x" onload="alert(1)')
    assert render(chart).figure["id"] == "x-onload-alert-1"


def test_hostile_labels_and_caption_are_escaped_in_html_and_inside_svg():
    chart = status_bar(
        [
            {"status": "planned", "label": HOSTILE, "count": 2},
            {"status": "implemented", "label": mark_safe("<b>safe</b>"), "count": 1},
        ],
        chart_id="c",
    )

    html = render_to_string(TEMPLATE, {"chart": chart, "caption": HOSTILE})

    assert "<script>" not in html and "<b>" not in html
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; more"
    # In the figure caption, the SVG's title and desc and the table's row header.
    assert html.count(escaped) == 4
    soup = BeautifulSoup(html, "html.parser")
    for place in ("figcaption", "svg title", "svg desc", "tbody th"):
        element = soup.select_one(place)
        assert HOSTILE in element.get_text(), place  # text, not markup
        assert element.find("script") is None, place
    assert soup.select_one("desc").get_text().startswith(f"3 measures by status: {HOSTILE} 2")
    assert "&lt;b&gt;safe&lt;/b&gt;" in html  # a label marked safe is still plain text


def test_german_rendering_formats_decimals_the_german_way_but_not_svg_geometry():
    chart = status_bar(rows(planned=1, implemented=199), chart_id="c")

    with translation.override("de"):
        soup = render(chart)

    shares = [row.find_all("td")[1].get_text() for row in soup.select("tbody tr")]
    assert shares[0].startswith("0,5")
    assert "0.5" not in shares[0]
    assert soup.select("rect.wi-chart__segment")[1]["x"] == "2.00%"  # SVG needs a dot


def test_counts_are_printed_inside_wide_segments_only():
    chart = status_bar(rows(planned=1, implemented=40), chart_id="c")

    printed = [text.get_text() for text in render(chart).select("text.wi-chart__count")]
    assert printed == ["40"]


def test_a_share_below_a_tenth_of_a_percent_reads_below_in_the_table():
    chart = status_bar(rows(planned=1, implemented=9999), chart_id="c")

    shares = [row.find_all("td")[1].get_text() for row in render(chart).select("tbody tr")]
    assert shares == ["below 0.1%", "99.9%"]
