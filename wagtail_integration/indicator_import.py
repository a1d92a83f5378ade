"""Open data in for indicators: a CSV file in the format of the indicator export
(``indicator_data.INDICATOR_COLUMNS``, one row per value) adds values to the indicators of a
concept and its working groups, and changes the values they have.

Two steps, as in the measures import. ``plan`` reads the file and compares every row with the
values as they are: what would change, what would be added, and every invalid row with the
reason. Nothing is saved. ``apply`` carries out a plan that has no invalid row, in one
transaction, and logs the change in each indicator's history.

A row names its indicator (``indicator_id``) and its period; ``value`` is required,
``comparison_value`` and ``note`` are compared where the file has the column. The other
columns (title, unit, baseline, target, ...) are for reading: they are changed in the
indicator's editor. A file never deletes a value; a row it lacks changes nothing.

Numbers are read as spreadsheets write them: 61.5, 61,5, 1.234,5, 1,234.5, "61,5 %", also in
Arabic-Indic digits with the Arabic decimal mark. A number that reads two ways (1,234 or
1.234: a thousands separator or a decimal mark?) is refused with both readings, never guessed.

Written by hand, like the measures import: Wagtail has no import of snippets' inline rows.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.log_actions import log

from . import i18n
from .csv_upload import FORBIDDEN, Change, ImportFileError, InvalidCell, UploadPlan, read_rows
from .indicator_data import INDICATOR_COLUMN_NAMES
from .models import WorkingGroupPage
from .models.indicators import (
    VALUE_DIGITS,
    VALUE_PLACES,
    Indicator,
    IndicatorUnit,
    IndicatorValue,
    period_key,
    validate_period,
)

REQUIRED_COLUMNS = ("indicator_id", "period", "value")
# The columns compared with a value (``period`` locates it).
COMPARED = ("value", "comparison_value", "note")
NOTE_LIMIT = 500
INTEGER = re.compile(r"-?\d+")
POINT_DECIMAL = re.compile(r"-?\d+\.\d+")
COMMA_DECIMAL = re.compile(r"-?\d+,\d+")
POINT_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567,5
COMMA_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234,567.5
AMBIGUOUS = re.compile(r"-?\d{1,3}[.,]\d{3}")  # 1,234 and 1.234 read both ways
# Spaces a spreadsheet puts in numbers (thin and no-break spaces as thousands separators),
# the minus sign it may write, and the Arabic decimal and thousands separators (Python reads
# the Arabic-Indic digits themselves).
NUMBER_SPACES = str.maketrans(
    {
        " ": "",
        "\u00a0": "",
        "\u202f": "",
        "\u2009": "",
        "\u2212": "-",
        "\u066b": ".",
        "\u066c": "",
    }
)


@dataclass
class ValueRow:
    """What one row of the file would do."""

    line: int
    indicator: Indicator | None = None
    period: str = ""
    existing: IndicatorValue | None = None
    values: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.existing is None

    @property
    def title(self) -> str:
        return self.indicator.title if self.indicator else ""

    @property
    def key(self) -> str:
        return f"{self.indicator.pk}|{self.period}" if self.indicator else ""


class ValuesPlan(UploadPlan):
    """The rows of a file: changed values, new values, invalid rows."""


def parse_number(raw: str) -> Decimal:
    """A value as a spreadsheet writes it: decimal point or comma, thousands separated by
    the other one or by spaces, a trailing "%". InvalidCell with the reason otherwise."""
    text = raw.translate(NUMBER_SPACES).removesuffix("%")
    if AMBIGUOUS.fullmatch(text):
        reading_point = text.replace(",", ".")
        reading_grouped = text.replace(",", "").replace(".", "")
        raise InvalidCell(
            _(
                "“%(text)s” can be read as %(decimal)s or as %(whole)s; write it without a "
                "thousands separator."
            )
            % {"text": text, "decimal": reading_point, "whole": reading_grouped}
        )
    if INTEGER.fullmatch(text) or POINT_DECIMAL.fullmatch(text):
        plain = text
    elif COMMA_DECIMAL.fullmatch(text):
        plain = text.replace(",", ".")
    elif POINT_GROUPED.fullmatch(text):
        plain = text.replace(".", "").replace(",", ".")
    elif COMMA_GROUPED.fullmatch(text):
        plain = text.replace(",", "")
    else:
        raise InvalidCell(_("not a number."))
    try:
        number = Decimal(plain)
    except InvalidOperation:  # the patterns above admit only digits; kept as a guard
        raise InvalidCell(_("not a number.")) from None
    whole, _point, places = plain.lstrip("-").partition(".")
    if len(places.rstrip("0")) > VALUE_PLACES:
        raise InvalidCell(_("has more than %(places)s decimal places.") % {"places": VALUE_PLACES})
    if len(whole.lstrip("0")) > VALUE_DIGITS - VALUE_PLACES:
        raise InvalidCell(_("is too large."))
    return number


def read_cell(name: str, raw: str, unit: str):
    """The Python value of the cell of column `name` (InvalidCell with the reason);
    None for an empty optional number, "" for an empty note."""
    raw = raw or ""
    if FORBIDDEN.search(raw):
        raise InvalidCell(_("holds a control character or a line break."))
    text = unicodedata.normalize("NFC", raw.strip())
    if name == "note":
        if len(text) > NOTE_LIMIT:
            raise InvalidCell(_("is longer than %(limit)s characters.") % {"limit": NOTE_LIMIT})
        return text
    if not text:
        if name == "value":
            raise InvalidCell(_("a value is required; a value is deleted in the editor."))
        return None
    number = parse_number(text)
    if unit == IndicatorUnit.PERCENT and not Decimal(0) <= number <= Decimal(100):
        raise InvalidCell(_("A percentage lies between 0 and 100."))
    return number


def column_label(name: str) -> str:
    labels = {
        "value": pgettext("indicator table: column", "Value"),
        "comparison_value": _("Comparison"),
        "note": pgettext("indicator table: column", "Note"),
        "period": pgettext("indicator table: column", "Period"),
    }
    return labels.get(name, name)


def concept_indicators(concept) -> dict[int, Indicator]:
    """Every language version of the indicators of `concept` and of its working groups
    (published or not), by id, with their owners and values: three queries."""
    groups = WorkingGroupPage.objects.descendant_of(concept).values_list("pk", flat=True)
    owners = [concept.pk, *groups]
    indicators = (
        Indicator.objects.filter(owner_id__in=owners)
        .select_related("owner", "locale")
        .prefetch_related("values")
    )
    return {indicator.pk: indicator for indicator in indicators}


def plan(concept, text: str) -> ValuesPlan:
    """What importing `text` into the values of `concept`'s indicators would do (nothing is
    saved). Queries: the indicators with their values, once, however long the file."""
    if i18n.is_translation(concept):
        raise ImportFileError(
            _(
                "This concept is a translation. Indicator values are the same in every "
                "language: import into the concept in its source language."
            )
        )
    header, rows = read_rows(text, REQUIRED_COLUMNS)
    ignored_columns = [name for name in header if name and name not in INDICATOR_COLUMN_NAMES]
    indicators = concept_indicators(concept)
    seen: set[tuple[int, str]] = set()
    with translation.override(i18n.page_language(concept)):
        plans = [plan_row(line, cells, header, indicators, seen) for line, cells in rows]
    return ValuesPlan(rows=plans, ignored_columns=ignored_columns)


def plan_row(line: int, cells: dict, header: list[str], indicators: dict, seen: set) -> ValueRow:
    """What the row at `line` would do: its indicator and period found, its cells read and
    compared with the value of that period, every reason it is invalid."""
    row = ValueRow(line=line)
    raw_id = (cells.get("indicator_id") or "").strip()
    if not INTEGER.fullmatch(raw_id) or len(raw_id) > 18:
        row.errors.append(_("The indicator id “%(id)s” is not a number.") % {"id": raw_id[:20]})
        return row
    indicator = indicators.get(int(raw_id))
    if indicator is None:
        row.errors.append(
            _("There is no indicator with the id %(id)s in this concept.") % {"id": raw_id}
        )
        return row
    if indicator.locale_id != indicator.owner.locale_id:
        source = next(
            (
                other
                for other in indicators.values()
                if other.translation_key == indicator.translation_key
                and other.locale_id == other.owner.locale_id
            ),
            None,
        )
        row.errors.append(
            _(
                "The id %(id)s is a translation of “%(title)s”; its values are those of the "
                "source: use the id %(source)s."
            )
            % {
                "id": indicator.pk,
                "title": indicator.title,
                "source": source.pk if source else "–",
            }
        )
        return row
    row.indicator = indicator
    period = (cells.get("period") or "").strip().upper()
    try:
        validate_period(period)
    except ValidationError as error:
        row.errors.append(f"{column_label('period')}: {' '.join(error.messages)}")
        return row
    row.period = period
    if (indicator.pk, period) in seen:
        row.errors.append(
            _("The period %(period)s of this indicator appears twice in the file.")
            % {"period": period}
        )
        return row
    seen.add((indicator.pk, period))
    for name in COMPARED:
        if name not in header:
            continue
        try:
            row.values[name] = read_cell(name, cells.get(name, ""), indicator.unit)
        except InvalidCell as error:
            row.errors.append(f"{column_label(name)}: {error}")
    if row.errors:
        return row
    row.existing = next((v for v in indicator.values.all() if v.period == period), None)
    for name, new in row.values.items():
        old = getattr(row.existing, name) if row.existing else None
        if row.existing is None and new in (None, ""):
            continue
        if old != new:
            row.changes.append(Change(name, column_label(name), old, new))
    return row


@dataclass
class ValuesResult:
    updated: int = 0
    created: int = 0
    indicators: int = 0


def apply(values_plan: ValuesPlan, user) -> ValuesResult:
    """Save the plan's changed and new values, and log a change by `user` in the history
    of each indicator they belong to. All or nothing: a value that another editor added
    meanwhile for the same period refuses the whole file (ValidationError)."""
    if not values_plan.is_valid:
        raise ValueError("a plan with invalid rows cannot be applied")
    result = ValuesResult()
    rows = sorted(
        values_plan.updates + values_plan.creations,
        key=lambda row: (row.indicator.pk, period_key(row.period)),
    )
    try:
        with transaction.atomic():
            for _indicator_id, indicator_rows in groupby(rows, key=lambda row: row.indicator.pk):
                indicator_rows = list(indicator_rows)
                indicator = indicator_rows[0].indicator
                for row in indicator_rows:
                    if row.is_new:
                        IndicatorValue.objects.create(
                            indicator=indicator,
                            locale_id=indicator.locale_id,
                            period=row.period,
                            **row.values,
                        )
                        result.created += 1
                    else:
                        # save(), not update(): the pages showing the value are purged
                        # from the page cache by its post_save signal.
                        value = row.existing
                        for change in row.changes:
                            setattr(value, change.field, change.new)
                        value.save(update_fields=[change.field for change in row.changes])
                        result.updated += 1
                log(instance=indicator, action="wagtail.edit", user=user)
                result.indicators += 1
    except DatabaseError:  # a period added, or a value deleted, by someone else meanwhile
        raise ValidationError(_("The values changed meanwhile.")) from None
    return result
