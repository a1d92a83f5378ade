"""Query helpers for the listings on concept, phase and working-group pages.

Each helper runs a fixed number of queries, however many pages it lists, and no page lists
more than a bounded number of measures: a page of them, or the first few of each group.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Avg, Case, CharField, Count, Q, QuerySet, Value, When
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction


def restricted_paths(request: HttpRequest | None = None) -> list[str]:
    """The tree paths of the pages with a view restriction: one query, read once per request
    when `request` is given (Wagtail's ``PageQuerySet.public()`` reads the restrictions anew
    on every call, two or three times in one page view)."""
    cached = getattr(request, "_wi_restricted_paths", None)
    if cached is not None:
        return cached
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if request is not None:
        request._wi_restricted_paths = paths
    return paths


def private_sections(request: HttpRequest | None = None) -> Q:
    """The view-restricted sections of the tree, as a filter (see `restricted_paths`)."""
    sections = Q(pk__in=[])
    for path in restricted_paths(request):
        sections |= Q(path__startswith=path)
    return sections


def is_restricted(page: Page, request: HttpRequest | None = None) -> bool:
    """Whether `page` lies in a view-restricted section (see `restricted_paths`)."""
    return any(page.path.startswith(path) for path in restricted_paths(request))


def visible(pages: QuerySet, private: Q) -> QuerySet:
    """The live pages of `pages` outside the private sections."""
    return pages.live().exclude(private)


def parent_path(page: Page) -> str:
    """The treebeard path of a page's parent, derived without a query."""
    return page.path[: -Page.steplen]


def group_measures_by_parent(measures: Iterable[Page]) -> dict[str, list[Page]]:
    """Map each parent's path to its measures, in tree order (one query for all)."""
    by_parent: dict[str, list[Page]] = defaultdict(list)
    for measure in measures:
        by_parent[parent_path(measure)].append(measure)
    return by_parent


def without_unpublished_branches(pages: QuerySet, root: Page) -> QuerySet:
    """Leave out pages below a draft or unpublished page under `root` (one query for those)."""
    hidden_paths = Page.objects.descendant_of(root).not_live().values_list("path", flat=True)
    for path in hidden_paths:
        pages = pages.exclude(path__startswith=path)
    return pages


def _parent_path():
    # The parent's treebeard path, computed by the database.
    return Substr("path", 1, Length("path") - Page.steplen)


def count_by_parent(pages: QuerySet) -> Counter:
    """Count pages per parent path (one aggregate query, nothing per page in Python)."""
    rows = pages.order_by().values(parent=_parent_path()).annotate(count=Count("pk"))
    return Counter({row["parent"]: row["count"] for row in rows})


def first_children(pages: QuerySet, parents: Iterable[Page], per_parent: int) -> dict:
    """The first `per_parent` of `pages` under each of `parents`, in tree order, by parent
    path. One query, whose cost does not grow with the number of pages: each parent's first
    few are read from the path index (a window function over all of them took 19 ms at
    3,000 measures)."""
    firsts = Q(pk__in=[])
    for parent in parents:
        children = pages.filter(path__startswith=parent.path, depth=parent.depth + 1)
        firsts |= Q(pk__in=children.order_by("path").values("pk")[:per_parent])
    return group_measures_by_parent(pages.filter(firsts).order_by("path"))


def paginate(request: HttpRequest, pages: QuerySet, per_page: int) -> PaginatorPage:
    """One page of `pages`, chosen by the request's ``?page=`` (two queries: the count and
    the page). A missing, malformed or too large number gives the first or the last page,
    never an error, as Django's ``Paginator.get_page`` does."""
    return Paginator(pages, per_page).get_page(request.GET.get("page"))


def status_counts(pages: QuerySet, choices) -> list[dict]:
    """Count pages per status, in the order of the status choices, leaving out zeros."""
    rows = pages.order_by().values("status").annotate(count=Count("pk"))
    return status_rows({row["status"]: row["count"] for row in rows}, choices)


def status_rows(counts, choices) -> list[dict]:
    """``{"status", "label", "count"}`` for each status of `counts` (status -> count), in
    the order of the status choices, leaving out zeros."""
    return [
        {"status": value, "label": label, "count": counts[value]}
        for value, label in choices.choices
        if counts.get(value)
    ]


def measures_of_concept(concept: Page, private: Q) -> QuerySet:
    """The live measures below `concept`, outside the `private` sections and outside
    unpublished phases and groups (two queries when evaluated: the hidden sections, then
    the measures)."""
    from .measures import MeasurePage  # measures imports this module's neighbours

    measures = visible(MeasurePage.objects.descendant_of(concept), private)
    return without_unpublished_branches(measures, concept)


# The key under which `status_counts_below` counts the pages at the given depth itself
# (a phase's own measures, beside those of its groups).
AT_DEPTH = ""


def status_counts_below(pages: QuerySet, depth: int, choices) -> dict[str, dict]:
    """Count `pages` by status for each of their ancestors at tree `depth` (the phases of a
    concept, the groups of a phase), with the mean progress of those that have one; pages
    at `depth` itself count under ``AT_DEPTH``. One aggregate query. By ancestor path:
    ``{"rows": [as status_counts], "total": n, "mean_progress": float | None,
    "with_progress": n}``; ``summed(...)`` adds them up."""
    bucket = Case(
        When(depth=depth, then=Value(AT_DEPTH)),
        default=Substr("path", 1, depth * Page.steplen),
        output_field=CharField(),
    )
    grouped = (
        pages.filter(depth__gte=depth)
        .order_by()
        .values("status", ancestor=bucket)
        .annotate(
            count=Count("pk"), mean_progress=Avg("progress"), with_progress=Count("progress")
        )
    )
    found: dict[str, dict] = defaultdict(lambda: {"counts": {}, "progress_sum": 0.0, "n": 0})
    for row in grouped:
        entry = found[row["ancestor"]]
        entry["counts"][row["status"]] = row["count"]
        if row["with_progress"]:
            entry["progress_sum"] += row["mean_progress"] * row["with_progress"]
            entry["n"] += row["with_progress"]
    summaries = {}
    for path, entry in found.items():
        rows = status_rows(entry["counts"], choices)
        summaries[path] = {
            "rows": rows,
            "total": sum(row["count"] for row in rows),
            "mean_progress": entry["progress_sum"] / entry["n"] if entry["n"] else None,
            "with_progress": entry["n"],
        }
    return summaries


def summed(summaries: dict[str, dict], choices) -> list[dict]:
    """The status rows of all of `status_counts_below`'s summaries together."""
    totals: Counter = Counter()
    for summary in summaries.values():
        for row in summary["rows"]:
            totals[row["status"]] += row["count"]
    return status_rows(totals, choices)
