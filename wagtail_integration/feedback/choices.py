"""Stable values for the choices of fields that editors add, in every language.

Wagtail's form builder uses a choice's text as its value. Translated with wagtail-localize,
"Nord" becomes "North", and the submissions of the language versions split one column into
two. Here a choice's value is its text in the field's original version (the first one saved;
its translations share its ``translation_key``), matched by position, and only its label is
in the form's language. Stored values, including those stored as labels before this rule,
are shown with the label of the form being looked at.
"""

import unicodedata
from types import SimpleNamespace

from wagtail.contrib.forms.forms import FormBuilder

CHOICE_FIELD_TYPES = ("dropdown", "radio", "checkboxes", "multiselect")


def split_choices(text: str) -> list[str]:
    """The choices of a field's ``choices`` text, split the way Wagtail's builder splits them,
    in NFC: posted text is normalised to NFC, so a choice pasted in another form must be too.
    """
    pairs = FormBuilder([]).get_formatted_field_choices(SimpleNamespace(choices=text or ""))
    return [unicodedata.normalize("NFC", value) for value, _label in pairs]


def versions_by_key(fields) -> dict:
    """translation_key -> every saved language version of the choice fields, oldest first.

    One query for all choice fields of a form.
    """
    fields = [field for field in fields if field.field_type in CHOICE_FIELD_TYPES]
    if not fields:
        return {}
    model = type(fields[0])
    versions: dict = {}
    for version in model.objects.filter(
        translation_key__in=[field.translation_key for field in fields]
    ).order_by("pk"):
        versions.setdefault(version.translation_key, []).append(version)
    return versions


def stable_choices(field, versions: dict) -> list[tuple[str, str]]:
    """(stable value, label in this field's language) for each choice of `field`."""
    labels = split_choices(field.choices)
    original = versions.get(field.translation_key, [field])[0]
    values = split_choices(original.choices)
    if len(values) != len(labels):  # a translation with other choices: no safe matching
        values = labels
    return list(zip(values, labels, strict=True))


def label_lookup(fields) -> dict[str, dict[str, str]]:
    """clean_name -> {stored value or any version's label: label in these fields' language}."""
    versions = versions_by_key(fields)
    lookup: dict[str, dict[str, str]] = {}
    for field in fields:
        if field.field_type not in CHOICE_FIELD_TYPES:
            continue
        labels = split_choices(field.choices)
        mapping = dict(stable_choices(field, versions))
        for version in versions.get(field.translation_key, []):
            version_labels = split_choices(version.choices)
            if len(version_labels) == len(labels):
                for old, label in zip(version_labels, labels, strict=True):
                    mapping.setdefault(old, label)
        lookup[field.clean_name] = mapping
    return lookup


def display_choice(value, mapping: dict[str, str]):
    """A stored choice value (or list of them) as labels, unknown values unchanged."""
    if isinstance(value, list):
        return [mapping.get(item, item) if isinstance(item, str) else item for item in value]
    return mapping.get(value, value) if isinstance(value, str) else value
