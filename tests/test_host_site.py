"""The package in a host site: a project made by `wagtail start`, set up as the README says."""

import json
import os
import re
import shlex
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .factories import make_concept
from .process_helpers import run

REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
README = (REPOSITORY / "README.md").read_text()

# Creates a concept, a phase, a group and a measure, then fetches each page like a visitor.
SMOKE_SCRIPT = textwrap.dedent(
    """
    from django.test import Client
    from wagtail.models import Site
    from wagtail_integration.models import (
        ConceptPhasePage,
        IntegrationConceptPage,
        MeasurePage,
        WorkingGroupPage,
    )

    home = Site.objects.get(is_default_site=True).root_page
    concept = home.add_child(instance=IntegrationConceptPage(title="Concept T1", slug="concept"))
    phase = concept.add_child(instance=ConceptPhasePage(title="Phase T2", slug="phase"))
    group = phase.add_child(instance=WorkingGroupPage(title="Group T3", slug="group", goal="G"))
    measure = group.add_child(instance=MeasurePage(title="Measure T4", slug="measure"))
    client = Client()
    for page in [concept, phase, group, measure]:
        response = client.get(page.url)
        print(page.url, response.status_code, page.title in response.content.decode())
    """
)


I18N_SMOKE_SCRIPT = textwrap.dedent(
    """
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import Locale, Site
    from wagtail_integration.models import IntegrationConceptPage

    home = Site.objects.get(is_default_site=True).root_page
    concept = home.add_child(instance=IntegrationConceptPage(title="Concept", slug="concept"))
    concept.save_revision().publish()
    german = Locale.objects.create(language_code="de")
    translated = concept.copy_for_translation(german, copy_parents=True)
    translated.title = "Konzept"
    translated.save_revision().publish()
    client = Client()
    for page in [concept, translated.specific]:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        print(page.url, soup.html["lang"], len(soup.select(".wi-languages a")), soup.h1.get_text())
    """
)


def make_host_project(tmp_path: Path) -> tuple[Path, dict]:
    """A new project from `wagtail start`, with the README's installation steps applied."""
    run(BIN / "wagtail", "start", "hostsite", tmp_path, cwd=tmp_path)
    settings_file = tmp_path / "hostsite" / "settings" / "base.py"
    settings = settings_file.read_text()
    # wagtail.contrib.forms is already there in a new project; the README adds two apps.
    assert '"wagtail.contrib.forms",' in settings
    middleware = re.search(r"MIDDLEWARE \+= \[.*?\]", README)[0]
    settings_file.write_text(
        settings.replace(
            '"wagtail.contrib.forms",',
            '"wagtail.contrib.forms",\n"wagtail.contrib.settings",\n"wagtail_integration",',
        )
        + f"\n{middleware}\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev", "PYTHONPATH": ""}
    return settings_file, env


@pytest.mark.slow
def test_package_works_in_a_project_made_by_wagtail_start(tmp_path):
    _settings_file, env = make_host_project(tmp_path)

    run(sys.executable, "manage.py", "migrate", "--noinput", cwd=tmp_path, env=env)
    check = run(sys.executable, "manage.py", "check", cwd=tmp_path, env=env)
    smoke = run(
        sys.executable, "manage.py", "shell", "-v0", "-c", SMOKE_SCRIPT, cwd=tmp_path, env=env
    )

    assert "System check identified no issues" in check.stdout
    assert smoke.stdout.split("\n")[:4] == [
        "/concept/ 200 True",
        "/concept/phase/ 200 True",
        "/concept/phase/group/ 200 True",
        "/concept/phase/group/measure/ 200 True",
    ]


