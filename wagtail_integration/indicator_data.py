"""The indicators of a concept as open data: the columns of the CSV export (one row per value)
and their Table Schema (for the export, the data package, and the CSV import of values, which
reads this format)."""

from django.utils.translation import gettext_lazy as _

from .models.indicators import IndicatorDirection, IndicatorUnit
from .open_data import Column, schema_of

# The import reads the columns marked `imported`; the others are there to be read, and a
# changed value in them is ignored (the import says so).
INDICATOR_COLUMNS = [
    Column("indicator_id", "integer", _("The indicator's id: stable, unique on the site.")),
    Column(
        "indicator_key",
        "string",
        _("The indicator's key, the same in every language."),
        format="uuid",
    ),
    Column("code", "string", _("The indicator's code in a published indicator set.")),
    Column("title", "string", _("The indicator's title.")),
    Column("owner_id", "integer", _("The page id of the working group or concept it belongs to.")),
    Column("owner", "string", _("The title of the working group or concept it belongs to.")),
    Column("unit", "string", _("The unit of the values: percent, count, rate_per_1000, euros.")),
    Column("direction", "string", _("Which way is better: higher or lower.")),
    Column(
        "period",
        "string",
        _("The period of the value: a year (2024) or a half-year (2024-H1, 2024-H2)."),
        imported=True,
    ),
    Column("value", "number", _("The value in the period."), imported=True),
    Column(
        "comparison_value",
        "number",
        _("The value of the comparison series in the same period."),
        imported=True,
    ),
    Column("note", "string", _("A note on the value."), imported=True),
    Column("baseline_period", "string", _("The period of the baseline.")),
    Column("baseline_value", "number", _("The baseline value.")),
    Column("target_period", "string", _("The period by which the target should be reached.")),
    Column("target_value", "number", _("The target value.")),
    Column("language", "string", _("The language of the texts (title, owner, note).")),
]
INDICATOR_COLUMN_NAMES = [column.name for column in INDICATOR_COLUMNS]


def indicator_table_schema() -> dict:
    """The Frictionless Table Schema of the indicator export's rows, in the active language."""
    constraints = {
        "indicator_id": {"required": True},
        "title": {"required": True},
        "unit": {"required": True, "enum": list(IndicatorUnit.values)},
        "direction": {"required": True, "enum": list(IndicatorDirection.values)},
        "period": {"required": True, "pattern": "[12][0-9]{3}(-H[12])?"},
        "value": {"required": True},
        "language": {"required": True},
    }
    return schema_of(INDICATOR_COLUMNS, constraints, ["indicator_id", "period"])
