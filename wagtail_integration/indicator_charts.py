"""Server-rendered line charts of indicators: geometry, axis, numbers for the locale, and the
one-sentence summary that says what the chart shows.

Pure Python, no queries and no markup: :func:`line_chart` turns an indicator and its values
into an :class:`IndicatorChart` that ``includes/indicator_chart.html`` draws as an inline SVG
beside a data table. The table and the summary are the chart's source of truth; the SVG
shows the same numbers.

The value axis starts at 0 when the data lie near enough to 0 for the slope to read
honestly; otherwise it starts at a round number below the lowest value (or the baseline or
target) and the chart says so (``starts_above_zero``), in the picture and in the text.
Missing periods break the line instead of bridging them. The time axis runs left to right in
every language (as printed statistics in Arabic and Persian do); the text around it follows
the page's direction.

Django formats numbers with the locale's separators but keeps ASCII digits; languages that
write other digits (Arabic, Persian) get them here, written by hand because neither Django nor
Babel's subset that Wagtail installs does it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext

from .models.indicators import IndicatorDirection, IndicatorUnit, period_key

# The drawing's coordinate system (the SVG scales to its container).
WIDTH, HEIGHT = 640, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 24, 20, 44
PLOT_WIDTH = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
PLOT_HEIGHT = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
# The axis starts at 0 when the lowest number is at most this share of the highest.
ZERO_IF_BELOW_SHARE = Decimal("0.5")
TICKS = 5

# Digits of the languages that do not write ASCII digits.
DIGITS = {
    "ar": "٠١٢٣٤٥٦٧٨٩",
    "fa": "۰۱۲۳۴۵۶۷۸۹",
}
# The separators those languages use with their digits (Unicode CLDR).
# U+066B ARABIC DECIMAL SEPARATOR, U+066C ARABIC THOUSANDS SEPARATOR.
SEPARATORS = {"ar": ("\u066b", "\u066c"), "fa": ("\u066b", "\u066c")}
UNIT_SUFFIX = {
    IndicatorUnit.PERCENT: "\u00a0%",
    IndicatorUnit.EUROS: "\u00a0€",
    IndicatorUnit.RATE_PER_1000: "\u00a0‰",
    IndicatorUnit.COUNT: "",
}


def base_language(language: str | None) -> str:
    return (language or "").split("-")[0].split("_")[0].lower()


def native_digits(text: str, language: str) -> str:
    """`text` with its ASCII digits written in `language`'s digits, where they differ."""
    digits = DIGITS.get(base_language(language))
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


@lru_cache(maxsize=8192)
def localized_number(value, language: str, places: int | None = None) -> str:
    """`value` written for `language`: its separators, and its digits where they are not
    ASCII (Arabic-Indic digits in Arabic, Extended Arabic-Indic in Persian, each with the
    Arabic decimal separator). Trailing zeros of the stored decimals are
    dropped unless `places` is given."""
    value = Decimal(value)
    if places is None:
        places = max(0, -value.normalize().as_tuple().exponent)
    separators = SEPARATORS.get(base_language(language))
    if separators is None:
        with translation.override(language):
            return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    decimal_separator, group_separator = separators
    whole, _, fraction = f"{value:,.{places}f}".partition(".")
    text = whole.replace(",", group_separator) + (decimal_separator + fraction if fraction else "")
    return native_digits(text, language)


@lru_cache(maxsize=4096)
def localized_period(period: str, language: str) -> str:
    """A period for people: "2024", or "2024, first half"; digits for the language."""
    year, half = period_key(period)
    year_text = native_digits(str(year), language)
    if not half:
        return year_text
    with translation.override(language):
        if half == 1:
            return pgettext("indicator period", "%(year)s, first half") % {"year": year_text}
        return pgettext("indicator period", "%(year)s, second half") % {"year": year_text}


def with_unit(value: Decimal, unit: str, language: str) -> str:
    return localized_number(value, language) + UNIT_SUFFIX.get(unit, "")


def nice_step(span: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) that cuts `span` into about TICKS."""
    if span <= 0:
        return 1.0
    raw = span / TICKS
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


@dataclass(frozen=True)
class Point:
    period: str
    label: str  # the period for people
    value: Decimal
    text: str  # the value with its unit, for the locale
    x: float
    y: float

    @property
    def at(self) -> str:
        """The point's coordinates as SVG writes them: "x,y" to one decimal."""
        return f"{self.x:.1f},{self.y:.1f}"


