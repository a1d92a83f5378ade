"""Residents find the page in their language: switcher, alternate links, stale notice."""

import pytest
from bs4 import BeautifulSoup
from django.utils.translation import get_language_info

from .i18n_helpers import sync, translate

pytestmark = pytest.mark.django_db


def soup_of(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def concept_in_three_languages(home_page, arabic, german, django_capture_on_commit_callbacks):
    from .factories import make_concept

    capture = django_capture_on_commit_callbacks
    concept = make_concept(home_page, title="Integration concept")
    concept.save_revision().publish()
    translate(home_page.specific, german, {}, capture)
    translate(home_page.specific, arabic, {}, capture)
    return {
        "en": concept,
        "de": translate(concept, german, {"Integration concept": "Integrationskonzept"}, capture),
        "ar": translate(concept, arabic, {"Integration concept": "مفهوم الاندماج"}, capture),
    }


def test_language_switcher_links_every_translation_in_its_own_language(
    client, concept_in_three_languages
):
    soup = soup_of(client, concept_in_three_languages["de"])

    links = soup.select(".wi-languages a")
    assert [(a["hreflang"], a["lang"], a["href"]) for a in links] == [
        ("en", "en", concept_in_three_languages["en"].url),
        ("de", "de", concept_in_three_languages["de"].url),
        ("ar", "ar", concept_in_three_languages["ar"].url),
    ]
    assert [a.get_text() for a in links] == [
        get_language_info(code)["name_local"] for code in ("en", "de", "ar")
    ]
    assert links[1].get_text() == "Deutsch"
    assert [a.get("aria-current") for a in links] == [None, "page", None]
    assert links[2]["dir"] == "rtl"
    assert soup.select_one("nav.wi-languages")["aria-label"] == "Sprachen"


def test_head_has_alternate_links_with_x_default(client, concept_in_three_languages):
    soup = soup_of(client, concept_in_three_languages["ar"])

    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}
    full = {code: page.get_full_url() for code, page in concept_in_three_languages.items()}
    assert alternates == {**full, "x-default": full["en"]}  # en is LANGUAGE_CODE here
    assert full["ar"].startswith("http") and "/ar/" in full["ar"]


def test_untranslated_page_has_no_switcher(client, home_page):
    from .factories import make_concept

    soup = soup_of(client, make_concept(home_page))

    assert soup.select(".wi-languages") == []
    assert soup.select('link[rel="alternate"]') == []


def test_stale_notice_appears_after_the_source_changes_and_goes_after_the_update(
    client, concept_in_three_languages, django_capture_on_commit_callbacks
):
    source, arabic_page = concept_in_three_languages["en"], concept_in_three_languages["ar"]
    assert soup_of(client, arabic_page).select(".wi-stale-notice") == []

    source.intro = "<p>New facts.</p>"
    source.save_revision().publish()
    notice = soup_of(client, arabic_page).select_one(".wi-stale-notice")
    assert notice is not None
    assert notice.a["href"] == source.url
    assert notice.a["hreflang"] == "en"
    assert soup_of(client, source).select(".wi-stale-notice") == []  # never on the source

    sync(source, django_capture_on_commit_callbacks)
    assert soup_of(client, arabic_page).select(".wi-stale-notice") == []


def test_stale_notice_is_in_the_language_of_the_translation(client, concept_in_three_languages):
    source = concept_in_three_languages["en"]
    source.save_revision().publish()

    soup = soup_of(client, concept_in_three_languages["de"])

    assert "Diese Übersetzung ist nicht aktuell" in soup.select_one(".wi-stale-notice").get_text()


