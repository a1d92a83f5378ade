"""The example site's production stack on this machine, for `make load` and the deployment tests.

`production_stack()` sets up a fresh database (a SQLite file, or a new database on the
PostgreSQL server of `DATABASE_URL`), a Redis server when `redis-server` is installed, and a
mail server that keeps what it receives (aiosmtpd, in this process), loads the demo content,
collects the static files, and starts gunicorn with `example_site/gunicorn.conf.py` and the
task worker (`manage.py db_worker`), all on 127.0.0.1 with the production settings
(`benchmarks/load_settings.py`). Everything it started is stopped when the context ends,
whatever happened.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_SITE = ROOT / "example_site"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(
    port: int, process: subprocess.Popen, log: Path | None = None, seconds: float = 60
) -> None:
    """Wait until `process` listens on `port`; its output (`log`, or its piped standard
    error) is the message if it stops first or never listens."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = tail(log) if log else process.stderr.read().decode()[-3000:]
            raise RuntimeError(f"the process stopped:\n{output}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}:\n{tail(log) if log else ''}")


def tail(log: Path, characters: int = 3000) -> str:
    return log.read_text(errors="replace")[-characters:] if log.exists() else ""


class MailSink:
    """An SMTP server on 127.0.0.1 that keeps every message it receives (aiosmtpd)."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[bytes] = []
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:  # the name aiosmtpd calls
        with self._lock:
            self.messages.append(envelope.original_content or envelope.content)
        return "250 Message accepted"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def received(self) -> list[bytes]:
        with self._lock:
            return list(self.messages)


@dataclass
class Stack:
    """The running stack: its address, its environment and its processes."""

    url: str
    env: dict
    workdir: Path
    mails: MailSink
    database: str
    cache: str
    web: subprocess.Popen | None = None
    worker: subprocess.Popen | None = None
    worker_starts: int = 0
    _logs: list = field(default_factory=list)

    def manage(self, *args: str, timeout: float = 900) -> str:
        """Run a management command of the example site; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=EXAMPLE_SITE,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def query(self, code: str) -> object:
        """Run `code` with Django set up; it assigns `result`, which comes back through JSON."""
        script = f"import django, json\ndjango.setup()\n{code}\nprint(json.dumps(result))\n"
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=EXAMPLE_SITE,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0:
            raise RuntimeError(f"the query failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start_web(self, web_processes: int, threads: int) -> None:
        log = self.workdir / "gunicorn.log"
        port = int(urlsplit(self.url).port)
        env = {
            **self.env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(web_processes),
            "GUNICORN_THREADS": str(threads),
            "GUNICORN_LOG_LEVEL": "warning",
        }
        self.web = self._start(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], env, log
        )
        wait_for_port(port, self.web, log)

    def start_worker(self) -> None:
        self.worker_starts += 1
        log = self.workdir / f"worker-{self.worker_starts}.log"
        self.worker = self._start(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.2"], self.env, log
        )

    def stop_worker(self, signum: int = signal.SIGTERM, seconds: float = 60) -> int:
        """Stop the worker as a process manager does (SIGTERM: it ends its current task)."""
        worker, self.worker = self.worker, None
        if worker is None or worker.poll() is not None:
            return worker.returncode if worker else 0
        worker.send_signal(signum)
        return stop_process(worker, seconds)

    def _start(self, command: list[str], env: dict, log: Path) -> subprocess.Popen:
        handle = log.open("wb")
        self._logs.append(handle)
        return subprocess.Popen(
            command, cwd=EXAMPLE_SITE, env=env, stdout=handle, stderr=subprocess.STDOUT
        )

    def logs(self) -> str:
        return "\n".join(
            f"--- {log.name}\n{tail(log)}" for log in sorted(self.workdir.glob("*.log"))
        )

    def stop(self) -> None:
        try:
            self.stop_worker()
        finally:
            if self.web is not None and self.web.poll() is None:
                self.web.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown
                stop_process(self.web, 30)
            for handle in self._logs:
                handle.close()


def stop_process(process: subprocess.Popen, seconds: float) -> int:
    """Wait for `process`, already asked to stop, at most `seconds`; then kill it."""
    try:
        return process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait(10)


def get(stack: Stack, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """GET `path` as the reverse proxy would forward it (HTTPS ended there); no redirects."""
    request = urllib.request.Request(
        stack.url + path, headers={"X-Forwarded-Proto": "https", **(headers or {})}
    )
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def postgresql_database(database_url: str, template: str | None = None) -> Iterator[str]:
    """A new database on the server of `database_url` (empty, or a copy of the database of
    the URL `template`); its URL, and dropped afterwards."""
    import psycopg

    name = f"wi_{os.getpid()}_{secrets.token_hex(4)}"
    copy = f' TEMPLATE "{urlsplit(template).path.lstrip("/")}"' if template else ""
    parts = urlsplit(database_url)
    # The database the URL names need not exist (the test runner makes test_<name> from it):
    # databases are made and dropped from the server's maintenance database.
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """A Redis server of its own on 127.0.0.1 (nothing written to disk)."""
    port = free_port()
    log = workdir / "redis.log"
    with log.open("wb") as handle:
        server = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, server, log)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            stop_process(server, 10)


@contextmanager
def production_stack(
    workdir: Path,
    *,
    database_url: str | None = None,
    use_redis: bool = True,
    web_processes: int = 2,
    threads: int = 4,
    worker: bool = True,
    extra_env: dict | None = None,
) -> Iterator[Stack]:
    """Set up and start the stack in `workdir` (see the module's docstring)."""
    workdir.mkdir(parents=True, exist_ok=True)
    with ExitStack() as resources:
        if database_url:
            database_url = resources.enter_context(postgresql_database(database_url))
        else:
            database_url = f"sqlite:///{workdir / 'site.sqlite3'}"
        redis_url = ""
        if use_redis and shutil.which("redis-server"):
            redis_url = resources.enter_context(redis_server(workdir))
        mails = MailSink()
        mails.start()
        resources.callback(mails.stop)

        port = free_port()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(EXAMPLE_SITE)]),
            "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{port}",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(mails.port),
            "DJANGO_MEDIA_ROOT": str(workdir / "media"),
            "DJANGO_STATIC_ROOT": str(workdir / "static"),
            **(extra_env or {}),
        }
        stack = Stack(
            url=f"http://127.0.0.1:{port}",
            env=env,
            workdir=workdir,
            mails=mails,
            database="postgresql" if database_url.startswith("postgres") else "sqlite",
            cache="redis" if redis_url else "database",
        )
        resources.callback(stack.stop)
        stack.manage("migrate", "--noinput")
        if not redis_url:
            stack.manage("createcachetable")
        stack.manage("collectstatic", "--noinput")
        stack.manage("load_integration_demo", "--admin-password", secrets.token_urlsafe(16))
        stack.start_web(web_processes, threads)
        if worker:
            stack.start_worker()
        yield stack
