"""The package's translation catalogs are complete, consistent and compiled."""

import functools
import re
from pathlib import Path

import django
import django_filters
import modelcluster
import polib
import pytest
import rest_framework
import taggit
import wagtail
import wagtail_localize

CONTENT_APP = Path(__file__).resolve().parent.parent / "wagtail_integration"
# One catalog per app and language: the content app's and the feedback app's.
LOCALE_DIRS = [CONTENT_APP / "locale", CONTENT_APP / "feedback" / "locale"]
CATALOGS = sorted(
    path for folder in LOCALE_DIRS for path in folder.glob("*/LC_MESSAGES/django.po")
)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


def placeholders(text: str) -> list[str]:
    return sorted("".join(match) for match in PLACEHOLDER.findall(text))


def catalog_id(path: Path) -> str:
    app = "feedback" if "feedback" in path.relative_to(CONTENT_APP).parts else "content"
    return f"{app}-{path.parent.parent.name}"


def test_each_app_has_a_german_catalog_and_the_same_languages():
    languages = [sorted(p.name for p in folder.iterdir() if p.is_dir()) for folder in LOCALE_DIRS]

    assert "de" in languages[0]
    assert languages[0] == languages[1]


def test_a_string_both_apps_translate_has_one_translation_in_each_language():
    """Django merges the apps' catalogs; a key in both must not read differently by app order."""
    content, feedback = LOCALE_DIRS
    differing = []
    for po_path in content.glob("*/LC_MESSAGES/django.po"):
        ours = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path))}
        other = feedback / po_path.relative_to(content)
        differing += [
            (po_path.parent.parent.name, e.msgid, e.msgstr, ours[(e.msgctxt, e.msgid)])
            for e in polib.pofile(str(other))
            if (e.msgctxt, e.msgid) in ours and ours[(e.msgctxt, e.msgid)] != e.msgstr
        ]
    assert differing == []


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


# The package's app comes first in INSTALLED_APPS, so its catalog wins over these packages'
# catalogs for every key both define: a context-less "Privacy" of ours would rename Wagtail's.
# Besides Django, Wagtail and wagtail-localize, the apps a Wagtail site installs with them.
UPSTREAM_PACKAGES = (
    django,
    wagtail,
    wagtail_localize,
    django_filters,
    modelcluster,
    rest_framework,
    taggit,
)


def lookup_keys(entries) -> set[tuple[str | None, str, bool]]:
    """The keys gettext finds an entry by: context, msgid and whether it is a plural form.

    A compiled catalog keys a plural entry by its msgid and form index, never by its
    msgid_plural, so a plural collides with any plural of the same msgid and context.
    """
    return {(entry.msgctxt, entry.msgid, bool(entry.msgid_plural)) for entry in entries}


@functools.cache
def upstream_keys() -> frozenset[tuple[str | None, str, bool]]:
    """Every key of the upstream packages' catalogs, in any language.

    Any language counts, translated or not: an entry missing from (or untranslated in) one
    language's upstream catalog is still upstream's source string, shown in English there.
    """
    keys = set()
    for package in UPSTREAM_PACKAGES:
        for po_path in Path(package.__file__).parent.rglob("locale/*/LC_MESSAGES/django.po"):
            keys |= lookup_keys(e for e in polib.pofile(str(po_path)) if not e.obsolete)
    return frozenset(keys)


def test_upstream_catalogs_are_found():
    """The collision check below reads Wagtail's admin strings, so it cannot pass vacuously."""
    assert {(None, "In progress", False), (None, "Privacy", False)} <= upstream_keys()


@pytest.mark.parametrize("po_path", CATALOGS, ids=catalog_id)
def test_catalog_overrides_no_string_of_django_wagtail_or_their_companions(po_path):
    """No translated entry of ours has a key that Django, Wagtail or their companions use."""
    ours = lookup_keys(polib.pofile(str(po_path)).translated_entries())

    colliding = sorted(
        f"{context} | {msgid}" if context else msgid
        for context, msgid, plural in ours & upstream_keys()
    )

    assert colliding == [], (
        f"{catalog_id(po_path)}: give these msgids a pgettext context: {colliding}"
    )
