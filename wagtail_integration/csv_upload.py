"""Reading an uploaded CSV file the way spreadsheet programs write it, for the imports
(``measure_import``, ``indicator_import``).

Spreadsheet programs change a file they save: a semicolon instead of a comma (German Excel),
Windows-1252 instead of UTF-8, a blank line at the end. All of these are read; a file that is
binary, empty, without the required columns, with a column twice or with too many rows is
refused as a whole, with the reason. Written by hand on Python's ``csv``: Django and Wagtail
read no uploaded tables.
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import conf

# Control characters, lone surrogates, line breaks: no single-line field may hold them.
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\ufffe\uffff]")


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, size, header)."""


class InvalidCell(ValueError):
    """A cell's value is refused, for the reason given."""


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 (what Excel writes
    on Windows when "CSV UTF-8" is not chosen)."""
    if b"\x00" in data:
        raise ImportFileError(_("This is not a CSV file (it holds binary data)."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_rows(text: str, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    """The header (lower-cased) and the rows (with their line numbers) of the CSV `text`,
    which must name the `required` columns; the delimiter (comma, semicolon or tab) is
    taken from the header line."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    except csv.Error as error:
        raise ImportFileError(_("The file cannot be read as CSV: %s") % error) from None
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        raise ImportFileError(
            _("These columns appear twice: %(columns)s.") % {"columns": ", ".join(duplicated)}
        )
    rows = []
    limit = conf.import_max_rows()
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, as spreadsheets leave at the end
            if len(rows) >= limit:
                raise ImportFileError(
                    _("The file has more than %(limit)s rows.") % {"limit": limit}
                )
            rows.append((reader.line_num, dict(zip(header, cells, strict=False))))
    except csv.Error as error:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None
    return header, rows


@dataclass
class Change:
    """One field of one row's object: its label, the value now and the value of the file."""

    field: str
    label: str
    old: object
    new: object


@dataclass
class UploadPlan:
    """What an import would do with the rows of a file: its rows (each with ``line``,
    ``key``, ``is_new``, ``changes`` and ``errors``) sorted into changes, creations and
    invalid rows, and the fingerprint of all of it."""

    rows: list
    ignored_columns: list[str]

    @property
    def errors(self) -> list:
        return [row for row in self.rows if row.errors]

    @property
    def updates(self) -> list:
        return [row for row in self.rows if not row.is_new and row.changes and not row.errors]

    @property
    def creations(self) -> list:
        return [row for row in self.rows if row.is_new and not row.errors]

    @property
    def unchanged_count(self) -> int:
        return sum(1 for row in self.rows if not row.is_new and not row.changes and not row.errors)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def fingerprint(self) -> str:
        """A digest of every change, creation and error: what the preview showed. Applying
        refuses a plan whose fingerprint differs (the data changed meanwhile)."""
        parts = []
        for row in self.rows:
            parts.append(f"{row.line}|{row.key}|{row.is_new}")
            parts.extend(f"{c.field}={c.old!r}>{c.new!r}" for c in row.changes)
            parts.extend(row.errors)
        return hashlib.sha256("\n".join(parts).encode("utf-8", "replace")).hexdigest()
