"""The package in a host site: a project made by `wagtail start`, set up as the README says."""

import json
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .factories import make_concept
from .host_helpers import (
    installed_apps_of_the_readme,
    make_host_project,
    make_readme_host,
    start_wagtail_project,
)
from .process_helpers import run

# The four page types of the content app, a German translation of the concept made with
# Wagtail's own i18n, and what a visitor gets of each; prints one JSON line.
CONTENT_ONLY_SCRIPT = textwrap.dedent(
    """
    import json
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import Locale, Site
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
    german = Locale.objects.create(language_code="de")
    translated = concept.copy_for_translation(german, copy_parents=True)
    translated.title = "Konzept T1"
    translated.save_revision().publish()
    client = Client()
    pages = []
    for page in [concept, phase, group, measure, translated]:
        response = client.get(page.url)
        soup = BeautifulSoup(response.content, "html.parser")
        pages.append({
            "url": page.url,
            "status": response.status_code,
            "h1": soup.h1.get_text() if soup.h1 else None,
            "lang": soup.html.get("lang"),
            "language_links": len(soup.select(".wi-languages a")),
        })
    print(json.dumps({
        "pages": pages,
        "concept_subpages": [m.__name__ for m in IntegrationConceptPage.allowed_subpage_models()],
    }))
    """
)


@pytest.fixture(scope="module")
def wagtail_start_project(tmp_path_factory) -> Path:
    """One project made by `wagtail start` and migrated, which each host test copies."""
    return start_wagtail_project(tmp_path_factory.mktemp("wagtail-start"))


@pytest.fixture(scope="module")
def content_only_host(wagtail_start_project, tmp_path_factory) -> dict:
    """A `wagtail start` project with only the content app, as the README offers, and Wagtail's
    own i18n (`wagtail.locales`) instead of wagtail-localize; without Wagtail's form builder."""
    tmp_path = tmp_path_factory.mktemp("content-only")
    assert "wagtail_integration" in installed_apps_of_the_readme()
    settings_file, env = make_host_project(
        wagtail_start_project, tmp_path, ["wagtail_integration", "wagtail.locales"]
    )
    settings_file.write_text(
        settings_file.read_text().replace(
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
    shown = run(
        sys.executable,
        "manage.py",
        "shell",
        "-v0",
        "-c",
        CONTENT_ONLY_SCRIPT,
        cwd=tmp_path,
        env=env,
    )
    return {
        "settings": settings_file.read_text(),
        "check": check.stdout,
        **json.loads(shown.stdout.strip().splitlines()[-1]),
    }


@pytest.mark.slow
def test_content_app_alone_passes_the_system_check_without_the_form_builder(content_only_host):
    assert '"wagtail_integration",' in content_only_host["settings"]
    assert "wagtail.contrib.forms" not in content_only_host["settings"]
    assert "wagtail_integration.feedback" not in content_only_host["settings"]
    assert "System check identified no issues" in content_only_host["check"]  # no W002 either


@pytest.mark.slow
def test_content_app_alone_renders_the_four_page_types(content_only_host):
    shown = [(p["url"], p["status"], p["h1"]) for p in content_only_host["pages"][:4]]

    assert shown == [
        ("/en/concept/", 200, "Concept T1"),
        ("/en/concept/phase/", 200, "Phase T2"),
        ("/en/concept/phase/group/", 200, "Group T3"),
        ("/en/concept/phase/group/measure/", 200, "Measure T4"),
    ]
    assert "FeedbackFormPage" not in content_only_host["concept_subpages"]


@pytest.mark.slow
def test_content_app_alone_links_translations_made_with_wagtails_own_i18n(content_only_host):
    english, german = content_only_host["pages"][0], content_only_host["pages"][4]

    assert (english["lang"], english["language_links"]) == ("en", 2)
    assert (german["url"], german["status"], german["lang"], german["h1"]) == (
        "/de/concept/",
        200,
        "de",
        "Konzept T1",
    )
    assert german["language_links"] == 2


# A German concept with an Arabic translation made by wagtail-localize, as an editor would make
# them, and a feedback form a resident sends; prints the HTML of both pages as a visitor gets
# it and what became of the feedback.
TRANSLATED_CONCEPT_SCRIPT = textwrap.dedent(
    """
    import json
    import time
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import Locale, Site
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator
    from wagtail_integration.feedback.models import FeedbackFormPage, FeedbackSubmission
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

    # A resident sends feedback through the form, as a browser would.
    form_page = concept.add_child(instance=FeedbackFormPage(
        title="Ihre Anregungen", slug="anregungen", to_address="beirat@city.example",
        from_address="web@city.example",
    ))
    form_page.save_revision().publish()
    form = BeautifulSoup(client.get(form_page.url).content, "html.parser").find("form")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")
            if field.get("type") not in ("checkbox", "radio")}
    for select in form.find_all("select"):  # what a browser sends for an untouched select
        option = select.find("option", selected=True) or select.find("option")
        data[select["name"]] = option["value"]
    data.update(message="Mehr Sprachkurse am Abend, bitte.", consent="on")
    time.sleep(3.1)  # a resident takes longer than the minimum fill time to write
    sent = client.post(form_page.url, data)
    feedback = {
        "status": sent.status_code,
        "thanks": client.get(sent.headers.get("Location", "/")).status_code,
        "stored": list(FeedbackSubmission.objects.values_list("page__title", "language")),
    }
    print(json.dumps({"pages": pages, "feedback": feedback}))
    """
)


@pytest.fixture(scope="module")
def host_site_in_two_languages(wagtail_start_project, tmp_path_factory) -> dict:
    """A `wagtail start` project with both apps and the README's installation, Languages and
    host-layout recipes applied, a German concept and its Arabic translation and a feedback
    form; the pages as served, the feedback sent, the console's output and `manage.py check`."""
    tmp_path = tmp_path_factory.mktemp("host")
    settings_file, env = make_readme_host(wagtail_start_project, tmp_path)

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
    return {
        "settings": settings_file.read_text(),
        "check": check.stdout,
        "console": pages.stdout,
        **json.loads(pages.stdout.strip().splitlines()[-1]),
    }


def package_content(html: str):
    """The element that holds the package's content; there must be exactly one."""
    soup = BeautifulSoup(html, "html.parser")
    (content,) = soup.select(".wi-content")
    return soup, content


@pytest.mark.slow
def test_host_site_set_up_as_the_readme_says_passes_the_system_check(host_site_in_two_languages):
    assert "System check identified no issues" in host_site_in_two_languages["check"]


@pytest.mark.slow
def test_host_site_with_both_apps_takes_feedback_and_sends_the_notification(
    host_site_in_two_languages,
):
    host = host_site_in_two_languages
    feedback = host["feedback"]

    assert '"wagtail_integration.feedback",' in host["settings"]
    assert "FeedbackRequestSizeMiddleware" in host["settings"]
    assert (feedback["status"], feedback["thanks"]) == (303, 200)
    assert feedback["stored"] == [["Ihre Anregungen", "de"]]
    # The host's console mail backend printed the notification to the page's address.
    assert "To: beirat@city.example" in host["console"]
    assert "Mehr Sprachkurse am Abend, bitte." in host["console"]


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
