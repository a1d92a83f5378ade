"""Open data in: a CSV file in the export's format (``open_data.COLUMNS``) updates the measures
of a concept and adds new ones as drafts.

Two steps. ``plan`` reads the file and compares every row with the measures as they are: what
would change, what would be created, and every invalid row with the reason. Nothing is saved.
``apply`` carries out a plan that has no invalid row, in one transaction, through Wagtail's
revisions (``save_revision``, then ``publish`` where the editor chose it and may), so that the
history, the workflow and the moderation of pages work as they always do.

Written by hand: Wagtail has no import of pages, and django-import-export knows neither
Wagtail's revisions nor its page permissions.

Spreadsheet programs change a file they save: a semicolon instead of a comma (German Excel),
Windows-1252 instead of UTF-8, dates as 15.01.2024, whole numbers as 40.0. All of these are
read; anything else ambiguous is refused with the reason.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from . import i18n
from .csv_upload import FORBIDDEN, Change, ImportFileError, InvalidCell, UploadPlan, read_rows
from .models import ConceptPhasePage, MeasurePage, MeasureStatus, WorkingGroupPage
from .open_data import COLUMNS

# The columns a file must have.
REQUIRED_COLUMNS = ("id", "title", "status")
IMPORTED = [column.name for column in COLUMNS if column.imported]
# The columns compared with a measure (the parent ids only locate a new measure).
COMPARED = [name for name in IMPORTED if name not in ("working_group_id", "phase_id")]
TEXT_LIMITS = {
    "title": 255,
    "responsible_body": 255,
    "decision_body": 255,
    "decision_reference": 255,
    "decision_url": 200,
}
GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass
class RowPlan:
    """What one row of the file would do."""

    line: int
    measure: MeasurePage | None = None
    parent: Page | None = None
    values: dict = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.measure is None

    @property
    def title(self) -> str:
        return self.values.get("title") or (self.measure.title if self.measure else "")

    @property
    def key(self) -> str:
        return str(self.measure.pk) if self.measure else ""


class ImportPlan(UploadPlan):
    """The rows of a file: changed measures, new measures, invalid rows."""


def parse_integer(value: str) -> int:
    """A whole number, also as a spreadsheet writes it (40.0, 40,0, "40 %")."""
    value = value.strip().removesuffix("%").strip().replace(",", ".")
    number = float(value)  # ValueError for anything else
    if number != int(number):
        raise ValueError(value)
    return int(number)


def parse_date(value: str) -> date:
    """A date as YYYY-MM-DD (also with a time after it) or DD.MM.YYYY."""
    value = value.strip()
    german = GERMAN_DATE.fullmatch(value)
    if german:
        day, month, year = (int(part) for part in german.groups())
        return date(year, month, day)
    if len(value) > 10:  # with a time, as spreadsheets add one
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    return date.fromisoformat(value)


def status_value(value: str) -> str:
    """A status's value from its value or its label in the active language."""
    cleaned = value.strip()
    if cleaned in MeasureStatus.values:
        return cleaned
    for status, label in MeasureStatus.choices:
        if cleaned.casefold() == str(label).casefold():
            return status
    raise ValueError(cleaned)


def read_value(name: str, raw: str):
    """The Python value of a cell of the imported column `name` (ValueError if invalid);
    None for an empty cell of an optional column."""
    raw = raw or ""
    if FORBIDDEN.search(raw):
        raise InvalidCell(_("holds a control character or a line break."))
    text = unicodedata.normalize("NFC", raw.strip())
    if name == "status":
        return status_value(text)
    if not text:
        return None if name not in TEXT_LIMITS else ""
    if name == "progress":
        number = parse_integer(text)
        if not 0 <= number <= 100:
            raise InvalidCell(_("must be between 0 and 100."))
        return number
    if name in ("start_date", "end_date", "decision_date"):
        return parse_date(text)
    if name in ("working_group_id", "phase_id"):
        return parse_integer(text)
    if len(text) > TEXT_LIMITS[name]:
        raise InvalidCell(_("is longer than %(limit)s characters.") % {"limit": TEXT_LIMITS[name]})
    if name == "decision_url":
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError:
            raise InvalidCell(_("is not a web address.")) from None
    return text


