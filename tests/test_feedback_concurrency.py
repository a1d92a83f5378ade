"""The rate limit holds under concurrency in a real server process, on the cache backends a host
uses: 40 posts sent at once by one client against a limit of 5. On SQLite, and on PostgreSQL
when the suite runs there (DATABASE_URL): each test gets a database of its own."""

import json
import os
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.stack import free_port, postgresql_database, wait_for_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
POSTS = 40
LIMIT = 5

SEED = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
from wagtail.models import Site
from tests.factories import make_concept_tree, make_feedback_page
tree = make_concept_tree(Site.objects.get(is_default_site=True).root_page, groups=1,
                         measures_per_group=1)
print(make_feedback_page(tree["concept"]).pk)
"""

COUNT = """
import django; django.setup()
from wagtail_integration.feedback.models import FeedbackSubmission
print(FeedbackSubmission.objects.count())
"""


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install redis-server (see .ci/run)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, server)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def run_python(code: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "django.core.wsgi:get_wsgi_application()",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--threads=8",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(port, server)
    return server


def request(url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def send_at_once(url: str, bodies: list[dict]) -> list[int]:
    """POST every body from its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = [0] * len(bodies)

    def send(index: int) -> None:
        barrier.wait()
        statuses[index] = request(url, bodies[index])[0]

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return statuses


POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith("postgres")


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory):
    """A migrated database with a feedback page, made once; each test posts into a copy
    (a copied SQLite file, or a PostgreSQL database made from it as a template)."""
    if ON_POSTGRES:
        with postgresql_database(POSTGRES_URL) as url:
            page_id = run_python(SEED, server_env(url, cache="database"))
            yield url, page_id
        return
    path = tmp_path_factory.mktemp("seeded") / "server.sqlite3"
    yield path, run_python(SEED, server_env(path, cache="database"))


def server_env(database, cache: str, **extra: str) -> dict:
    where = (
        {"WI_TEST_DATABASE_URL": str(database)}
        if str(database).startswith("postgres")
        else {"WI_TEST_DB": str(database)}
    )
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_server",
        "PYTHONPATH": str(ROOT),
        "WI_TEST_CACHE": cache,
        **where,
        **extra,
    }


@pytest.fixture
def database_copy(seeded_database, tmp_path):
    """(database, page id): this test's own copy of the seeded database."""
    seeded, page_id = seeded_database
    if ON_POSTGRES:
        with postgresql_database(POSTGRES_URL, template=seeded) as url:
            yield url, page_id
        return
    database = tmp_path / "server.sqlite3"
    shutil.copyfile(seeded, database)
    yield database, page_id


@pytest.mark.parametrize(
    ("cache", "workers"),
    [("locmem", 1), ("database", 4), ("redis", 4)],
    ids=["local-memory-1-process", "database-cache-4-processes", "redis-4-processes"],
)
def test_forty_simultaneous_posts_from_one_client_store_at_most_the_limit(
    database_copy, cache, workers, request_fixture_redis
):
    database, page_id = database_copy
    env = server_env(database, cache)
    if cache == "redis":
        env["WI_TEST_REDIS_URL"] = request_fixture_redis()
    port = free_port()
    server = start_server(env, port, workers)
    try:
        url = f"http://127.0.0.1:{port}/api/standalone/integration/feedback/{page_id}/"
        tokens = [request(url)[1]["token"] for _ in range(POSTS)]
        bodies = [
            {
                "token": token,
                "values": {"message": f"Nachricht {i}", "topic": "general", "consent": True},
            }
            for i, token in enumerate(tokens)
        ]
        statuses = send_at_once(url, bodies)
    finally:
        server.terminate()
        server.wait(20)

    stored = int(run_python(COUNT, env))
    assert sorted(set(statuses)) == [201, 429], statuses
    assert statuses.count(201) == stored == LIMIT
    assert statuses.count(429) == POSTS - LIMIT


def test_one_token_sent_twenty_times_at_once_to_four_processes_is_stored_once(
    database_copy,
):
    database, page_id = database_copy
    env = server_env(database, "database", WI_TEST_RATE_LIMIT="1000/d")
    port = free_port()
    server = start_server(env, port, workers=4)
    try:
        url = f"http://127.0.0.1:{port}/api/standalone/integration/feedback/{page_id}/"
        token = request(url)[1]["token"]
        body = {
            "token": token,
            "values": {"message": "Hallo", "topic": "general", "consent": True},
        }
        statuses = send_at_once(url, [body] * 20)
    finally:
        server.terminate()
        server.wait(20)

    assert statuses.count(201) == 1, statuses
    assert statuses.count(409) == 19
    assert int(run_python(COUNT, env)) == 1


@pytest.fixture
def request_fixture_redis(request):
    """Start Redis only for the case that needs it."""
    return lambda: request.getfixturevalue("redis_url")
