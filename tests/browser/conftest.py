"""Chromium against the example site with its demo content, served by a real process.

The browser tests run when /usr/bin/chromium exists and skip with a visible reason when it
does not; with WI_REQUIRE_BROWSER=1 (set by .ci/run) a missing Chromium fails them instead.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..process_helpers import run

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = ROOT / "example_site"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    if CHROMIUM.exists():
        return
    if os.environ.get("WI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{CHROMIUM} is missing and WI_REQUIRE_BROWSER=1: install chromium.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing: apt-get install -y chromium")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> str:
    """The example site's URL, migrated and loaded with `load_integration_demo`."""
    folder = tmp_path_factory.mktemp("example_site")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.example_site_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(EXAMPLE_SITE)]),
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
    }
    run(sys.executable, "manage.py", "migrate", "--noinput", "-v0", cwd=EXAMPLE_SITE, env=env)
    run(sys.executable, "manage.py", "load_integration_demo", cwd=EXAMPLE_SITE, env=env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=EXAMPLE_SITE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/", timeout=5)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"The example site did not start: {server.stderr.read().decode()}")
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(20)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh page (its own cookies) at a phone's width."""
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter):
    """Say how many pages axe checked and what it found, so that CI's output shows it."""
    reports = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
    ]
    pages = violations = 0
    for report in reports:
        properties = dict(getattr(report, "user_properties", []))
        pages += properties.get("axe_pages", 0)
        violations += properties.get("axe_violations", 0)
    if pages:
        terminalreporter.write_line(f"axe-core: {pages} pages checked, {violations} violations")
