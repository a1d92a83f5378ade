"""Server-rendered charts: the geometry and text alternative of a stacked status bar.

Pure Python, no queries and no markup: :func:`status_bar` turns the rows of
``models.listings.status_counts`` into a :class:`StatusBar` that
``includes/status_chart.html`` draws as an inline SVG with a data table next to it.

Geometry is in percent of the bar, as :class:`~decimal.Decimal` so that the widths add up to
exactly 100 (the last segment closes the bar). A segment of a tiny share is widened to
:data:`MIN_WIDTH` so that it stays visible; its count and share stay exact in the table and the
text alternative, which are the charts' source of truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, pgettext

__all__ = ["MIN_WIDTH", "PATTERNS", "STATUS_PATTERNS", "Segment", "StatusBar", "status_bar"]

HUNDRED = Decimal(100)
# The narrowest a segment is drawn, in percent of the bar: about 6 px of a 320 px bar.
MIN_WIDTH = Decimal(2)
# A segment prints its count inside itself from this width on (percent of the bar).
MIN_WIDTH_FOR_COUNT = Decimal(8)
# Geometry precision: hundredths of a percent.
GEOMETRY_STEP = Decimal("0.01")

# The fill patterns the template knows, in the order they are handed to unknown statuses.
PATTERNS = ("dots", "hatch", "crosshatch", "solid", "lines")
# Each measure status has its own pattern, so colour never carries the status alone and a
# black-and-white print still tells the statuses apart.
STATUS_PATTERNS = {
    "proposed": "dots",
    "planned": "hatch",
    "in_progress": "crosshatch",
    "implemented": "solid",
    "discontinued": "lines",
}

_NOT_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Segment:
    """One status of the bar: what it counts and where it is drawn (percent of the bar)."""

    status: str
    label: str
    count: int
    start: Decimal
    width: Decimal
    share: Decimal  # of the total, in percent, rounded for display
    share_is_upper_bound: bool  # the share is below `share` (shown as "< 0.1 %")
    pattern: str  # one of PATTERNS
    pattern_id: str  # the id of its <pattern>, unique per chart

    @property
    def center(self) -> Decimal:
        """Where the segment's count is printed."""
        return self.start + self.width / 2

    @property
    def show_count(self) -> bool:
        """Whether the segment is wide enough to print its count inside itself."""
        return self.width >= MIN_WIDTH_FOR_COUNT


@dataclass(frozen=True)
class StatusBar:
    """A stacked bar of counts by status; false (and drawn as nothing) when it counts none."""

    chart_id: str
    total: int
    segments: tuple[Segment, ...]

    def __bool__(self) -> bool:
        return self.total > 0

    @property
    def title_id(self) -> str:
        return f"{self.chart_id}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.chart_id}-desc"

    @property
    def caption_id(self) -> str:
        return f"{self.chart_id}-caption"

    @property
    def boundaries(self) -> tuple[Decimal, ...]:
        """Where a separator is drawn: between two segments."""
        return tuple(segment.start for segment in self.segments[1:])

    @property
    def description(self) -> str:
        """The text alternative, in the active language, carrying every count.

        For example "12 measures by status: Planned 3, In progress 5, Implemented 4."
        """
        if not self.total:
            return gettext("No measures.")
        items = pgettext("status chart: separator between two statuses", ", ").join(
            pgettext("status chart: a status and its count", "%(label)s %(count)s")
            % {"label": segment.label, "count": number_format(segment.count)}
            for segment in self.segments
        )
        return ngettext(
            "%(total)s measure by status: %(items)s.",
            "%(total)s measures by status: %(items)s.",
            self.total,
        ) % {"total": number_format(self.total), "items": items}


def safe_id(value: str) -> str:
    """`value` as an id valid in HTML, XML (an NCName) and a CSS ``url(#…)`` reference."""
    cleaned = _NOT_ID_CHARACTERS.sub("-", value).strip("-")
    if not cleaned:
        return "wi-chart"
    if not cleaned[0].isalpha():
        return f"wi-chart-{cleaned}"
    return cleaned


