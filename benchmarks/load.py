"""`make load`: the example site's production stack under load from another process.

    python -m benchmarks.load [--pages 2000] [--posts 500] [--clients 50] [--concurrency 10]
                              [--output benchmarks/results.md]

Starts the stack of `benchmarks/stack.py` (gunicorn with 2 workers, the task worker, Redis
when installed, PostgreSQL when `DATABASE_URL` is set, else SQLite) and sends from this
process, at a fixed concurrency, page requests (every page of the demo in every language and
the API listings, in a shuffled order) and feedback posts (half through the API, half through
the HTML form, each with a marker in its message) from distinct simulated clients (each its
own address in X-Forwarded-For, as the reverse proxy would add it). When half of the posts
are accepted, the task worker is stopped with SIGTERM, as a process manager restarts it, and
started again a little later.

Then it checks: no answer was a 5xx (nor anything else unexpected); every accepted post is
stored exactly once (the markers of the stored rows are those of the accepted answers); the
worker sent exactly one mail per stored row (mails counted at the SMTP server); no task is
left unfinished. It prints throughput and latency and writes them to the results file. The
exit status is 1 when a check fails.
"""

import argparse
import datetime
import http.client
import json
import os
import platform
import random
import re
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email import message_from_bytes
from email.policy import default as default_policy
from html.parser import HTMLParser
from pathlib import Path

from .results import write_section
from .stack import NoRedirects, Stack, production_stack

TIMEOUT = 60  # seconds for one request
DRAIN_SECONDS = 120  # how long the worker may take for the last notifications

PAGES_QUERY = """
from wagtail.models import Page
from wagtail_integration.feedback.models import FeedbackFormPage
pages = Page.objects.live().public().exclude(depth=1).specific()
result = {
    "pages": sorted(page.get_url() for page in pages if page.get_url()),
    "forms": [[page.pk, page.get_url()] for page in FeedbackFormPage.objects.live()],
}
"""

STORED_QUERY = """
import re
from collections import Counter
from wagtail_integration.feedback.models import FeedbackSubmission
from django_tasks_db.models import DBTaskResult
markers = [re.findall(r"load-[0-9a-f]+-[0-9]+", json.dumps(data)) for data in
           FeedbackSubmission.objects.values_list("form_data", flat=True)]
result = {
    "markers": [found[0] for found in markers if found],
    "tasks": dict(Counter(DBTaskResult.objects.values_list("status", flat=True))),
}
"""


@dataclass
class Answer:
    kind: str  # "page", "form", "post-api", "post-html"
    path: str
    status: int
    seconds: float
    marker: str = ""


@dataclass
class Load:
    """What one run sent and received."""

    answers: list[Answer] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # markers of accepted posts
    lock: threading.Lock = field(default_factory=threading.Lock)
    half_accepted: threading.Event = field(default_factory=threading.Event)
    posts_expected: int = 0

    def record(self, answer: Answer, accepted: bool = False) -> None:
        with self.lock:
            self.answers.append(answer)
            if accepted:
                self.accepted.append(answer.marker)
                if len(self.accepted) >= self.posts_expected / 2:
                    self.half_accepted.set()