@pytest.mark.slow
def test_package_works_with_wagtails_own_i18n_without_wagtail_localize(tmp_path):
    settings_file, env = make_host_project(tmp_path)
    settings_file.write_text(
        settings_file.read_text()
        .replace('"wagtail_integration",', '"wagtail_integration",\n"wagtail.locales",')
        .replace(
            '"django.contrib.sessions.middleware.SessionMiddleware",',
            '"django.contrib.sessions.middleware.SessionMiddleware",\n'
            '"django.middleware.locale.LocaleMiddleware",',
        )
        + textwrap.dedent(
            """
            WAGTAIL_I18N_ENABLED = True
            LANGUAGE_CODE = "en"
            LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("de", "Deutsch")]
            """
        )
    )
    urls_file = tmp_path / "hostsite" / "urls.py"
    urls_file.write_text(
        urls_file.read_text()
        .replace(
            'path("", include(wagtail_urls)),', '*i18n_patterns(path("", include(wagtail_urls))),'
        )
        .replace(
            "from django.conf import settings",
            "from django.conf import settings\nfrom django.conf.urls.i18n import i18n_patterns",
        )
    )

    run(sys.executable, "manage.py", "migrate", "--noinput", cwd=tmp_path, env=env)
    check = run(sys.executable, "manage.py", "check", cwd=tmp_path, env=env)
    smoke = run(
        sys.executable, "manage.py", "shell", "-v0", "-c", I18N_SMOKE_SCRIPT, cwd=tmp_path, env=env
    )

    assert "System check identified no issues" in check.stdout  # no W002: wagtail.locales
    assert smoke.stdout.split("\n")[:2] == [
        "/en/concept/ en 2 Concept",
        "/de/concept/ de 2 Konzept",
    ]


def readme_code_blocks(heading: str, language: str) -> list[str]:
    """The fenced code blocks of one language in the README section under `heading`."""
    section = re.search(
        rf"^#{{2,3}} {re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", README, re.S | re.M
    )
    assert section, f"README has no section {heading!r}"
    blocks = re.findall(rf"^( *)```{language}\n(.*?)^\1```", section.group(1), re.S | re.M)
    return [textwrap.dedent(block) for _indent, block in blocks]


def readme_code_block(heading: str, language: str, containing: str) -> str:
    """The one code block of the README section under `heading` that contains `containing`."""
    (block,) = [b for b in readme_code_blocks(heading, language) if containing in b]
    return block


# A German concept with an Arabic translation made by wagtail-localize, as an editor would make
# them; prints the HTML of both pages as a visitor gets it.
TRANSLATED_CONCEPT_SCRIPT = textwrap.dedent(
    """
    import json
    from django.test import Client
    from wagtail.models import Locale, Site
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator
    from wagtail_integration.models import IntegrationConceptPage

    home = Site.objects.get(is_default_site=True).root_page
    concept = home.add_child(
        instance=IntegrationConceptPage(title="Integrationskonzept", slug="konzept")
    )
    concept.save_revision().publish()
    arabic = Locale.objects.create(language_code="ar")
    TranslationCreator(user=None, target_locales=[arabic]).create_translations(concept)
    translation = Translation.objects.get(
        source__object_id=concept.translation_key, target_locale=arabic
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = {"Integrationskonzept": "مفهوم الاندماج"}.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    client = Client()
    pages = {}
    for page in [concept, concept.get_translation(arabic)]:
        response = client.get(page.url)
        pages[page.locale.language_code] = {
            "url": page.url, "status": response.status_code, "html": response.content.decode()
        }
    print(json.dumps(pages))
    """
)


