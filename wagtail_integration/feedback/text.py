"""What text a feedback submission may hold, and how stored text is shown safely.

One definition for both ways in (the HTML form and the API): a value must be valid Unicode
(no lone surrogates, which JSON can carry), hold no control characters except tab and newline
in multi-line fields, and is stored normalised to NFC. Values that break these rules are
refused with a field error; the resident gets the text back with each offending character
shown as U+FFFD, so nothing else of it is lost.

Rows stored before these rules, or written by other code, may still hold anything: every
place that shows stored text (admin listing, detail page, CSV and XLSX exports, email) reads
it through ``safe_text`` (by way of ``FeedbackSubmission.get_data``).
"""

import json
import re
import unicodedata

from django.utils.translation import gettext_lazy as _

REPLACEMENT = "\ufffd"

# Lone surrogates (JSON "\ud800"), C0 and C1 controls, DEL, and the two noncharacters that
# XML (and so XLSX) cannot hold. Tab and newline are allowed where a field is multi-line.
_ALWAYS_FORBIDDEN = "\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
_MULTI_LINE_FORBIDDEN = re.compile(f"[{_ALWAYS_FORBIDDEN}]")
# A single-line value must stay on one line wherever it is shown, emails included.
_SINGLE_LINE_FORBIDDEN = re.compile(f"[{_ALWAYS_FORBIDDEN}\t\n\r\u2028\u2029]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")

FORBIDDEN_CHARACTER_MESSAGE = _(
    "This text contains a character that cannot be stored, such as a control character. "
    "We have marked it with “�”. Please remove it or write it differently."
)
LINE_BREAK_MESSAGE = _("Please write this on one line.")


def check_text(value: str, *, multiline: bool) -> tuple[str, str | None]:
    """Return `value` as it may be stored (NFC, newlines as ``\\n``) and an error, if any.

    With an error, the returned text has each offending character replaced by U+FFFD, so it
    can be shown back to the resident.
    """
    if multiline:
        value = _LINE_BREAKS.sub("\n", value)
        forbidden = _MULTI_LINE_FORBIDDEN
    else:
        forbidden = _SINGLE_LINE_FORBIDDEN
    if forbidden.search(value):
        only_line_breaks = not _MULTI_LINE_FORBIDDEN.search(value)
        marked = forbidden.sub(REPLACEMENT, value)
        message = LINE_BREAK_MESSAGE if only_line_breaks else FORBIDDEN_CHARACTER_MESSAGE
        return unicodedata.normalize("NFC", marked), str(message)
    return unicodedata.normalize("NFC", value), None


def check_texts(values: list, *, multiline: bool) -> tuple[list, str | None]:
    """``check_text`` for each text of a field's values (other values pass unchanged), and the
    first error, if any."""
    results = [
        check_text(value, multiline=multiline) if isinstance(value, str) else (value, None)
        for value in values
    ]
    errors = [error for _value, error in results if error]
    return [value for value, _error in results], (errors[0] if errors else None)


def safe_text(value):
    """Stored `value` made safe to encode and show: strings and lists of strings are cleaned.

    Lone surrogates and control characters (except tab and newline) become U+FFFD, carriage
    returns become newlines. A list becomes a list of texts (Wagtail joins them for display);
    any other structure becomes its JSON text. Numbers, booleans and None pass unchanged.
    """
    if isinstance(value, str):
        return _MULTI_LINE_FORBIDDEN.sub(REPLACEMENT, _LINE_BREAKS.sub("\n", value))
    if isinstance(value, (list, tuple)):
        return [_item_text(item) for item in value]
    if isinstance(value, dict):
        return safe_text(json.dumps(value, ensure_ascii=False, default=str))
    return value


def _item_text(item) -> str:
    if item is None:
        return ""
    if isinstance(item, str):
        return safe_text(item)
    if isinstance(item, (list, tuple, dict)):
        return safe_text(json.dumps(item, ensure_ascii=False, default=str))
    return safe_text(str(item))


def one_line(value) -> str:
    """Stored `value` as safe text on a single line, for a line of a plain-text email."""
    text = safe_text(value)
    if isinstance(text, list):
        text = ", ".join(str(item) for item in text)
    text = "" if text is None else str(text)
    return " ".join(text.split())
