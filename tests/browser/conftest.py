"""Chromium against the example site with its demo content, served by a real process.

The browser tests run when /usr/bin/chromium exists and skip with a visible reason when it
does not; with WI_REQUIRE_BROWSER=1 (set by .ci/run) a missing Chromium fails them instead.
"""

import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from ..process_helpers import run
from .host_site import build_host
from .pages import KNOWN_PAGES, SITE_DATABASES

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


def site_env(database: Path, media: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.example_site_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(EXAMPLE_SITE)]),
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(media),
    }


@contextmanager
def built_once(tmp_path_factory, worker_id: str, name: str):
    """The folder all pytest-xdist workers of a run share, locked for `name` while in the
    block: the first worker builds what it needs, the others wait and then find it. The lock
    is written by hand (fcntl) because pytest-xdist offers none and filelock is not installed.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield shared


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory, worker_id) -> tuple[Path, Path]:
    """The example site's database with its demo content, and its media folder.

    Built once per run (migrate, then `load_integration_demo`: most of a minute).
    """
    with built_once(tmp_path_factory, worker_id, "browser-demo") as shared:
        database, media = shared / "browser-demo.sqlite3", shared / "browser-demo-media"
        if not database.exists():
            building = shared / "browser-demo.building.sqlite3"
            env = site_env(building, media)
            manage = [sys.executable, "manage.py"]
            run(*manage, "migrate", "--noinput", "-v0", cwd=EXAMPLE_SITE, env=env)
            run(*manage, "load_integration_demo", cwd=EXAMPLE_SITE, env=env)
            building.rename(database)
    return database, media


def serve(cwd: Path, env: dict) -> tuple[subprocess.Popen, str]:
    """`manage.py runserver` in `cwd` on a free port, once it answers; the process and its URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/", timeout=5)
            return server, url
        except urllib.error.HTTPError:
            return server, url  # it answers, if not with a page at /
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"The site did not start: {server.stderr.read().decode()}")
            time.sleep(0.2)


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(20)


@pytest.fixture(scope="session")
def example_site(demo_database, tmp_path_factory) -> str:
    """The example site's URL: `runserver` on a copy of the demo database."""
    database = tmp_path_factory.mktemp("example_site") / "db.sqlite3"
    shutil.copyfile(demo_database[0], database)
    server, url = serve(EXAMPLE_SITE, site_env(database, demo_database[1]))
    SITE_DATABASES[url] = database
    yield url
    stop(server)


@pytest.fixture(scope="session")
def host_project(tmp_path_factory, worker_id) -> tuple[Path, dict]:
    """The `wagtail start` host of `host_site.py` and the paths of its pages, built once per
    run (most of a minute), as the demo database is."""
    with built_once(tmp_path_factory, worker_id, "browser-host") as shared:
        project, pages_file = shared / "browser-host", shared / "browser-host-pages.json"
        if not pages_file.exists():
            pages = build_host(shared / "browser-host-wagtail-start", project)
            pages_file.write_text(json.dumps(pages))
    return project, json.loads(pages_file.read_text())


def serve_host(source: Path, pages: dict, tmp_path_factory, own_layout: bool):
    """`runserver` on a copy of the host project; without `own_layout`, the copy drops the
    host's `wagtail_integration/base.html`, so the package's own base template serves."""
    project = tmp_path_factory.mktemp("host_site") / "project"
    shutil.copytree(source, project)
    if not own_layout:
        (project / "hostsite" / "templates" / "wagtail_integration" / "base.html").unlink()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hostsite.settings.dev", "PYTHONPATH": ""}
    server, url = serve(project, env)
    KNOWN_PAGES[url] = pages
    SITE_DATABASES[url] = project / "db.sqlite3"
    return server, url


@pytest.fixture(scope="session")
def host_site(host_project, tmp_path_factory) -> str:
    """The host's URL, its pages inside its own `base.html` by the README's layout recipe.
    Its pages are known to `pages.page_url`, as the host has no API v2 to ask."""
    server, url = serve_host(*host_project, tmp_path_factory, own_layout=True)
    yield url
    stop(server)


@pytest.fixture(scope="session")
def host_site_package_layout(host_project, tmp_path_factory) -> str:
    """The same host without the layout recipe: what a webmaster who changes no template
    gets, the package's own base template."""
    server, url = serve_host(*host_project, tmp_path_factory, own_layout=False)
    yield url
    stop(server)


@pytest.fixture(params=["example_site", "host_site", "host_site_package_layout"])
def site(request) -> str:
    """Each of the sites under test: the example site; the `wagtail start` host that shows the
    package's pages in its own layout; the same host with the package's own base template."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def chromium():
    """Chromium for one module. Playwright's sync API keeps an event loop running while it is
    open, and Django then refuses database queries ("async context") in the tests that follow
    on the same worker; so it is closed when the module's tests are done."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
