"""The example site's production stack, started for real (benchmarks/stack.py: gunicorn with
docs/deployment.md's configuration, the task worker, Redis when installed, PostgreSQL when the
suite runs on it): what it sends, and `make load` at a small size, so that neither can rot."""

import os
import shutil
import urllib.error
import urllib.request

import pytest

from benchmarks.load import report_text, run_load
from benchmarks.results import write_section
from benchmarks.stack import NoRedirects, get, production_stack

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if shutil.which("redis-server") is None and os.environ.get("CI"):
        pytest.fail("CI must install redis-server (see .ci/run)")
    workdir = tmp_path_factory.mktemp("stack")
    with production_stack(workdir, database_url=os.environ.get("DATABASE_URL")) as running:
        yield running


def test_plain_http_is_redirected_to_https_except_the_health_check(stack):
    request = urllib.request.Request(stack.url + "/integrationskonzept/")
    opener = urllib.request.build_opener(NoRedirects)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=30)
    health = urllib.request.urlopen(stack.url + "/healthz/", timeout=30)

    assert redirect.value.code == 301
    assert redirect.value.headers["Location"].startswith("https://")
    assert health.status == 200
    assert health.read() == b"ok\n"


def test_pages_over_https_carry_hsts_and_the_security_headers(stack):
    status, headers, _ = get(stack, "/integrationskonzept/")

    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "public, max-age=300"


def test_static_files_have_hashed_names_are_compressed_and_kept_forever(stack):
    _, _, page = get(stack, "/integrationskonzept/")
    stylesheet = next(
        part.split('"')[0]
        for part in page.decode().split('href="')[1:]
        if part.startswith("/static/") and ".css" in part.split('"')[0]
    )

    status, headers, body = get(stack, stylesheet, {"Accept-Encoding": "gzip"})

    assert stylesheet.count(".") >= 2  # name.<hash>.css
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert body[:2] == b"\x1f\x8b"


def test_the_access_log_names_no_client_address(stack):
    get(stack, "/integrationskonzept/", {"X-Forwarded-For": "198.51.100.77"})
    log = (stack.workdir / "gunicorn.log").read_text()

    assert '"GET /integrationskonzept/" 200' in log
    assert "198.51.100.77" not in log
    assert "127.0.0.1 -" not in log


def test_load_stores_and_mails_every_accepted_post_once_across_a_worker_restart(stack, tmp_path):
    report = run_load(stack, pages=60, posts=24, clients=6, concurrency=6)
    output = tmp_path / "results.md"
    write_section(output, "load-test", "Load test", report_text(stack, report, Arguments()))

    assert report["problems"] == []
    assert report["accepted"] == report["stored"] == report["mails"] == 24
    # Stopped halfway, whatever its exit status (django-tasks-db exits 0 when the signal finds
    # it idle; on PostgreSQL it was seen to exit 1 once the signal came during a query).
    assert report["worker_stopped_after_posts"] >= 12
    assert report["statuses"].keys() <= {200, 201, 303}
    assert "**Checks: all passed**" in output.read_text()


class Arguments:
    pages, posts, clients, concurrency = 60, 24, 6, 6