def column_label(name: str) -> str:
    labels = {
        "title": pgettext("measures import column", "Title"),
        "status": pgettext("measures import column", "Status"),
        "progress": _("Progress"),
        "start_date": _("Start date"),
        "end_date": _("End date"),
        "responsible_body": _("Responsible"),
        "decision_body": _("Decided by"),
        "decision_date": _("Decision date"),
        "decision_reference": _("File number"),
        "decision_url": _("Decision link"),
        "working_group_id": _("Working group"),
        "phase_id": _("Phase"),
    }
    return labels.get(name, name)


def plan(concept, text: str, user) -> ImportPlan:
    """What importing `text` into `concept`'s measures would do (nothing is saved). Queries:
    the measures, groups and phases of the concept, once each, however long the file."""
    if i18n.is_translation(concept):
        raise ImportFileError(
            _(
                "This concept is a translation. Statuses, progress and dates are the same in "
                "every language: import into the concept in its source language."
            )
        )
    header, rows = read_rows(text, REQUIRED_COLUMNS)
    known = {column.name for column in COLUMNS}
    ignored_columns = [name for name in header if name and name not in known]
    measures = {m.pk: m for m in MeasurePage.objects.descendant_of(concept).defer_streamfields()}
    groups = {g.pk: g for g in WorkingGroupPage.objects.descendant_of(concept)}
    phases = {p.pk: p for p in ConceptPhasePage.objects.child_of(concept)}
    seen_ids: set[int] = set()
    plans = []
    with translation.override(i18n.page_language(concept)):
        for line, cells in rows:
            plans.append(plan_row(line, cells, header, measures, groups, phases, seen_ids, user))
    return ImportPlan(rows=plans, ignored_columns=ignored_columns)


def plan_row(line, cells, header, measures, groups, phases, seen_ids, user) -> RowPlan:
    """What the row at `line` would do: its values read, compared with its measure (or its
    new measure's parent found among `groups` and `phases`), every reason it is invalid."""
    row = RowPlan(line=line)
    raw_id = (cells.get("id") or "").strip()
    if raw_id:
        try:
            measure_id = parse_integer(raw_id)
        except ValueError:
            row.errors.append(_("The id “%(id)s” is not a number.") % {"id": raw_id[:20]})
            return row
        if measure_id in seen_ids:
            row.errors.append(_("The id %(id)s appears twice in the file.") % {"id": measure_id})
            return row
        seen_ids.add(measure_id)
        row.measure = measures.get(measure_id)
        if row.measure is None:
            row.errors.append(
                _("There is no measure with the id %(id)s in this concept.") % {"id": measure_id}
            )
            return row
    for name in IMPORTED:
        if name not in header:
            continue
        try:
            row.values[name] = read_value(name, cells.get(name, ""))
        except InvalidCell as error:
            row.errors.append(f"{column_label(name)}: {error}")
        except ValueError:
            row.errors.append(f"{column_label(name)}: {invalid_value_reason(name)}")
    if row.errors:
        return row
    if row.is_new:
        _plan_creation(row, groups, phases, user)
    else:
        _plan_update(row, user)
    return row


def invalid_value_reason(name: str) -> str:
    """Why a cell of column `name` that does not parse is refused, with what to write."""
    if name == "status":
        return _("unknown status; use one of %(values)s.") % {
            "values": ", ".join(MeasureStatus.values)
        }
    if name in ("start_date", "end_date", "decision_date"):
        return _("not a date; write it as YYYY-MM-DD.")
    return _("not a whole number.")


def _check_dates(row: RowPlan, start, end) -> None:
    if start and end and end < start:
        row.errors.append(_("The end date cannot be before the start date."))