class FormFields(HTMLParser):
    """The hidden inputs of a page's feedback form, as a browser would send them back."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "hidden" and attributes.get("name"):
            self.hidden[attributes["name"]] = attributes.get("value") or ""


class Client:
    """One simulated resident: an address of its own and its cookies."""

    def __init__(self, stack: Stack, address: str) -> None:
        self.stack = stack
        self.address = address
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()  # a client may have several requests under way
        self.origin = "https://" + urllib.parse.urlsplit(stack.url).netloc
        self.opener = urllib.request.build_opener(NoRedirects)

    def request(self, path: str, data: bytes | None = None, content_type: str = ""):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Accept-Language": "de",
        }
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Content-Type"] = content_type
            headers["Origin"] = self.origin
        request = urllib.request.Request(self.stack.url + path, data=data, headers=headers)
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                status, body, head = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, body, head = error.code, error.read(), error.headers
        except (OSError, http.client.HTTPException):
            # Refused or reset, timed out, cut short: counted as a server failure.
            status, body, head = 599, b"", None
        seconds = time.perf_counter() - started
        with self.lock:
            for cookie in head.get_all("Set-Cookie", []) if head else []:
                name, _, rest = cookie.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return status, body, seconds


def message_text(marker: str) -> str:
    return f"Lasttest {marker}: Mehr Sprachkurse am Abend, bitte."


def post_through_the_api(client: Client, load: Load, page_id: int, marker: str) -> None:
    path = f"/api/v3/integration/feedback/{page_id}/"
    status, body, seconds = client.request(path)
    load.record(Answer("form", path, status, seconds))
    if status != 200:
        return
    form = json.loads(body)
    values = {"message": message_text(marker), "topic": "general", "consent": True}
    payload = json.dumps({"values": values, "token": form["token"]}).encode()
    status, _, seconds = client.request(path, payload, "application/json")
    load.record(Answer("post-api", path, status, seconds, marker), accepted=status == 201)


def post_through_the_form(client: Client, load: Load, form_url: str, marker: str) -> None:
    status, body, seconds = client.request(form_url)
    load.record(Answer("form", form_url, status, seconds))
    if status != 200:
        return
    fields = FormFields()
    fields.feed(body.decode())
    data = {**fields.hidden, "message": message_text(marker), "topic": "general"}
    data["consent"] = "on"
    payload = urllib.parse.urlencode(data).encode()
    status, _, seconds = client.request(form_url, payload, "application/x-www-form-urlencoded")
    load.record(Answer("post-html", form_url, status, seconds, marker), accepted=status == 303)


def get_page(client: Client, load: Load, path: str) -> None:
    status, _, seconds = client.request(path)
    load.record(Answer("page", path, status, seconds))


def restart_worker_halfway(stack: Stack, load: Load, report: dict) -> None:
    """Stop the worker (SIGTERM) when half of the posts are accepted; start it 2 s later."""
    load.half_accepted.wait()
    with load.lock:
        report["worker_stopped_after_posts"] = len(load.accepted)
    report["worker_exit_status"] = stack.stop_worker(signal.SIGTERM)
    time.sleep(2)  # posts go on meanwhile; their tasks wait in the database
    report["queued_while_stopped"] = stack.query(
        "from django_tasks_db.models import DBTaskResult\n"
        "result = DBTaskResult.objects.filter(status='READY').count()"
    )
    stack.start_worker()


def mail_markers(stack: Stack) -> Counter:
    """How often each post's marker arrived at the mail server."""
    found = Counter()
    for raw in stack.mails.received():
        message = message_from_bytes(raw, policy=default_policy)
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        found.update(set(re.findall(r"load-[0-9a-f]+-[0-9]+", text)))
    return found


def run_load(stack: Stack, pages: int, posts: int, clients: int, concurrency: int) -> dict:
    """Send the load and check the outcome; the report (with `problems`, empty if none)."""
    site = stack.query(PAGES_QUERY)
    page_paths = site["pages"] + [
        "/api/v2/pages/?type=wagtail_integration.MeasurePage&fields=*&limit=20",
        "/api/v3/integration/measures/?limit=50",
    ]
    form_id, form_url = site["forms"][0]
    run_id = os.urandom(3).hex()
    generator = random.Random(20261203)
    jobs = [("page", page_paths[i % len(page_paths)]) for i in range(pages)]
    jobs += [("post-api" if i % 2 else "post-html", f"load-{run_id}-{i}") for i in range(posts)]
    generator.shuffle(jobs)
    simulated = [Client(stack, f"198.51.{100 + i // 250}.{1 + i % 250}") for i in range(clients)]

    load = Load(posts_expected=posts)
    report: dict = {}
    restarter = threading.Thread(
        target=restart_worker_halfway, args=(stack, load, report), daemon=True
    )
    restarter.start()

    def job(index: int) -> None:
        kind, value = jobs[index]
        client = simulated[index % clients]
        if kind == "page":
            get_page(client, load, value)
        elif kind == "post-api":
            post_through_the_api(client, load, form_id, value)
        else:
            post_through_the_form(client, load, form_url, value)

    started = time.perf_counter()
    try:
        with ThreadPoolExecutor(max_workers=concurrency) as executor:
            list(executor.map(job, range(len(jobs))))
    finally:
        elapsed = time.perf_counter() - started
        load.half_accepted.set()  # if fewer than half were accepted, the restarter goes on
        restarter.join(120)

    deadline = time.monotonic() + DRAIN_SECONDS
    while time.monotonic() < deadline:
        if sum(mail_markers(stack).values()) >= len(load.accepted):
            break
        time.sleep(0.5)
    time.sleep(1)  # a mail sent twice would arrive now
    stored = stack.query(STORED_QUERY)
    mailed = mail_markers(stack)
    report.update(summary(load, elapsed, concurrency, clients))
    report["stored"] = len(stored["markers"])
    report["mails"] = sum(mailed.values())
    report["tasks"] = stored["tasks"]
    report["problems"] = problems(load, stored, mailed)
    return report


