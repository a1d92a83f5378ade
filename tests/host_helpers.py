"""A host site for tests: a project made by `wagtail start`, set up from the README's own
code blocks, as a webmaster would set it up."""

import os
import re
import shlex
import shutil
import sys
import textwrap
from pathlib import Path

from .process_helpers import run

REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
README = (REPOSITORY / "README.md").read_text()


def readme_code_blocks(heading: str, language: str, document: str = README) -> list[str]:
    """The fenced code blocks of one language in the README section under `heading` (or in
    that section of another Markdown `document`)."""
    section = re.search(
        rf"^#{{2,3}} {re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", document, re.S | re.M
    )
    assert section, f"the document has no section {heading!r}"
    blocks = re.findall(rf"^( *)```{language}\n(.*?)^\1```", section.group(1), re.S | re.M)
    return [textwrap.dedent(block) for _indent, block in blocks]


def readme_code_block(heading: str, language: str, containing: str) -> str:
    """The one code block of the README section under `heading` that contains `containing`."""
    (block,) = [b for b in readme_code_blocks(heading, language) if containing in b]
    return block


def installed_apps_of_the_readme() -> list[str]:
    """The apps that the README's installation steps put into `INSTALLED_APPS`."""
    block = readme_code_block("Installing into your Wagtail site", "python", "INSTALLED_APPS = [")
    return re.findall(r'^\s*"([\w.]+)",', block, re.M)


def start_wagtail_project(path: Path) -> Path:
    """A project made by `wagtail start` in `path`, migrated."""
    path.mkdir(parents=True, exist_ok=True)
    run(BIN / "wagtail", "start", "hostsite", path, cwd=path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev", "PYTHONPATH": ""}
    run(sys.executable, "manage.py", "migrate", "--noinput", cwd=path, env=env)
    return path


def make_host_project(
    wagtail_start_project: Path, tmp_path: Path, apps: list[str], middleware: str = ""
) -> tuple[Path, dict]:
    """A copy of the `wagtail start` project with `apps` added after Wagtail's form builder,
    which `wagtail start` installs, or in its place when `apps` leaves it out."""
    shutil.copytree(wagtail_start_project, tmp_path, dirs_exist_ok=True)
    settings_file = tmp_path / "hostsite" / "settings" / "base.py"
    settings = settings_file.read_text()
    assert '    "wagtail.contrib.forms",\n' in settings
    existing = set(re.findall(r'^\s*"([\w.]+)",', settings, re.M)) - {"wagtail.contrib.forms"}
    added = "".join(f'    "{app}",\n' for app in apps if app not in existing)
    settings_file.write_text(
        settings.replace('    "wagtail.contrib.forms",\n', added) + f"\n{middleware}\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev", "PYTHONPATH": ""}
    return settings_file, env


def make_readme_host(wagtail_start_project: Path, tmp_path: Path) -> tuple[Path, dict]:
    """A copy of the `wagtail start` project with both apps and the README's installation,
    Languages and host-layout recipes applied, migrated; its settings file and environment."""
    settings_file, env = make_host_project(
        wagtail_start_project,
        tmp_path,
        installed_apps_of_the_readme(),
        middleware=readme_code_block("Installing into your Wagtail site", "python", "MIDDLEWARE"),
    )

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
    return settings_file, env