def _plan_update(row: RowPlan, user) -> None:
    """The changes of an existing measure; moving it, or changing it without the right to
    edit it, is invalid."""
    measure = row.measure
    permissions = measure.permissions_for_user(user)
    for name in ("working_group_id", "phase_id"):
        value = row.values.get(name)
        if value is not None and value != getattr(measure, name):
            row.errors.append(
                _("%(column)s: moving a measure is done in the page tree, not by the import.")
                % {"column": column_label(name)}
            )
    for name in COMPARED:
        if name not in row.values:
            continue
        old, new = getattr(measure, name), row.values[name]
        if name == "title" and not new:
            row.errors.append(_("Title: a measure needs a title."))
        elif old != new:
            row.changes.append(Change(name, column_label(name), old, new))
    _check_dates(
        row,
        row.values.get("start_date", measure.start_date),
        row.values.get("end_date", measure.end_date),
    )
    if row.changes and not permissions.can_edit():
        row.errors.append(_("You may not edit this measure."))


def _plan_creation(row: RowPlan, groups, phases, user) -> None:
    """A new measure: its parent (a group of this concept, or a phase), its title, and the
    right to add a page there."""
    group_id, phase_id = row.values.get("working_group_id"), row.values.get("phase_id")
    group, phase = groups.get(group_id), phases.get(phase_id)
    if group_id is not None and group is None:
        row.errors.append(
            _("There is no working group with the id %(id)s in this concept.") % {"id": group_id}
        )
    elif phase_id is not None and phase is None:
        row.errors.append(
            _("There is no phase with the id %(id)s in this concept.") % {"id": phase_id}
        )
    elif group and phase and not group.path.startswith(phase.path):
        row.errors.append(_("The working group is not one of that phase."))
    elif not group and not phase:
        row.errors.append(_("A new measure needs a working_group_id or a phase_id."))
    if not row.values.get("title"):
        row.errors.append(_("Title: a measure needs a title."))
    _check_dates(row, row.values.get("start_date"), row.values.get("end_date"))
    if row.errors:
        return
    row.parent = group or phase
    if not row.parent.permissions_for_user(user).can_add_subpage():
        row.errors.append(_("You may not add measures here."))
        return
    row.changes = [
        Change(name, column_label(name), None, value)
        for name, value in row.values.items()
        if name in COMPARED and value not in (None, "")
    ]


@dataclass
class ImportResult:
    updated: int = 0
    created: int = 0
    published: int = 0
    drafts: list[str] = field(default_factory=list)


def apply(import_plan: ImportPlan, user, publish: bool) -> ImportResult:
    """Save the plan's changes as revisions by `user` (published where `publish` and the
    user may publish and the page has no other unpublished changes) and create the new
    measures as drafts. All or nothing."""
    if not import_plan.is_valid:
        raise ValueError("a plan with invalid rows cannot be applied")
    result = ImportResult()
    with transaction.atomic():
        for row in import_plan.updates:
            measure = MeasurePage.objects.get(pk=row.measure.pk)
            had_draft = measure.has_unpublished_changes
            editable = measure.get_latest_revision_as_object()
            for change in row.changes:
                setattr(editable, change.field, change.new)
            editable.full_clean()
            revision = editable.save_revision(user=user, log_action=True)
            result.updated += 1
            if publish and not had_draft and measure.permissions_for_user(user).can_publish():
                revision.publish(user=user)
                result.published += 1
            else:
                result.drafts.append(editable.title)
        for row in import_plan.creations:
            parent = Page.objects.get(pk=row.parent.pk).specific
            fields = {
                name: value
                for name, value in row.values.items()
                if name in COMPARED and value is not None
            }
            requested_slug = slugify(fields["title"], allow_unicode=True)[:80] or "measure"
            slug = find_available_slug(parent, requested_slug)
            measure = MeasurePage(slug=slug, live=False, owner=user, **fields)
            parent.add_child(instance=measure)
            measure.full_clean()
            measure.save_revision(user=user, log_action=True)
            result.created += 1
    return result