def _plain_text(value) -> str:
    """A label as plain text (a lazy or a "safe" string included): the template escapes it."""
    return str.__str__(str(value))


def _share(count: int, total: int) -> tuple[Decimal, bool]:
    """The share for display and whether it is an upper bound.

    Whole percent from 1 to 99 (1 of 3 is 33); tenths below 1 % and above 99 %, so that only
    nothing reads 0 and only everything reads 100; below 0.1 % it reads "< 0.1".
    """
    if count == total:
        return HUNDRED, False
    exact = Decimal(count) * HUNDRED / Decimal(total)
    if Decimal(1) <= exact <= Decimal(99):
        return exact.quantize(Decimal(1), rounding=ROUND_HALF_UP), False
    if exact > Decimal(99):
        return exact.quantize(Decimal("0.1"), rounding=ROUND_DOWN), False
    rounded = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded < Decimal("0.1"):
        return Decimal("0.1"), True
    return rounded, False


def _widths(counts: list[int]) -> list[Decimal]:
    """Proportional widths summing to 100, none narrower than MIN_WIDTH where they fit."""
    if MIN_WIDTH * len(counts) >= HUNDRED:
        return [HUNDRED / len(counts)] * len(counts)
    widened: set[int] = set()
    while True:
        # The segments not widened share what the widened ones leave, in proportion.
        rest = HUNDRED - MIN_WIDTH * len(widened)
        rest_count = sum(c for i, c in enumerate(counts) if i not in widened)
        widths = [
            MIN_WIDTH if i in widened else Decimal(c) * rest / Decimal(rest_count)
            for i, c in enumerate(counts)
        ]
        too_narrow = {i for i, w in enumerate(widths) if w < MIN_WIDTH} - widened
        if not too_narrow:
            return widths
        widened |= too_narrow


def _pattern_for(status: str, taken: set[str]) -> str:
    """The status's own pattern, else the first one no other segment of the bar uses."""
    known = STATUS_PATTERNS.get(status)
    if known:
        return known
    free = [pattern for pattern in PATTERNS if pattern not in taken]
    return free[0] if free else PATTERNS[len(taken) % len(PATTERNS)]


def status_bar(rows: list[dict], *, chart_id: str) -> StatusBar:
    """The stacked bar of `rows` (``[{"status", "label", "count"}, ...]`` in drawing order,
    as ``status_counts`` returns them); rows counting zero are left out.

    `chart_id` prefixes every id the chart renders (title, description, patterns); it is made
    safe for HTML and XML here, and must differ between the charts of one page.
    """
    chart_id = safe_id(chart_id)
    rows = [row for row in rows if row["count"] > 0]
    total = sum(row["count"] for row in rows)
    if not total:
        return StatusBar(chart_id=chart_id, total=0, segments=())

    widths = _widths([row["count"] for row in rows])
    segments = []
    start = Decimal(0)
    end = Decimal(0)
    taken: set[str] = set()
    for index, (row, width) in enumerate(zip(rows, widths, strict=True)):
        # Rounded cumulatively, so the rounding never opens a gap; the last closes the bar.
        end = HUNDRED if index == len(rows) - 1 else (end + width).quantize(GEOMETRY_STEP)
        status = str(row["status"])
        pattern = _pattern_for(status, taken)
        taken.add(pattern)
        share, upper_bound = _share(row["count"], total)
        segments.append(
            Segment(
                status=status,
                label=_plain_text(row["label"]),
                count=row["count"],
                start=start,
                width=end - start,
                share=share,
                share_is_upper_bound=upper_bound,
                pattern=pattern,
                pattern_id=f"{chart_id}-pattern-{safe_id(status)}-{index}",
            )
        )
        start = end
    return StatusBar(chart_id=chart_id, total=total, segments=tuple(segments))