def test_plain_language_summary_is_shown_in_a_marked_box(client, home_page):
    from .factories import make_concept_tree

    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    for page in [tree["concept"], tree["groups"][0], tree["measures"][0]]:
        page.plain_language_summary = "<p>Wir helfen neuen Menschen in der Stadt.</p>"
        page.save_revision().publish()

        box = soup_of(client, page).select_one("aside.wi-plain-language")

        assert box.h2.get_text() == "In plain language"
        assert "Wir helfen neuen Menschen" in box.get_text()
        assert box["aria-labelledby"] == box.h2["id"]


def stale_notice_link(client, page) -> tuple[str, str] | None:
    notice = soup_of(client, page).select_one(".wi-stale-notice")
    return None if notice is None else (notice.a["href"], notice.a["hreflang"])


def test_a_german_source_on_an_english_default_site_is_never_stale_its_translation_is(
    client, home_page, german, django_capture_on_commit_callbacks
):
    """Only real translations can be stale: the default locale does not make a source."""
    from wagtail.models import Locale

    from .factories import make_concept

    capture = django_capture_on_commit_callbacks
    german_home = translate(home_page.specific, german, {}, capture)
    german_concept = make_concept(german_home, title="Integrationskonzept")
    german_concept.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    english_concept = translate(
        german_concept, english, {"Integrationskonzept": "Integration concept"}, capture
    )

    assert stale_notice_link(client, german_concept) is None  # its translation is newer
    assert stale_notice_link(client, english_concept) is None

    german_concept.intro = "<p>Neue Fakten.</p>"
    german_concept.save_revision().publish()

    assert stale_notice_link(client, german_concept) is None
    assert stale_notice_link(client, english_concept) == (german_concept.url, "de")


# Wagtail's own i18n without wagtail-localize needs other INSTALLED_APPS: a process of its own,
# since reloading the app registry in this one would register Wagtail's API routers twice.
WAGTAIL_LOCALES_SETTINGS = """
from tests.settings_i18n_without_translation_app import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.locales"]  # noqa: F405
"""

WAGTAIL_LOCALES_SCENARIO = """
import json

import django

django.setup()

from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment
from wagtail.models import Locale, Site

from tests.factories import make_concept

assert apps.is_installed("wagtail.locales") and not apps.is_installed("wagtail_localize")
setup_test_environment()
connection.creation.create_test_db(verbosity=0)


def notice(page):
    soup = BeautifulSoup(Client().get(page.url).content, "html.parser")
    found = soup.select_one(".wi-stale-notice")
    return None if found is None else [found.a["href"], found.a["hreflang"]]


german = Locale.objects.create(language_code="de")
home = Site.objects.get(is_default_site=True).root_page
german_home = home.copy_for_translation(german)
german_home.save_revision().publish()
german_concept = make_concept(german_home, title="Integrationskonzept")
german_concept.save_revision().publish()
english_concept = german_concept.copy_for_translation(Locale.objects.get(language_code="en"))
english_concept.save_revision().publish()
states = {"translated": [notice(german_concept), notice(english_concept)]}
german_concept.save_revision().publish()
german_concept.refresh_from_db()
states["source_changed"] = [notice(german_concept), notice(english_concept)]
states["german_url"] = german_concept.url
print(json.dumps(states))
"""


def test_with_wagtail_locales_only_the_version_created_first_is_the_source(tmp_path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "settings_wagtail_locales.py").write_text(WAGTAIL_LOCALES_SETTINGS)
    project = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", WAGTAIL_LOCALES_SCENARIO],
        # The scenario makes its own test database: on SQLite, in memory, so nothing is left
        # behind for the next run (on the PostgreSQL of DATABASE_URL it would stay).
        env={
            **{name: value for name, value in os.environ.items() if name != "DATABASE_URL"},
            "DJANGO_SETTINGS_MODULE": "settings_wagtail_locales",
            "PYTHONPATH": os.pathsep.join([str(tmp_path), str(project)]),
        },
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    states = json.loads(result.stdout.strip().splitlines()[-1])

    assert states["translated"] == [None, None]
    assert states["source_changed"] == [None, [states["german_url"], "de"]]
