"""The sdist and the wheel: what each carries, their metadata, and the test matrix it declares."""

import re
import shutil
import sys
import tarfile
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path
from typing import NamedTuple

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from .process_helpers import run

pytestmark = pytest.mark.slow

REPOSITORY = Path(__file__).resolve().parent.parent


class Distributions(NamedTuple):
    """A snapshot of the repository, the sdist and wheel built from it, and the sdist unpacked."""

    source: Path
    sdist: Path
    wheel: Path
    unpacked: Path


@pytest.fixture(scope="module")
def distributions(tmp_path_factory) -> Distributions:
    """What `python -m build` makes of a checkout: the sdist, then the wheel built from it."""
    tmp_path = tmp_path_factory.mktemp("distributions")
    source = tmp_path / "source"
    shutil.copytree(
        REPOSITORY,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp_path / "dist", cwd=source)
    (sdist,) = (tmp_path / "dist").glob("wagtail_integration-*.tar.gz")
    (wheel,) = (tmp_path / "dist").glob("wagtail_integration-*.whl")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    return Distributions(source, sdist, wheel, unpacked)


def wheel_metadata(wheel: Path) -> Message:
    """The core metadata of a wheel, as pip and PyPI read it."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [name for name in archive.namelist() if name.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(name).decode())


def test_wheel_carries_every_template_static_file_migration_and_catalog(distributions):
    names = set(zipfile.ZipFile(distributions.wheel).namelist())

    content_app = distributions.source / "wagtail_integration"
    assets = [
        path
        for app in (content_app, content_app / "feedback")
        for folder in ("templates", "static", "locale", "migrations")
        for path in (app / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    expected = sorted(str(path.relative_to(distributions.source)) for path in assets)
    assert {
        "wagtail_integration/feedback/templates/wagtail_integration_feedback/emails/"
        "feedback_notification.txt",
        "wagtail_integration/feedback/migrations/0001_initial.py",
        "wagtail_integration/migrations/0001_initial.py",
        "wagtail_integration/locale/ar/LC_MESSAGES/django.mo",
    } <= set(expected)
    assert [name for name in expected if name not in names] == []
    assert not [name for name in names if name.startswith(("tests/", "example_site/"))]


def test_license_ships_in_the_repository_the_sdist_and_the_wheels_dist_info(distributions):
    license_text = (distributions.source / "LICENSE").read_text()
    with zipfile.ZipFile(distributions.wheel) as wheel:
        (name,) = [name for name in wheel.namelist() if name.endswith("/licenses/LICENSE")]
        wheel_license = wheel.read(name).decode()

    assert license_text.startswith("BSD 3-Clause License\n")
    assert "Copyright (c) 2026, the wagtail-integration authors" in license_text
    assert (distributions.unpacked / "LICENSE").read_text() == license_text
    assert wheel_license == license_text


def test_metadata_names_the_author_the_license_and_the_project_urls(distributions):
    home = "https://github.com/wagtail-integration/wagtail-integration"
    sdist_metadata = Parser().parsestr((distributions.unpacked / "PKG-INFO").read_text())

    for metadata in [wheel_metadata(distributions.wheel), sdist_metadata]:
        assert metadata["Author"] == "wagtail-integration authors"
        assert (metadata["License-Expression"] or metadata["License"]) == "BSD-3-Clause"
        assert metadata.get_all("License-File") == ["LICENSE"]
        assert metadata.get_all("Project-URL") == [
            f"Homepage, {home}",
            f"Documentation, {home}/blob/main/README.md",
            f"Changelog, {home}/blob/main/CHANGELOG.md",
        ]


# The suites CI runs (.ci/run), by make target: Python, Django and Wagtail, and the pin the
# target installs. `make test` pins nothing: Python 3.11 gets Django 5.2 (Django 6 needs Python
# 3.12) and the newest Wagtail; so does Python 3.10 in test-wagtail74. `make test-django60`
# (Python 3.13, Django 6.0) exists but is not run by CI, so neither version is declared.
CI_SUITES = {
    "test": ("3.11", "5.2", "8.0", None),
    "test-wagtail74": ("3.10", "5.2", "7.4", "wagtail>=7.4,<7.5"),
    "test-django61": ("3.12", "6.1", "8.0", "Django>=6.1,<6.2"),
}


def test_ci_runs_each_suite_on_its_python_with_its_pins(distributions):
    ci_script = (distributions.source / ".ci" / "run").read_text().splitlines()

    make_lines = [line.split() for line in ci_script if line.startswith("make ")]
    assert {line[1] for line in make_lines} == set(CI_SUITES)
    assert ["make", "test-django61"] in make_lines  # the slow tests run in one suite at least
    for target, (python, _django, _wagtail, pin) in CI_SUITES.items():
        # A dry run of every step, as on a clean clone, names the interpreter and the pins.
        recipe = run("make", "-nB", target, cwd=distributions.source).stdout
        assert re.search(rf"python{re.escape(python)} -m venv ", recipe), recipe
        assert pin is None or f'"{pin}"' in recipe, recipe


def versions_of(column: int) -> list[str]:
    """The versions of one column of CI_SUITES, oldest first."""
    return sorted({suite[column] for suite in CI_SUITES.values()}, key=Version)


def minor(version: str, step: int) -> str:
    """The minor release `step` releases away from `version` ("6.1", 1 gives "6.2")."""
    major, minor_number = version.split(".")
    return f"{major}.{int(minor_number) + step}"


def test_classifiers_and_requirements_declare_exactly_the_versions_ci_runs(distributions):
    metadata = wheel_metadata(distributions.wheel)
    requires = {
        requirement.name.lower(): requirement.specifier
        for requirement in map(Requirement, metadata.get_all("Requires-Dist"))
        if requirement.marker is None
    }
    pythons, djangos, wagtails = versions_of(0), versions_of(1), versions_of(2)

    def classified(prefix: str, pattern: str) -> list[str]:
        versions = [name.removeprefix(prefix) for name in metadata.get_all("Classifier")]
        return sorted((v for v in versions if re.fullmatch(pattern, v)), key=Version)

    assert classified("Programming Language :: Python :: ", r"3\.\d+") == pythons
    assert classified("Framework :: Django :: ", r"\d+\.\d+") == djangos
    assert classified("Framework :: Wagtail :: ", r"\d+") == sorted(
        {str(Version(wagtail).major) for wagtail in wagtails}, key=Version
    )
    # The ranges admit every tested version, and no older Python, Django or Wagtail and no
    # newer Django minor or Wagtail major than the tested ones.
    python_range = SpecifierSet(metadata["Requires-Python"])
    assert minor(pythons[0], -1) not in python_range
    assert all(python in python_range for python in pythons)
    assert minor(djangos[0], -1) not in requires["django"]
    assert all(django in requires["django"] for django in djangos)
    assert minor(djangos[-1], 1) not in requires["django"]
    assert minor(wagtails[0], -1) not in requires["wagtail"]
    assert all(wagtail in requires["wagtail"] for wagtail in wagtails)
    assert f"{Version(wagtails[-1]).major + 1}.0" not in requires["wagtail"]


def test_sdist_carries_the_test_suite_and_everything_it_needs(distributions):
    with tarfile.open(distributions.sdist) as archive:
        names = archive.getnames()

    def collected(folder: Path) -> list[str]:
        output = run(sys.executable, "-m", "pytest", "--collect-only", "-q", cwd=folder).stdout
        return sorted(line for line in output.splitlines() if "::" in line)

    needed = ["Makefile", ".ci/run", "pyproject.toml", "CHANGELOG.md", "example_site/manage.py"]
    assert [name for name in needed if not (distributions.unpacked / name).is_file()] == []
    assert [name for name in names if name.endswith((".sqlite3", ".pyc"))] == []
    # Every test of the checkout, from the sdist; and they pass there against its own package.
    assert collected(distributions.unpacked) == collected(distributions.source)
    origin = run(
        sys.executable,
        "-c",
        "import wagtail_integration; print(wagtail_integration.__file__)",
        cwd=distributions.unpacked,
    )
    assert Path(origin.stdout.strip()).is_relative_to(distributions.unpacked)
    run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/test_models_conventions.py",
        cwd=distributions.unpacked,
    )