@dataclass(frozen=True)
class Tick:
    value: float
    text: str
    y: float


@dataclass
class IndicatorChart:
    """What the template draws: lines (lists of points, broken at missing periods), the
    baseline and target markers, the axis, and the sentence and table rows."""

    chart_id: str
    unit: str
    lines: list[list[Point]] = field(default_factory=list)
    comparison_lines: list[list[Point]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    comparison_points: list[Point] = field(default_factory=list)
    baseline: Point | None = None
    target: Point | None = None
    ticks: list[Tick] = field(default_factory=list)
    period_ticks: list[Point] = field(default_factory=list)
    starts_above_zero: bool = False
    summary: str = ""
    rows: list[dict] = field(default_factory=list)

    @property
    def has_values(self) -> bool:
        return bool(self.points)

    # The polylines' `points` attributes, built here rather than by a loop in the template:
    # the template's inner loops were most of a page's rendering with ten charts.
    @property
    def line_paths(self) -> list[str]:
        return [" ".join(point.at for point in line) for line in self.lines]

    @property
    def comparison_paths(self) -> list[str]:
        return [" ".join(point.at for point in line) for line in self.comparison_lines]

    @property
    def plot(self) -> dict:
        return {
            "left": MARGIN_LEFT,
            "right": WIDTH - MARGIN_RIGHT,
            "top": MARGIN_TOP,
            "bottom": HEIGHT - MARGIN_BOTTOM,
            "width": WIDTH,
            "height": HEIGHT,
        }


def period_number(period: str) -> float:
    year, half = period_key(period)
    return year + (0.5 if half == 2 else 0.0)


def broken_lines(points: list[Point], step: float) -> list[list[Point]]:
    """`points` as lines, broken where a period is missing (more than `step` apart)."""
    lines: list[list[Point]] = []
    for point in points:
        previous = lines[-1][-1] if lines else None
        if previous is None or period_number(point.period) - period_number(previous.period) > step:
            lines.append([point])
        else:
            lines[-1].append(point)
    return lines


def line_chart(indicator, values, language: str) -> IndicatorChart:
    """The chart of `indicator` with `values` (its IndicatorValues, any order), in
    `language`."""
    values = sorted(values, key=lambda value: period_key(value.period))
    unit = indicator.unit
    chart = IndicatorChart(chart_id=f"wi-indicator-{indicator.pk}", unit=unit)

    numbers = [value.value for value in values]
    numbers += [value.comparison_value for value in values if value.comparison_value is not None]
    for number in (indicator.baseline_value, indicator.target_value):
        if number is not None:
            numbers.append(number)
    periods = [value.period for value in values]
    periods += [p for p in (indicator.baseline_period, indicator.target_period) if p]
    if not numbers or not periods:
        chart.summary = summary_sentence(indicator, values, language)
        return chart

    low, high = min(numbers), max(numbers)
    if low >= 0 and (low == high or low <= high * ZERO_IF_BELOW_SHARE):
        axis_low = 0.0
    else:
        step = nice_step(float(high - low) or float(abs(high)) or 1.0)
        axis_low = math.floor(float(low) / step) * step
        if low >= 0:
            axis_low = max(axis_low, 0.0)
    step = nice_step(float(high) - axis_low)
    axis_high = math.ceil(float(high) / step) * step
    if axis_high <= axis_low:
        axis_high = axis_low + step
    chart.starts_above_zero = axis_low > 0 or (axis_low < 0 < float(low))

    first = min(period_number(p) for p in periods)
    last = max(period_number(p) for p in periods)
    time_span = (last - first) or 1.0

    def x_of(period: str) -> float:
        if last == first:
            return MARGIN_LEFT + PLOT_WIDTH / 2
        return MARGIN_LEFT + (period_number(period) - first) / time_span * PLOT_WIDTH

    def y_of(number: Decimal) -> float:
        share = (float(number) - axis_low) / (axis_high - axis_low)
        return MARGIN_TOP + (1 - share) * PLOT_HEIGHT

    def point(period: str, number: Decimal) -> Point:
        return Point(
            period=period,
            label=localized_period(period, language),
            value=number,
            text=with_unit(number, unit, language),
            x=x_of(period),
            y=y_of(number),
        )

    chart.points = [point(value.period, value.value) for value in values]
    chart.comparison_points = [
        point(value.period, value.comparison_value)
        for value in values
        if value.comparison_value is not None
    ]
    # A line is broken where a period is missing: where two values lie further apart than
    # the series' own spacing (its smallest step: a year, a half-year, or three years for a
    # survey taken every third year).
    steps = [
        period_number(later.period) - period_number(earlier.period)
        for earlier, later in pairwise(values)
    ]
    gap = min(steps) if steps else 1.0
    chart.lines = broken_lines(chart.points, gap)
    chart.comparison_lines = broken_lines(chart.comparison_points, gap)
    if indicator.baseline_period and indicator.baseline_value is not None:
        chart.baseline = point(indicator.baseline_period, indicator.baseline_value)
    if indicator.target_period and indicator.target_value is not None:
        chart.target = point(indicator.target_period, indicator.target_value)

    tick_count = round((axis_high - axis_low) / step)
    chart.ticks = [
        Tick(
            value=axis_low + n * step,
            text=localized_number(Decimal(str(round(axis_low + n * step, 10))), language),
            y=y_of(Decimal(str(axis_low + n * step))),
        )
        for n in range(tick_count + 1)
    ]
    years = sorted({period_key(p)[0] for p in periods})
    every = max(1, math.ceil(len(years) / 6))
    chart.period_ticks = [
        Point(
            period=str(year),
            label=localized_period(str(year), language),
            value=Decimal(0),
            text="",
            x=x_of(str(year)),
            y=HEIGHT - MARGIN_BOTTOM,
        )
        for year in years[::every]
    ]
    chart.rows = [
        {
            "period": localized_period(value.period, language),
            "value": with_unit(value.value, unit, language),
            "comparison": (
                with_unit(value.comparison_value, unit, language)
                if value.comparison_value is not None
                else ""
            ),
            "note": value.note,
            "note_language": getattr(value, "note_language", ""),
        }
        for value in values
    ]
    chart.summary = summary_sentence(indicator, values, language)
    return chart


def summary_sentence(indicator, values, language: str) -> str:
    """One sentence of what the data say, in `language`: "From 2015 to 2024 the value rose
    from 48 % to 61 %; the target for 2026 is 65 %." """
    unit = indicator.unit
    with translation.override(language):
        parts = []
        if not values:
            parts.append(gettext("There are no values yet."))
        elif len(values) == 1:
            parts.append(
                gettext("In %(period)s the value was %(value)s.")
                % {
                    "period": localized_period(values[0].period, language),
                    "value": with_unit(values[0].value, unit, language),
                }
            )
        else:
            first, last = values[0], values[-1]
            context = {
                "start": localized_period(first.period, language),
                "end": localized_period(last.period, language),
                "from": with_unit(first.value, unit, language),
                "to": with_unit(last.value, unit, language),
            }
            if last.value > first.value:
                text = gettext("From %(start)s to %(end)s the value rose from %(from)s to %(to)s.")
            elif last.value < first.value:
                text = gettext("From %(start)s to %(end)s the value fell from %(from)s to %(to)s.")
            else:
                text = gettext("From %(start)s to %(end)s the value stayed at %(from)s.")
            parts.append(text % context)
            if indicator.direction == IndicatorDirection.LOWER_IS_BETTER:
                parts.append(gettext("Lower is better."))
        if indicator.target_period and indicator.target_value is not None:
            parts.append(
                gettext("The target for %(period)s is %(value)s.")
                % {
                    "period": localized_period(indicator.target_period, language),
                    "value": with_unit(indicator.target_value, unit, language),
                }
            )
        return " ".join(parts)


def charts_of_page(page, language: str) -> list[tuple]:
    """(indicator, chart) for each indicator of a working group or concept page, in the
    page's language where translated, each with ``measures_shown`` (the measures meant to
    move it, in the page's language): five queries, whatever the number of values."""
    from . import i18n
    from .models import MeasurePage
    from .models.indicators import Indicator

    indicators = Indicator.attach_measures(Indicator.of_page(page))
    measures = i18n.live_translations(
        [m for indicator in indicators for m in indicator.measures_read],
        MeasurePage,
        page.locale_id,
    )
    for indicator in indicators:
        indicator.measures_shown = [measures[m.pk] for m in indicator.measures_read]
    return [
        (indicator, line_chart(indicator, indicator.series(), language))
        for indicator in indicators
    ]