def summary(load: Load, elapsed: float, concurrency: int, clients: int) -> dict:
    def percentiles(kinds: tuple[str, ...]) -> dict:
        times = sorted(answer.seconds * 1000 for answer in load.answers if answer.kind in kinds)
        if not times:
            return {"count": 0, "p50": 0.0, "p95": 0.0}
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        return {"count": len(times), "p50": statistics.median(times), "p95": p95}

    return {
        "requests": len(load.answers),
        "seconds": elapsed,
        "throughput": len(load.answers) / elapsed,
        "concurrency": concurrency,
        "clients": clients,
        "pages": percentiles(("page",)),
        "forms": percentiles(("form",)),
        "posts": percentiles(("post-api", "post-html")),
        "accepted": len(load.accepted),
        "statuses": dict(Counter(answer.status for answer in load.answers)),
    }


EXPECTED_STATUS = {"page": {200}, "form": {200}, "post-api": {201}, "post-html": {303}}


def problems(load: Load, stored: dict, mailed: Counter) -> list[str]:
    found = []
    unexpected = [a for a in load.answers if a.status not in EXPECTED_STATUS[a.kind]]
    server_errors = [a for a in unexpected if a.status >= 500]
    if server_errors:
        found.append(f"{len(server_errors)} answers were 5xx, e.g. {server_errors[0]}")
    if len(unexpected) > len(server_errors):
        other = [a for a in unexpected if a.status < 500]
        found.append(f"{len(other)} answers had an unexpected status, e.g. {other[0]}")
    accepted = Counter(load.accepted)
    stored_markers = Counter(stored["markers"])
    if stored_markers != accepted:
        missing = set(accepted) - set(stored_markers)
        extra = set(stored_markers) - set(accepted)
        twice = [m for m, n in stored_markers.items() if n > 1]
        found.append(
            f"stored rows differ from accepted posts: {len(missing)} missing, "
            f"{len(extra)} not accepted, {len(twice)} stored twice"
        )
    if mailed != stored_markers:
        unsent = set(stored_markers) - set(mailed)
        twice = [m for m, n in mailed.items() if n > 1]
        found.append(
            f"mails differ from stored rows: {len(unsent)} not sent, {len(twice)} sent twice"
        )
    unfinished = {s: n for s, n in stored["tasks"].items() if s != "SUCCESSFUL"}
    if unfinished:
        found.append(f"unfinished notification tasks: {unfinished}")
    return found


def report_text(stack: Stack, report: dict, arguments: argparse.Namespace) -> str:
    import django
    import wagtail

    lines = [
        f"{datetime.date.today().isoformat()}, {platform.machine()} with {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}; database: {stack.database}, cache: {stack.cache}; "
        f"gunicorn with 2 processes of 4 threads and one task worker on the same machine; "
        f"`python -m benchmarks.load --pages {arguments.pages} --posts {arguments.posts} "
        f"--clients {arguments.clients} --concurrency {arguments.concurrency}`.",
        "",
        "| requests | concurrency | seconds | requests/s | what | count | p50 ms | p95 ms |",
        "|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for label, key in (("page GETs", "pages"), ("form GETs", "forms"), ("posts", "posts")):
        part = report[key]
        lines.append(
            f"| {report['requests']:,} | {report['concurrency']} | {report['seconds']:.1f} "
            f"| {report['throughput']:.1f} | {label} | {part['count']:,} "
            f"| {part['p50']:.0f} | {part['p95']:.0f} |"
        )
    statuses = ", ".join(f"{code}: {n}" for code, n in sorted(report["statuses"].items()))
    lines += [
        "",
        f"Answers by status: {statuses}. Accepted posts: {report['accepted']}, stored rows: "
        f"{report['stored']}, mails received by the SMTP server: {report['mails']}, "
        f"notification tasks: {report['tasks']}. The worker was stopped with SIGTERM after "
        f"{report.get('worker_stopped_after_posts', '?')} accepted posts (exit status "
        f"{report.get('worker_exit_status', '?')}); {report.get('queued_while_stopped', '?')} "
        "notifications waited in the database until it was started again.",
        "",
        "**Checks: " + ("all passed**" if not report["problems"] else "FAILED**"),
    ]
    lines += [f"- {problem}" for problem in report["problems"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--output", default="benchmarks/results.md")
    parser.add_argument("--workdir", help="keep the stack's files and logs here")
    arguments = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

    with tempfile.TemporaryDirectory(prefix="wi-load-") as temporary:
        workdir = Path(arguments.workdir or temporary)
        with production_stack(workdir, database_url=os.environ.get("DATABASE_URL")) as stack:
            report = run_load(
                stack, arguments.pages, arguments.posts, arguments.clients, arguments.concurrency
            )
            text = report_text(stack, report, arguments)
            print(text)
            if report["problems"]:
                print(stack.logs(), file=sys.stderr)
            write_section(
                Path(arguments.output),
                f"load-{stack.database}",
                f"Load test ({stack.database})",
                text,
            )
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
