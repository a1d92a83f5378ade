"""The package's translation catalogs are complete, consistent and compiled."""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "wagtail_integration" / "locale"
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


def placeholders(text: str) -> list[str]:
    return sorted("".join(match) for match in PLACEHOLDER.findall(text))


def catalog_id(path: Path) -> str:
    return path.parent.parent.name


def test_there_is_a_german_catalog():
    assert "de" in [catalog_id(path) for path in CATALOGS]


@pytest.mark.parametrize("po_path", CATALOGS, ids=catalog_id)
def test_catalog_is_complete_and_not_fuzzy(po_path):
    catalog = polib.pofile(str(po_path))

    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    assert "fuzzy" not in catalog.metadata_as_entry().flags


@pytest.mark.parametrize("po_path", CATALOGS, ids=catalog_id)
def test_translations_keep_every_placeholder(po_path):
    mismatches = []
    for entry in polib.pofile(str(po_path)).translated_entries():
        expected = placeholders(entry.msgid)
        if entry.msgid_plural:
            # A plural form may leave the count out ("one message"); names must still match.
            translations = entry.msgstr_plural.values()
            wanted = set(placeholders(entry.msgid_plural)) | set(expected)
            mismatches += [
                (entry.msgid, text)
                for text in translations
                if not set(placeholders(text)) <= wanted
            ]
        elif placeholders(entry.msgstr) != expected:
            mismatches.append((entry.msgid, entry.msgstr))
    assert mismatches == []


@pytest.mark.parametrize("po_path", CATALOGS, ids=catalog_id)
def test_compiled_catalog_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"

    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(po_path)).translated_entries()
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo_path))
    }

    assert {key: compiled.get(key) for key in source} == source
