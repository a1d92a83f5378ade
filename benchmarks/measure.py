"""Build a concept of a given size, and the same tree of plain Wagtail pages, and measure
both side by side: queries, median time of interleaved requests, HTML bytes, and the peak
memory of one request.

Used by `make bench` (`benchmarks/run.py`) and, at the smallest size, by a test, so that it
cannot rot.
"""

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page, Site

from tests.factories import (
    make_concept,
    make_feedback_page,
    make_group,
    make_indicator,
    make_measure,
    make_phase,
)
from wagtail_integration import page_cache
from wagtail_integration.feedback import spam, status

from .baseline.models import (
    BaselineConceptPage,
    BaselineFormField,
    BaselineFormPage,
    BaselineGroupPage,
    BaselineMeasurePage,
    BaselinePhasePage,
)

STATUSES = ["proposed", "planned", "in_progress", "implemented", "discontinued"]
TOPICS = ["Arbeit", "Sprache", "Bildung", "Wohnen", "Gesundheit", "Zusammenleben"]
SUMMARY = "Die Stadt und ihre Partner bieten mehr Sprachkurse am Abend an."
MESSAGE = "Mehr Sprachkurse am Abend, bitte."
# Two phases of three working groups each, as the seed city's concept has six in all.
PHASES, GROUPS_PER_PHASE = 2, 3
# The measured working group's indicators: 10 of 20 half-yearly values each (issue 14).
INDICATORS, VALUES_PER_INDICATOR = 10, 20


def _measure_fields(number: int) -> dict:
    return {
        "title": f"Maßnahme {number}",
        "summary": SUMMARY,
        "status": STATUSES[number % len(STATUSES)],
        "progress": (number * 7) % 101,
    }


