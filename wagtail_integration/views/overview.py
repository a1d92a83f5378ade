"""The measures overview of a concept (``<concept URL>measures/``): every live, public measure,
filtered by phase, working group and status with plain GET parameters, sorted, paged.

Filters are read leniently: a value that names nothing of this concept (an unknown status, a
phase of another concept, a malformed number) is ignored, and the page says which filters it
applied. Only a page number past the last page is an error (404), as a page that does not
exist.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .. import conf
from ..charts import status_bar
from ..models import ConceptPhasePage, MeasureStatus, WorkingGroupPage
from ..models.listings import measures_of_concept, private_sections, status_counts, visible

# Page ids are positive database integers; longer input is not a page number.
MAX_NUMBER_DIGITS = 9

SORTS = {
    "title": (_("Title (A–Z)"), ("title", "path")),
    "start": (_("Start date (newest first)"), (F("start_date").desc(nulls_last=True), "path")),
    "changed": (
        pgettext_lazy("sort order", "Last change (newest first)"),
        (F("last_published_at").desc(nulls_last=True), "path"),
    ),
}
DEFAULT_SORT = "title"


def parse_number(value: str | None) -> int | None:
    """A positive integer of at most `MAX_NUMBER_DIGITS` digits, else None."""
    if value is None:
        return None
    value = value.strip()
    if not value.isascii() or not value.isdigit() or len(value) > MAX_NUMBER_DIGITS:
        return None
    number = int(value)
    return number if number >= 1 else None


@dataclass
class MeasureFilters:
    """The filters of one request, each None when not given or not valid here."""

    phase: ConceptPhasePage | None = None
    group: WorkingGroupPage | None = None
    status: str | None = None
    sort: str = DEFAULT_SORT
    page: int = 1
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def from_request(
        cls, request: HttpRequest, phases: list[ConceptPhasePage], groups: list[WorkingGroupPage]
    ) -> "MeasureFilters":
        """Read the filters of `request`; values not among `phases`, `groups` and the
        statuses are ignored and named in ``ignored``."""
        query = request.GET
        filters = cls()
        phase_id = parse_number(query.get("phase"))
        filters.phase = next((p for p in phases if p.pk == phase_id), None)
        group_id = parse_number(query.get("group"))
        filters.group = next((g for g in groups if g.pk == group_id), None)
        status = query.get("status")
        filters.status = status if status in MeasureStatus.values else None
        sort = query.get("sort")
        filters.sort = sort if sort in SORTS else DEFAULT_SORT
        filters.page = parse_number(query.get("page")) or 1
        for name, applied in (
            ("phase", filters.phase),
            ("group", filters.group),
            ("status", filters.status),
            ("sort", sort in SORTS),
            ("page", parse_number(query.get("page"))),
        ):
            if query.get(name) not in (None, "") and not applied:
                filters.ignored.append(name)
        return filters

    def apply(self, measures: QuerySet, by_status: bool = True) -> QuerySet:
        """`measures` filtered (by status too unless `by_status` is false) and sorted."""
        if self.phase is not None:
            measures = measures.filter(path__startswith=self.phase.path)
        if self.group is not None:
            measures = measures.filter(path__startswith=self.group.path)
        if self.status is not None and by_status:
            measures = measures.filter(status=self.status)
        return measures.order_by(*SORTS[self.sort][1])

    def query(self, **changes) -> dict[str, str]:
        """The query string's parameters of these filters (defaults left out), with
        `changes`."""
        values = {
            "phase": self.phase.pk if self.phase else None,
            "group": self.group.pk if self.group else None,
            "status": self.status,
            "sort": self.sort if self.sort != DEFAULT_SORT else None,
            "page": self.page if self.page != 1 else None,
        }
        values.update(changes)
        return {name: str(value) for name, value in values.items() if value is not None}

    def url(self, base: str, **changes) -> str:
        query = urlencode(self.query(**changes))
        return f"{base}?{query}" if query else base


def _selection_caption(filters: MeasureFilters, concept) -> str:
    """What the overview's chart counts: the chosen group, else the chosen phase, else the
    concept (the status filter does not narrow the chart)."""
    if filters.group is not None:
        return filters.group.title
    if filters.phase is not None:
        return filters.phase.title
    return concept.title


def measures_overview(request: HttpRequest, concept) -> TemplateResponse:
    """The overview page (see the module's docstring)."""
    private = private_sections(request)
    phases = list(concept.get_phases(private))
    groups = list(
        visible(WorkingGroupPage.objects.descendant_of(concept), private).order_by("path")
    )
    phase_titles = {phase.pk: phase.title for phase in phases}
    for group in groups:
        group.phase_title = phase_titles.get(
            next((p.pk for p in phases if group.path.startswith(p.path)), None), ""
        )
    groups = [group for group in groups if group.phase_title]  # below a live phase
    filters = MeasureFilters.from_request(request, phases, groups)
    all_measures = measures_of_concept(concept, private)
    measures = filters.apply(all_measures).defer_streamfields()
    paginator = Paginator(measures, conf.measures_per_page())
    if filters.page > paginator.num_pages:
        raise Http404("There is no such page of measures.")
    page_of_measures = paginator.page(filters.page)
    group_titles = {group.pk: group.title for group in groups}
    for measure in page_of_measures:
        measure.working_group_title = group_titles.get(measure.working_group_id, "")
        measure.phase_title = phase_titles.get(measure.phase_id, "")
    base = concept.subpage_url("measures", request)
    context = {
        "page": concept,
        "self": concept,
        "request": request,
        "filters": filters,
        "phases": phases,
        "groups": groups,
        "statuses": MeasureStatus.choices,
        "sorts": [(value, label) for value, (label, _order) in SORTS.items()],
        "measures": page_of_measures,
        "result_count": paginator.count,
        # The selection's measures by status, whichever status is chosen.
        "status_chart": status_bar(
            status_counts(filters.apply(all_measures, by_status=False), MeasureStatus),
            chart_id="wi-chart-overview",
        ),
        "status_chart_caption": _selection_caption(filters, concept),
        "overview_url": base,
        "reset_url": base,
        "previous_url": filters.url(base, page=page_of_measures.previous_page_number())
        if page_of_measures.has_previous()
        else None,
        "next_url": filters.url(base, page=page_of_measures.next_page_number())
        if page_of_measures.has_next()
        else None,
        "csv_url": concept.subpage_url("measures_csv", request),
        "json_url": concept.subpage_url("measures_json", request),
        "datapackage_url": concept.subpage_url("measures_datapackage", request),
        # The query this answer shows: the page cache keeps it only for exactly this one
        # (page_cache.shows_requested_page), so that made-up parameters cannot fill it.
        "canonical_query": filters.query(page=filters.page if filters.page != 1 else None),
    }
    return TemplateResponse(request, "wagtail_integration/measures_overview_page.html", context)