@pytest.fixture(scope="module")
def host_site_in_two_languages(tmp_path_factory) -> dict:
    """A `wagtail start` project with the README's Languages and host-layout recipes applied,
    a German concept and its Arabic translation; the pages as served, and `manage.py check`."""
    tmp_path = tmp_path_factory.mktemp("host")
    settings_file, env = make_host_project(tmp_path)
    run(sys.executable, "manage.py", "migrate", "--noinput", cwd=tmp_path, env=env)

    settings_file.write_text(
        settings_file.read_text()
        + "\n"
        + readme_code_block("Languages", "python", "LANGUAGES = WAGTAIL_CONTENT_LANGUAGES")
    )
    urls_file = tmp_path / "hostsite" / "urls.py"
    urls = urls_file.read_text()
    catch_all = "urlpatterns = urlpatterns + [\n"
    assert urls.count(catch_all) == 1
    assert 'path("", include(wagtail_urls)),' in urls.split(catch_all)[1]
    urls_file.write_text(
        urls.split(catch_all)[0] + readme_code_block("Languages", "python", "i18n_patterns")
    )
    template_dirs = tmp_path / "hostsite" / "templates"
    assert (template_dirs / "base.html").exists()  # TEMPLATES["DIRS"] of `wagtail start`
    override = template_dirs / "wagtail_integration" / "base.html"
    override.parent.mkdir()
    override.write_text(
        readme_code_block("Putting the pages into your site's layout", "django", "{% extends")
    )
    run(sys.executable, "manage.py", "migrate", "--noinput", cwd=tmp_path, env=env)
    rename_locale = shlex.split(readme_code_block("Languages", "sh", "Locale"))
    assert rename_locale[0] == "python"
    run(sys.executable, *rename_locale[1:], cwd=tmp_path, env=env)

    check = run(sys.executable, "manage.py", "check", cwd=tmp_path, env=env)
    pages = run(
        sys.executable,
        "manage.py",
        "shell",
        "-v0",
        "-c",
        TRANSLATED_CONCEPT_SCRIPT,
        cwd=tmp_path,
        env=env,
    )
    return {"check": check.stdout, "pages": json.loads(pages.stdout.strip().splitlines()[-1])}


def package_content(html: str):
    """The element that holds the package's content; there must be exactly one."""
    soup = BeautifulSoup(html, "html.parser")
    (content,) = soup.select(".wi-content")
    return soup, content


@pytest.mark.slow
def test_host_site_set_up_as_the_readme_says_passes_the_system_check(host_site_in_two_languages):
    assert "System check identified no issues" in host_site_in_two_languages["check"]


@pytest.mark.slow
def test_arabic_page_in_the_host_layout_is_right_to_left_in_arabic(host_site_in_two_languages):
    page = host_site_in_two_languages["pages"]["ar"]
    soup, content = package_content(page["html"])

    assert (page["url"], page["status"]) == ("/ar/konzept/", 200)
    assert soup.html["lang"] == "en"  # what `wagtail start` wrote into its base template
    assert (content["lang"], content["dir"]) == ("ar", "rtl")
    assert content.h1.get_text() == "مفهوم الاندماج"


@pytest.mark.slow
def test_german_page_in_the_host_layout_is_left_to_right_in_german(host_site_in_two_languages):
    page = host_site_in_two_languages["pages"]["de"]
    _soup, content = package_content(page["html"])

    assert (page["url"], page["status"]) == ("/de/konzept/", 200)
    assert (content["lang"], content["dir"]) == ("de", "ltr")


@pytest.mark.slow
def test_host_layout_keeps_one_main_landmark_around_the_package_content(
    host_site_in_two_languages,
):
    for page in host_site_in_two_languages["pages"].values():
        soup, content = package_content(page["html"])

        assert len(soup.find_all("main")) == 1
        assert content.find_parent("main") is soup.main
        assert soup.select('link[rel="stylesheet"][href$="integration.css"]')


@pytest.mark.django_db
def test_package_base_template_puts_lang_and_dir_on_the_content_too(client, home_page, arabic):
    concept = make_concept(
        home_page, intro='<p>See <a href="https://example.org/council">the council</a>.</p>'
    )
    arabic_concept = concept.copy_for_translation(arabic, copy_parents=True)
    arabic_concept.save_revision().publish()

    for page, lang, direction in [(concept, "en", "ltr"), (arabic_concept, "ar", "rtl")]:
        soup, content = package_content(client.get(page.url).content)

        assert (soup.html["lang"], soup.html["dir"]) == (lang, direction)
        assert (content["lang"], content["dir"]) == (lang, direction)
        assert content.find_parent("main")["id"] == "wi-main"
        assert content.select_one(".wi-references li")  # the printed references are inside
