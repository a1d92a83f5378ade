"""The content app and the feedback app: the content app never imports the feedback app."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import wagtail_integration

CONTENT_APP = Path(wagtail_integration.__file__).resolve().parent
FEEDBACK_APP = CONTENT_APP / "feedback"


def imported_modules(path: Path) -> set[str]:
    """The absolute names of every module a source file imports, at any depth of its code."""
    package = ".".join(path.relative_to(CONTENT_APP.parent).with_suffix("").parts)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            prefix = ".".join(base) if node.level else ""
            module = ".".join(part for part in (prefix, node.module or "") if part)
            names.add(module)
            # `from . import feedback` imports a module named by the alias
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def content_app_sources() -> list[Path]:
    return [
        path
        for path in CONTENT_APP.rglob("*.py")
        if FEEDBACK_APP not in path.parents and "migrations" not in path.parts
    ]


def test_the_import_walk_sees_relative_and_nested_imports():
    """The walk itself: it must see the imports the next test forbids, however written."""
    views = FEEDBACK_APP / "views.py"
    api = FEEDBACK_APP / "api.py"
    assert "wagtail_integration.feedback.submissions" in imported_modules(views)
    apps = FEEDBACK_APP / "apps.py"

    assert "wagtail_integration.i18n" in imported_modules(api)  # from wagtail_integration import
    assert "wagtail_integration.api.mount" in imported_modules(apps)  # inside ready()


def test_no_module_of_the_content_app_imports_the_feedback_app():
    sources = content_app_sources()
    offenders = {
        str(path.relative_to(CONTENT_APP)): sorted(
            name
            for name in imported_modules(path)
            if name == "wagtail_integration.feedback"
            or name.startswith("wagtail_integration.feedback.")
        )
        for path in sources
    }

    assert len(sources) > 20  # the walk really read the content app
    assert {path: names for path, names in offenders.items() if names} == {}


def test_content_models_import_and_render_settings_without_the_feedback_app():
    """In a site without the feedback app, the content models import and never load it."""
    script = (
        "import sys, django; django.setup();"
        "import wagtail_integration.models, wagtail_integration.api.measures;"
        "from wagtail_integration.models import IntegrationConceptPage;"
        "print(IntegrationConceptPage.allowed_subpage_models());"
        "print(sorted(m for m in sys.modules if m.startswith('wagtail_integration.feedback')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings_content_only"},
        cwd=CONTENT_APP.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    subpages, feedback_modules = result.stdout.strip().splitlines()[-2:]
    assert "ConceptPhasePage" in subpages and "Feedback" not in subpages
    assert feedback_modules == "[]"
