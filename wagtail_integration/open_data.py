"""The measures of a concept as open data: the columns, one row per measure, and the Table
Schema that describes them (for the CSV and JSON exports, their data package, and the CSV
import, which reads exactly this format).

A fixed number of queries for any number of measures: the measures with their group and phase
ids (``MeasurePage.objects``), the titles of the concept's groups and phases, the history of
all of them, their published suggestions, and the view restrictions.
"""

import json
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import i18n
from .linked_suggestions import suggestions_by_measure_key
from .models import ConceptPhasePage, MeasureStatus, WorkingGroupPage
from .models.history import MeasureHistoryEntry
from .models.listings import measures_of_concept, private_sections


@dataclass(frozen=True)
class Column:
    """A column of the export: its name, Table Schema type, description, and whether the
    import reads it."""

    name: str
    type: str
    description: str
    imported: bool = False
    format: str = "default"


# The import reads the columns marked `imported`; the others are there to be read by people
# and programs, and a changed value in them is ignored (the import says so).
COLUMNS = [
    Column("id", "integer", _("The measure's page id: stable, unique on the site.")),
    Column("title", "string", _("The measure's title."), imported=True),
    Column(
        "status",
        "string",
        _("proposed, planned, in_progress, implemented or discontinued."),
        imported=True,
    ),
    Column("status_label", "string", _("The status in the export's language.")),
    Column("progress", "integer", _("Progress in percent (0–100); empty if unknown."), True),
    Column("start_date", "date", _("Start date (YYYY-MM-DD); empty if unknown."), True),
    Column("end_date", "date", _("End date (YYYY-MM-DD); empty if open."), True),
    Column("working_group_id", "integer", _("The page id of the measure's working group."), True),
    Column("working_group", "string", _("The title of the measure's working group.")),
    Column("phase_id", "integer", _("The page id of the measure's phase."), True),
    Column("phase", "string", _("The title of the measure's phase.")),
    Column("responsible_body", "string", _("Who carries out the measure."), True),
    Column("decision_body", "string", _("Who decided on the measure."), True),
    Column("decision_date", "date", _("The day of the decision (YYYY-MM-DD)."), True),
    Column("decision_reference", "string", _("The decision's file number."), True),
    Column("decision_url", "string", _("A link to the decision."), True, format="uri"),
    Column("url", "string", _("The measure's page."), format="uri"),
    Column("language", "string", _("The language of title and labels (e.g. de).")),
    Column("last_change", "datetime", _("When the measure was last published (UTC).")),
    Column(
        "measure_key",
        "string",
        _("The same for every language version of the measure."),
        format="uuid",
    ),
    Column(
        "history",
        "array",
        _(
            "Every published change of status or progress, oldest first, as a JSON list of "
            "objects with date, status, status_label, progress, note and document."
        ),
    ),
    Column(
        "suggestions",
        "array",
        _(
            "Residents' published suggestions that led to the measure, newest answer first, "
            "as a JSON list of objects with id, text, language, answer (HTML), "
            "answer_language and answered_at; never a name or an address."
        ),
    ),
]
COLUMN_NAMES = [column.name for column in COLUMNS]


def concept_measures(concept, request: HttpRequest | None = None):
    """The live, public measures of `concept` (nothing below a draft or private page), with
    their group and phase ids, in tree order."""
    return (
        measures_of_concept(concept, private_sections(request))
        .defer_streamfields()
        .select_related("locale")
        .order_by("path")
    )


def section_titles(concept) -> dict[int, str]:
    """The titles of the concept's phases and working groups by page id (one query)."""
    return dict(
        ConceptPhasePage.objects.descendant_of(concept)
        .order_by()
        .values_list("pk", "title")
        .union(
            WorkingGroupPage.objects.descendant_of(concept).order_by().values_list("pk", "title")
        )
    )


def measure_rows(concept, request: HttpRequest | None = None) -> list[dict]:
    """One row per live, public measure of `concept`, in the concept's language: values as
    Python objects (dates, ints, None), history as a list of dicts."""
    language = i18n.page_language(concept)
    published = concept_measures(concept, request)
    measures = list(published)
    titles = section_titles(concept)
    history_by_key = MeasureHistoryEntry.objects.of_measures(published).by_measure_key()
    suggestions_by_key = suggestions_by_measure_key(m.translation_key for m in measures)
    # A measure's address is the concept's and the rest of its path: read once, not per
    # measure (Wagtail's get_full_url works out the site for each page anew).
    concept_url = concept.get_full_url(request)
    with translation.override(language):
        labels = {value: str(label) for value, label in MeasureStatus.choices}
    rows = []
    with translation.override(language):
        for measure in measures:
            rows.append(
                {
                    "id": measure.pk,
                    "title": measure.title,
                    "status": measure.status,
                    "status_label": labels.get(measure.status, measure.status),
                    "progress": measure.progress,
                    "start_date": measure.start_date,
                    "end_date": measure.end_date,
                    "working_group_id": measure.working_group_id,
                    "working_group": titles.get(measure.working_group_id, ""),
                    "phase_id": measure.phase_id,
                    "phase": titles.get(measure.phase_id, ""),
                    "responsible_body": measure.responsible_body,
                    "decision_body": measure.decision_body,
                    "decision_date": measure.decision_date,
                    "decision_reference": measure.decision_reference,
                    "decision_url": measure.decision_url,
                    "url": measure_url(concept_url, concept, measure),
                    "language": measure.locale.language_code,
                    "last_change": measure.last_published_at,
                    "measure_key": str(measure.translation_key),
                    "history": [
                        entry.as_data(request)
                        for entry in history_by_key.get(measure.translation_key, [])
                    ],
                    "suggestions": [
                        suggestion.as_data()
                        for suggestion in suggestions_by_key.get(measure.translation_key, [])
                    ],
                }
            )
    return rows


def measure_url(concept_url: str | None, concept, measure) -> str | None:
    """The full URL of `measure`, a page below `concept` whose full URL is `concept_url`."""
    if not concept_url or not measure.url_path.startswith(concept.url_path):
        return None
    rest = measure.url_path[len(concept.url_path) :]
    if concept_url.endswith("/"):
        return concept_url + rest
    # WAGTAIL_APPEND_SLASH = False: Wagtail's URLs end without a slash.
    return f"{concept_url}/{rest}".rstrip("/")


def as_text(value) -> str:
    """A value as a CSV cell: empty for None, ISO 8601 for dates, JSON for lists."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    return str(value)


def as_json_value(value):
    """A value for the JSON export: dates as ISO 8601 text, everything else as it is."""
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    return value


def schema_of(columns: list[Column], constraints: dict, primary_key: list[str]) -> dict:
    """A Frictionless Table Schema of `columns` (with their `constraints` by name), in the
    active language: for the measures' and the indicators' exports."""
    fields = []
    for column in columns:
        described = {
            "name": column.name,
            "type": column.type,
            "description": str(column.description),
        }
        if column.format != "default":
            described["format"] = column.format
        if column.name in constraints:
            described["constraints"] = constraints[column.name]
        fields.append(described)
    return {"fields": fields, "primaryKey": primary_key, "missingValues": [""]}


def table_schema() -> dict:
    """The Frictionless Table Schema of the export's rows, in the active language."""
    required = {"required": True}
    constraints = {
        "id": required,
        "title": required,
        "url": required,
        "language": required,
        "status": {"required": True, "enum": list(MeasureStatus.values)},
        "progress": {"minimum": 0, "maximum": 100},
    }
    return schema_of(COLUMNS, constraints, ["id"])
