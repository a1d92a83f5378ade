"""An indicator's chart, table and summary sentence show the database's numbers, in German and
in Arabic (with its digits); awkward series render without a misleading axis."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils import translation

from wagtail_integration import page_cache
from wagtail_integration.indicator_charts import (
    HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    line_chart,
    localized_number,
)
from wagtail_integration.models import Indicator, IndicatorValue

from .factories import make_indicator

pytestmark = pytest.mark.django_db

TEMPLATE = "wagtail_integration/includes/indicator_chart.html"


def indicator_with(group, values, **fields) -> Indicator:
    return make_indicator(group, values=values, **fields)


def rendered(indicator, language: str) -> tuple[BeautifulSoup, object]:
    chart = line_chart(indicator, indicator.series(), language)
    with translation.override(language):
        html = render_to_string(TEMPLATE, {"indicator": indicator, "chart": chart})
    return BeautifulSoup(html, "html.parser"), chart


def value_of_y(chart, y: float) -> float:
    """The number a height in the drawing stands for, read back from the axis ticks."""
    (low, high) = chart.ticks[0], chart.ticks[-1]
    return low.value + (low.y - y) / (low.y - high.y) * (high.value - low.value)


@pytest.fixture
def employment(concept_tree):
    return indicator_with(
        concept_tree["groups"][0],
        [("2015", 48, 70), ("2018", "52.5", 71), ("2021", 57, 72), ("2024", 61, 73)],
        baseline_period="2015",
        baseline_value=Decimal(48),
        target_period="2026",
        target_value=Decimal(65),
        comparison_label="Gesamtbevölkerung",
    )


@pytest.mark.parametrize(
    ("language", "expected_summary", "expected_cells"),
    [
        (
            "en",
            "From 2015 to 2024 the value rose from 48\u00a0% to 61\u00a0%. "
            "The target for 2026 is 65\u00a0%.",
            ["48\u00a0%", "52.5\u00a0%", "57\u00a0%", "61\u00a0%"],
        ),
        (
            "de",
            "Von 2015 bis 2024 stieg der Wert von 48\u00a0% auf 61\u00a0%. "
            "Das Ziel für 2026 ist 65\u00a0%.",
            ["48\u00a0%", "52,5\u00a0%", "57\u00a0%", "61\u00a0%"],
        ),
        (
            "ar",
            None,
            ["٤٨\u00a0%", "٥٢\u066b٥\u00a0%", "٥٧\u00a0%", "٦١\u00a0%"],
        ),
    ],
)
def test_svg_points_table_and_summary_show_the_databases_numbers(
    employment, language, expected_summary, expected_cells
):
    soup, chart = rendered(employment, language)
    stored = [(v.period, v.value) for v in employment.series()]

    points = soup.select("circle.wi-indicator__point")
    assert [(p["data-period"], Decimal(p["data-value"])) for p in points] == stored
    for circle, (_period, value) in zip(points, stored, strict=True):
        assert value_of_y(chart, float(circle["cy"])) == pytest.approx(float(value), abs=0.05)
    # One line through the same points: a value every third year is the series' spacing.
    [line] = soup.select("polyline.wi-indicator__line")
    assert line["points"] == " ".join(f"{p['cx']},{p['cy']}" for p in points)
    cells = [row.select("td")[0].get_text() for row in soup.select("tbody tr")]
    assert cells == expected_cells
    summary = soup.select_one(".wi-indicator__summary").get_text()
    if expected_summary:
        assert summary == expected_summary
    else:
        assert "٢٠١٥" in summary and "٦١" in summary and "٦٥" in summary  # Arabic digits
        assert "2015" not in summary
    # The comparison series is drawn dashed, the target as a diamond: not by colour alone.
    assert soup.select_one("polyline.wi-indicator__comparison")["stroke-dasharray"]
    assert Decimal(soup.select_one(".wi-indicator__target")["data-value"]) == Decimal(65)
    assert Decimal(soup.select_one(".wi-indicator__baseline")["data-value"]) == Decimal(48)


def test_an_indicator_without_values_renders_its_summary_and_no_drawing(concept_tree):
    soup, chart = rendered(indicator_with(concept_tree["groups"][0], []), "de")
    assert not chart.has_values
    assert soup.select_one("svg") is None and soup.select_one("table") is None
    assert soup.select_one(".wi-indicator__summary").get_text()


def test_a_single_value_is_drawn_in_the_middle_and_named(concept_tree):
    soup, chart = rendered(indicator_with(concept_tree["groups"][0], [("2020", 40)]), "en")
    (point,) = soup.select("circle.wi-indicator__point")
    assert float(point["cx"]) == pytest.approx(64 + (640 - 64 - 24) / 2)
    assert chart.summary == "In 2020 the value was 40\u00a0%."
    assert chart.ticks[0].value == 0  # 40 alone: the axis starts at 0


def test_a_missing_year_breaks_the_line(concept_tree):
    indicator = indicator_with(
        concept_tree["groups"][0], [("2018", 10), ("2019", 12), ("2021", 15), ("2022", 16)]
    )
    soup, _chart = rendered(indicator, "en")
    lines = soup.select("polyline.wi-indicator__line")
    assert len(lines) == 2
    assert [len(line["points"].split()) for line in lines] == [2, 2]


def test_an_outlier_stays_inside_the_axis(concept_tree):
    indicator = indicator_with(
        concept_tree["groups"][0],
        [("2018", 120), ("2019", 130), ("2020", 5000), ("2021", 125)],
        unit="count",
    )
    _soup, chart = rendered(indicator, "en")
    ys = [point.y for point in chart.points]
    assert min(ys) >= MARGIN_TOP - 0.01 and max(ys) <= HEIGHT - MARGIN_BOTTOM + 0.01
    assert chart.ticks[-1].value >= 5000
    assert chart.ticks[0].value == 0  # 120 is far below half of 5,000


def test_an_axis_that_does_not_start_at_zero_says_so(concept_tree):
    indicator = indicator_with(
        concept_tree["groups"][0],
        [("2015", 70), ("2020", 72), ("2024", 75)],
        target_period="2026",
        target_value=Decimal(78),
    )
    soup, chart = rendered(indicator, "en")
    assert chart.starts_above_zero and chart.ticks[0].value > 0
    assert chart.ticks[0].value <= 70 and chart.ticks[-1].value >= 78  # data and target inside
    assert soup.select_one(".wi-indicator__axis-break") is not None
    assert "does not start at 0" in soup.get_text()

    starts_at_zero = indicator_with(concept_tree["groups"][0], [("2015", 10), ("2024", 30)])
    soup, chart = rendered(starts_at_zero, "en")
    assert not chart.starts_above_zero and chart.ticks[0].value == 0
    assert soup.select_one(".wi-indicator__axis-break") is None


def test_half_years_and_falling_values_are_described(concept_tree):
    indicator = indicator_with(
        concept_tree["groups"][0],
        [("2023-H1", 9), ("2023-H2", 8), ("2024-H1", 7)],
        unit="rate_per_1000",
        direction="lower",
    )
    _soup, chart = rendered(indicator, "en")
    assert chart.summary == (
        "From 2023, first half to 2024, first half the value fell from 9\u00a0‰ to 7\u00a0‰. "
        "Lower is better."
    )
    assert len(chart.lines) == 1  # consecutive half-years: one line


def test_hostile_titles_and_notes_are_escaped(concept_tree):
    indicator = indicator_with(
        concept_tree["groups"][0], [("2020", 1)], title="<script>alert(1)</script>"
    )
    IndicatorValue.objects.update(note="<img src=x onerror=alert(2)>")
    html = str(rendered(indicator, "de")[0])
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (Decimal("1234.5000"), "de", "1.234,5"),
        (Decimal("1234.5000"), "en", "1,234.5"),
        (Decimal("1234.5000"), "ar", "١\u066c٢٣٤\u066b٥"),
        (Decimal("1234.5000"), "fa", "۱\u066c۲۳۴\u066b۵"),
        (Decimal("-3"), "ar", "-٣"),
        (Decimal("0.0000"), "de", "0"),
    ],
)
def test_numbers_are_written_for_the_locale(value, language, text):
    assert localized_number(value, language) == text


def test_the_group_page_shows_its_indicators_at_a_query_count_that_ignores_values(
    client, concept_tree, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False
    group = concept_tree["groups"][0]

    def queries() -> int:
        page_cache.invalidate()  # count the page's rendering, not the page cache's answer
        with CaptureQueriesContext(connection) as captured:
            response = client.get(group.url)
        assert response.status_code == 200
        return len(captured)

    for n in range(10):
        indicator_with(group, [("2020", n), ("2021", n + 1)], title=f"Indikator {n:02}")
    queries()  # the first request fills the process's caches (locales, site root paths)
    few = queries()
    for indicator in Indicator.objects.all():
        for year in range(2000, 2018):
            IndicatorValue.objects.create(indicator=indicator, period=str(year), value=year % 7)
    assert IndicatorValue.objects.count() == 200
    assert queries() == few

    soup = BeautifulSoup(client.get(group.url).content, "html.parser")
    section = soup.find("h2", string="Does it work? Indicators").parent
    assert len(section.select("figure.wi-indicator")) == 10
    assert len(section.select("figure.wi-indicator")[0].select("circle.wi-indicator__point")) == 20
    other = BeautifulSoup(client.get(concept_tree["groups"][1].url).content, "html.parser")
    assert other.find("h2", string="Does it work? Indicators") is None


def test_a_new_value_shows_at_once_despite_the_page_cache(client, concept_tree):
    group = concept_tree["groups"][0]
    indicator = indicator_with(group, [("2020", 40)])
    assert "2021" not in client.get(group.url).content.decode()
    IndicatorValue.objects.create(indicator=indicator, period="2021", value=Decimal(45))
    assert "2021" in client.get(group.url).content.decode()


def test_groups_carry_their_indicators_in_the_api_at_a_fixed_query_count(client, concept_tree):
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = concept_tree["groups"]
    indicator_with(
        first,
        [("2015", 48, 70), ("2024", 61, 73)],
        baseline_period="2015",
        baseline_value=Decimal(48),
        target_period="2026",
        target_value=Decimal("65.5"),
    )
    url = "/api/v2/pages/?type=wagtail_integration.WorkingGroupPage&fields=indicators"

    def listing():
        with CaptureQueriesContext(connection) as captured:
            data = client.get(url).json()
        return {item["id"]: item["indicators"] for item in data["items"]}, len(captured)

    client.get(url)
    items, few = listing()
    (data,) = items[first.pk]
    assert items[second.pk] == []
    assert data["values"] == [
        {"period": "2015", "value": "48", "comparison_value": "70", "note": ""},
        {"period": "2024", "value": "61", "comparison_value": "73", "note": ""},
    ]
    assert data["baseline"] == {"period": "2015", "value": "48"}
    assert data["target"] == {"period": "2026", "value": "65.5"}
    assert data["summary"].startswith("From 2015 to 2024 the value rose")
    for n in range(5):
        indicator_with(second, [(str(2000 + y), y) for y in range(20)], title=f"I{n}")
    _items, more = listing()
    assert more == few
    detail = client.get(f"/api/v2/pages/{first.pk}/").json()
    assert detail["indicators"][0]["title"] == "Beschäftigungsquote"
    if settings.WAGTAIL_HAS_API_V3:
        v3 = client.get(f"/api/v3/pages/{first.pk}/").json()
        assert v3["indicators"][0]["values"][1]["value"] == "61"


def test_the_concept_shows_its_cross_cutting_indicators(client, concept_tree):
    concept = concept_tree["concept"]
    indicator_with(concept, [("2020", 100), ("2024", 140)], title="Einbürgerungen", unit="count")
    indicator_with(concept_tree["groups"][0], [("2020", 1)], title="Nur in der Gruppe")
    soup = BeautifulSoup(client.get(concept.url).content, "html.parser")
    titles = [h3.get_text(strip=True) for h3 in soup.select(".wi-indicator__title")]
    assert titles == ["Einbürgerungen"]
    assert soup.select_one(".wi-indicator__summary").get_text() == (
        "From 2020 to 2024 the value rose from 100 to 140."
    )


def test_measures_and_indicators_name_each_other(client, concept_tree):
    group = concept_tree["groups"][0]
    measure, other = concept_tree["measures"]
    indicator = indicator_with(group, [("2020", 40), ("2024", "55.5")])
    indicator.measures.set([measure])
    indicator.save()

    group_soup = BeautifulSoup(client.get(group.url).content, "html.parser")
    links = group_soup.select(".wi-indicator__measures a")
    assert [(a.get_text(), a["href"]) for a in links] == [(measure.title, measure.url)]

    soup = BeautifulSoup(client.get(measure.url).content, "html.parser")
    section = soup.find("h2", string="Indicators this measure should move").parent
    (item,) = section.select("li")
    assert item.a["href"] == f"{group.url}#wi-indicator-{indicator.pk}"
    assert item.get_text(" ", strip=True).endswith("55.5\u00a0% (2024)")
    other_soup = BeautifulSoup(client.get(other.url).content, "html.parser")
    assert other_soup.find("h2", string="Indicators this measure should move") is None


def test_the_concept_exports_its_indicators_as_csv_and_json(client, concept_tree):
    import csv
    import io

    concept = concept_tree["concept"]
    indicator_with(concept_tree["groups"][0], [("2015", 48, 70), ("2024", "61.5")])
    indicator_with(concept, [("2020", 100)], title="Einbürgerungen", unit="count")
    response = client.get(concept.url + "indicators/csv/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["title"], r["period"], r["value"], r["comparison_value"]) for r in rows] == [
        ("Einbürgerungen", "2020", "100", ""),
        ("Beschäftigungsquote", "2015", "48", "70"),
        ("Beschäftigungsquote", "2024", "61.5", ""),
    ]
    data = client.get(concept.url + "indicators/json/").json()
    assert [item["title"] for item in data] == ["Einbürgerungen", "Beschäftigungsquote"]
    assert data[1]["values"][1] == {
        "period": "2024",
        "value": "61.5",
        "comparison_value": None,
        "note": "",
    }