def build_concept(root: Page, measures: int) -> dict[str, str]:
    """The package's tree with `measures` measures; the URLs of a page of each kind."""
    concept = make_concept(root, title="Integrationskonzept", slug="konzept")
    per_group = measures // (PHASES * GROUPS_PER_PHASE)
    number = 0
    for p in range(1, PHASES + 1):
        phase = make_phase(
            concept,
            title=f"Phase {p}",
            slug=f"phase-{p}",
            number=p,
            status="completed" if p < PHASES else "in_implementation",
        )
        for g in range(GROUPS_PER_PHASE):
            group = make_group(phase, title=TOPICS[(p - 1) * GROUPS_PER_PHASE + g])
            for _ in range(per_group):
                number += 1
                measure = make_measure(group, **_measure_fields(number))
    feedback = make_feedback_page(
        concept, to_address="beirat@city.example", from_address="web@city.example"
    )
    publish_suggestions(feedback, group, measure, count=max(measures // 6, 20))
    add_indicators(group, measure)
    return {
        "status_page": status_page_of_a_submission(feedback),
        "concept": concept.url,
        "phase": phase.url,
        "working_group": group.url,
        "measure": measure.url,
        "feedback": feedback.url,
    }


def publish_suggestions(feedback, group, measure, count: int) -> None:
    """`count` answered suggestions published with their residents' consent, each about
    `group`, every third linked to `measure` (the one whose page is measured)."""
    from django.utils import timezone

    from wagtail_integration.feedback.models import FeedbackSubmission

    now = timezone.now()
    submissions = FeedbackSubmission.objects.bulk_create(
        FeedbackSubmission(
            page=feedback,
            form_data={"message": MESSAGE, "topic": "", "name": "", "email": ""},
            language="de",
            topic=group,
            status="answered",
            publish_consent=True,
            is_public=True,
            public_message=f"{MESSAGE} ({n})",
            answer=f"<p>{SUMMARY}</p>",
            answer_language="de",
            answered_at=now,
        )
        for n in range(count)
    )
    through = FeedbackSubmission.measures.through
    through.objects.bulk_create(
        through(feedbacksubmission_id=submission.pk, measurepage_id=measure.pk)
        for submission in submissions[::3]
    )


def status_page_of_a_submission(feedback) -> str:
    """A stored submission's private status page, as its resident opens it."""
    form_token_hash = spam.token_hash(f"bench-{feedback.pk}")
    feedback.get_submission_class().objects.create(
        page=feedback,
        form_data={"message": MESSAGE, "topic": "general"},
        language="de",
        token_hash=form_token_hash,
        status_token_hash=status.token_hash(status.token_for(form_token_hash)),
    )
    return status.status_path(feedback, status.token_for(form_token_hash))


def build_baseline(root: Page, measures: int) -> dict[str, str]:
    """The same tree of plain Wagtail pages and Wagtail's stock email form page."""
    concept = root.add_child(instance=BaselineConceptPage(title="Baseline", slug="baseline"))
    per_group = measures // (PHASES * GROUPS_PER_PHASE)
    number = 0
    for p in range(1, PHASES + 1):
        phase = concept.add_child(instance=BaselinePhasePage(title=f"Phase {p}", slug=f"p-{p}"))
        for g in range(GROUPS_PER_PHASE):
            group = phase.add_child(
                instance=BaselineGroupPage(title=TOPICS[(p - 1) * 3 + g], slug=f"g-{p}-{g}")
            )
            for _ in range(per_group):
                number += 1
                fields = _measure_fields(number)
                measure = group.add_child(
                    instance=BaselineMeasurePage(slug=f"m-{number}", **fields)
                )
    form = concept.add_child(
        instance=BaselineFormPage(
            title="Anregungen",
            slug="anregungen",
            to_address="beirat@city.example",
            from_address="web@city.example",
        )
    )
    for order, (label, kind, extra) in enumerate(
        [
            ("Ihre Nachricht", "multiline", {"required": True}),
            ("Thema", "dropdown", {"choices": "\n".join(TOPICS)}),
            ("Name", "singleline", {}),
            ("E-Mail", "email", {}),
            ("Einwilligung", "checkbox", {"required": True}),
        ]
    ):
        BaselineFormField.objects.create(
            page=form, sort_order=order, label=label, field_type=kind, **extra
        )
    return {
        "concept": concept.url,
        "phase": phase.url,
        "working_group": group.url,
        "measure": measure.url,
        "feedback": form.url,
    }


def add_indicators(group, measure) -> None:
    """The group's indicators, each with a baseline, a target, a comparison series on every
    other value, and the measure meant to move it."""
    for number in range(INDICATORS):
        values = [
            (
                f"{2015 + step // 2}-H{step % 2 + 1}",
                30 + number + step * 1.5,
                *([60 + step * 0.5] if step % 2 else []),
            )
            for step in range(VALUES_PER_INDICATOR)
        ]
        indicator = make_indicator(
            group,
            title=f"Indikator {number + 1}",
            code=f"E{number + 1}",
            baseline_period="2015-H1",
            baseline_value=30 + number,
            target_period="2026",
            target_value=70,
            comparison_label="Gesamtbevölkerung",
            values=values,
        )
        indicator.measures.set([measure])
        indicator.save()


def build(measures: int) -> tuple[dict[str, str], dict[str, str]]:
    """Both trees under the default site's root page."""
    root = Site.objects.get(is_default_site=True).root_page
    return build_concept(root, measures), build_baseline(root, measures)


# A request of one kind: `prepare` runs untimed before each request (a fresh form token),
# `send` is timed; `settings` apply while the pair is measured.
@dataclass
class Request:
    send: Callable[[Client, dict], object]
    prepare: Callable[[Client], dict] = lambda client: {}
    settings: dict = field(default_factory=dict)


# Production's task backend (docs/deployment.md): a post queues its notification for the
# worker. Without TASKS, django-tasks runs it at once, inside the request.
WORKER_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def get(url: str) -> Request:
    return Request(send=lambda client, _data: client.get(url))


def rendered(url: str) -> Request:
    """GET `url` with the page cache forgotten first, as after an editor's publish."""

    def forget(_client: Client) -> dict:
        page_cache.invalidate()
        return {}

    return Request(send=lambda client, _data: client.get(url), prepare=forget)


def _our_form_values(client: Client, url: str) -> dict:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    token = soup.find("input", {"name": spam.TOKEN_FIELD})["value"]
    return {
        spam.TOKEN_FIELD: token,
        spam.HONEYPOT_FIELD: "",
        "topic": "general",
        "message": MESSAGE,
        "consent": "on",
    }


def _baseline_form_values(client: Client, url: str) -> dict:
    return {
        "ihre_nachricht": MESSAGE,
        "thema": TOPICS[0],
        "name": "",
        "e_mail": "",
        "einwilligung": "on",
    }


def requests(ours: dict[str, str], baseline: dict[str, str]) -> dict[str, tuple[Request, Request]]:
    """Each kind of request, for the package and for its baseline."""
    # What a visitor gets (the page cache keeps a rendered page), and the first visit after
    # a change (the cache forgotten before each request, untimed): the rendering itself.
    kinds = {}
    for kind in ["concept", "phase", "working_group", "measure"]:
        kinds[kind] = (get(ours[kind]), get(baseline[kind]))
        kinds[f"{kind}, rendered"] = (rendered(ours[kind]), get(baseline[kind]))
    overview, baseline_overview = ours["concept"] + "measures/", baseline["concept"] + "measures/"
    filtered = "?status=in_progress"
    kinds["overview"] = (get(overview), get(baseline_overview))
    kinds["overview, rendered"] = (rendered(overview), get(baseline_overview))
    kinds["overview, status filter, rendered"] = (
        rendered(overview + filtered),
        get(baseline_overview + filtered),
    )
    kinds["CSV export, rendered"] = (rendered(overview + "csv/"), get(baseline_overview + "csv/"))
    kinds["JSON export, rendered"] = (
        rendered(overview + "json/"),
        get(baseline_overview + "csv/"),
    )
    kinds["feedback GET"] = (get(ours["feedback"]), get(baseline["feedback"]))
    # A resident's own submission by its status link, against the stock form page: the
    # plainest page Wagtail serves for a form.
    kinds["feedback status page"] = (get(ours["status_page"]), get(baseline["feedback"]))
    # "You said, we did": 20 published suggestions a page, against the hand-written paged
    # listing of the baseline's overview.
    answers = ours["feedback"] + "answers/"
    kinds["public suggestions"] = (get(answers), get(baseline_overview))
    kinds["public suggestions, rendered"] = (rendered(answers), get(baseline_overview))
    baseline_post = Request(
        prepare=lambda client: _baseline_form_values(client, baseline["feedback"]),
        send=lambda client, data: client.post(baseline["feedback"], data),
    )
    for kind, tasks in [
        ("feedback POST (mail by the task worker)", WORKER_TASKS),
        ("feedback POST (mail in the request)", None),
    ]:
        our_post = Request(
            prepare=lambda client: _our_form_values(client, ours["feedback"]),
            send=lambda client, data: client.post(ours["feedback"], data),
            settings={"TASKS": tasks} if tasks else {},
        )
        kinds[kind] = (our_post, baseline_post)
    kinds["API v2 measures, fields=*"] = (
        get("/api/v2/pages/?type=wagtail_integration.MeasurePage&fields=*&limit=20"),
        get("/api/v2-stock/pages/?type=baseline.BaselineMeasurePage&fields=*&limit=20"),
    )
    kinds["API v3 measures, limit 500"] = (
        get("/api/v3/integration/measures/?limit=500"),
        get("/api/v3/pages/?type=baseline.BaselineMeasurePage&fields=*&limit=500"),
    )
    # Issue 14: the indicators (10 of 20 values, on the working group page above) in their
    # CSV and JSON exports and the API v3 list, against the baseline's CSV and page listing.
    kinds["indicators CSV export, rendered"] = (
        rendered(ours["concept"] + "indicators/csv/"),
        get(baseline_overview + "csv/"),
    )
    kinds["indicators JSON export, rendered"] = (
        rendered(ours["concept"] + "indicators/json/"),
        get(baseline_overview + "csv/"),
    )
    kinds["API v3 indicators"] = (
        get("/api/v3/integration/indicators/"),
        get("/api/v3/pages/?type=baseline.BaselineMeasurePage&fields=*&limit=20"),
    )
    return kinds


@dataclass
class Result:
    queries: int
    bytes: int
    peak_kib: float
    median_ms: float
    status: int


def _once(client: Client, request: Request):
    data = request.prepare(client)
    started = time.perf_counter()
    response = request.send(client, data)
    return response, time.perf_counter() - started


def measure_pair(ours: Request, baseline: Request, rounds: int) -> tuple[Result, Result]:
    """Queries, bytes and peak memory of one request each, then the medians of `rounds`
    interleaved requests (ours and the baseline taking turns to go first)."""
    with override_settings(**ours.settings):
        return _measure_pair(ours, baseline, rounds)


def _measure_pair(ours: Request, baseline: Request, rounds: int) -> tuple[Result, Result]:
    client = Client()
    results = []
    for request in (ours, baseline):
        _once(client, request)  # warm Wagtail's per-process caches
        data = request.prepare(client)
        with CaptureQueriesContext(connection) as queries:
            response = request.send(client, data)
        # Counted now: the next request's request_started signal empties the query log.
        query_count = len(queries)
        data = request.prepare(client)
        tracemalloc.start()
        request.send(client, data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if response.status_code not in (200, 303):
            raise RuntimeError(
                f"{response.status_code} instead of a page: {response.content[:300]}"
            )
        results.append((query_count, len(response.content), peak / 1024, response.status_code))
    times: tuple[list[float], list[float]] = ([], [])
    for round_number in range(rounds):
        order = (0, 1) if round_number % 2 == 0 else (1, 0)
        for side in order:
            _response, seconds = _once(client, (ours, baseline)[side])
            times[side].append(seconds)
    return tuple(
        Result(
            queries=queries,
            bytes=size,
            peak_kib=peak,
            median_ms=statistics.median(side_times) * 1000,
            status=status,
        )
        for (queries, size, peak, status), side_times in zip(results, times, strict=True)
    )


def measure_all(measures: int, rounds: int) -> list[dict]:
    """Build both trees with `measures` measures and measure every kind of request."""
    ours, baseline = build(measures)
    rows = []
    for kind, (our_request, baseline_request) in requests(ours, baseline).items():
        our, base = measure_pair(our_request, baseline_request, rounds)
        rows.append({"measures": measures, "kind": kind, "ours": our, "baseline": base})
    return rows
