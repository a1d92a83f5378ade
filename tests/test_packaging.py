"""The package installs like a host would install it, and its wheel carries every asset."""

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Creates a concept, a phase, a group and a measure, then fetches each page like a visitor.
SMOKE_SCRIPT = textwrap.dedent(
    """
    from django.test import Client
    from wagtail.models import Site
    from wagtail_integration.models import (
        ConceptPhasePage, IntegrationConceptPage, MeasurePage, WorkingGroupPage,
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


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


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
    settings_file.write_text(
        settings.replace(
            '"wagtail.contrib.forms",',
            '"wagtail.contrib.forms",\n"wagtail.contrib.settings",\n"wagtail_integration",',
        )
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev", "PYTHONPATH": ""}
    return settings_file, env


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


def test_wheel_carries_every_template_static_file_migration_and_catalog(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(
        REPOSITORY,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__"
        ),
    )
    run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        tmp_path / "dist",
        cwd=source,
    )

    (wheel,) = (tmp_path / "dist").glob("wagtail_integration-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    package = REPOSITORY / "wagtail_integration"
    assets = [
        path
        for folder in ("templates", "static", "locale", "migrations")
        for path in (package / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    expected = sorted(str(path.relative_to(REPOSITORY)) for path in assets)
    assert (
        "wagtail_integration/templates/wagtail_integration/emails/feedback_notification.txt"
        in (expected)
    )
    assert "wagtail_integration/locale/ar/LC_MESSAGES/django.mo" in expected
    assert [name for name in expected if name not in names] == []
    assert not [name for name in names if name.startswith(("tests/", "example_site/"))]
