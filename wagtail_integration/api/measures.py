"""A list of measures with everything a front-end shows about each, in one request.

Wagtail's own page listings return only base fields in API v3; this list adds the status
(value and label), progress, dates, group and phase, with filters, at a fixed query count.
Like Wagtail's pages endpoint, it lists only the pages of the request's site.
"""

from datetime import date, datetime
from functools import lru_cache
from typing import Literal

from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from wagtail.models import Page, Site

from .. import i18n
from ..models import (
    ConceptPhasePage,
    MeasurePage,
    MeasureStatus,
    WorkingGroupPage,
)
from .errors import MAX_PAGE_ID, InvalidParameters, InvalidParametersProblem
from .fields import attach_measure_data

router = Router(tags=["integration measures"])

StatusValue = Literal[tuple(MeasureStatus.values)]  # type: ignore[valid-type]

MAX_LIMIT = 500
# A language code as Django and Wagtail spell it: "de", "pt-br", "zh-hans", "sr_Latn".
LANGUAGE_CODE_PATTERN = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$"


class MeasureFilters(Schema):
    status: StatusValue | None = Field(None, description="Only measures with this status.")
    working_group: int | None = Field(
        None, ge=1, le=MAX_PAGE_ID, description="Only measures of this working group."
    )
    phase: int | None = Field(
        None, ge=1, le=MAX_PAGE_ID, description="Only measures of this phase."
    )
    concept: int | None = Field(
        None, ge=1, le=MAX_PAGE_ID, description="Only measures below this concept page."
    )
    locale: str | None = Field(
        None,
        max_length=35,
        pattern=LANGUAGE_CODE_PATTERN,
        description="Only measures in this language, e.g. 'de'.",
    )


class BoundedPagination(LimitOffsetPagination):
    """django-ninja's limit/offset paging with a bounded offset.

    django-ninja bounds ``limit`` (through ``max_limit``) but not ``offset``: an offset beyond
    the database's integer range reaches SQL's OFFSET and fails there (a 500 on SQLite).
    No site holds more pages than page ids exist, so a larger offset could only give an
    empty page; it is refused with 422 like every other invalid parameter.
    """

    class Input(LimitOffsetPagination.Input):
        limit: int = Field(
            100, ge=1, description=f"Items per page; larger values count as {MAX_LIMIT}."
        )
        offset: int = Field(0, ge=0, le=MAX_PAGE_ID, description="Items to skip.")


class MeasurePagination(BoundedPagination):
    def paginate_queryset(self, queryset, pagination, request=None, **params):
        """One page of measures, each with its history and its suggestions read in one query
        each for the page."""
        page = super().paginate_queryset(queryset, pagination, request=request, **params)
        measures = list(page[self.items_attribute])
        attach_measure_data(measures)
        page[self.items_attribute] = measures
        return page


class HistoryItem(Schema):
    date: date
    status: str
    status_label: str
    progress: int | None
    note: str
    document: str | None


class SuggestionItem(Schema):
    id: int
    text: str = Field(description="The suggestion as published, without the sender's name.")
    language: str = Field(description="The language the resident wrote in.")
    answer: str = Field(description="The board's answer as HTML (paragraphs and links).")
    answer_language: str
    answered_at: datetime | None


LISTED_COLUMNS = (
    "id",
    "translation_key",
    "title",
    "path",
    "depth",
    "url_path",
    "locale__language_code",
    "summary",
    "status",
    "progress",
    "start_date",
    "end_date",
)


class MeasureItem(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    summary: str
    status: str
    status_label: str
    progress: int | None
    start_date: date | None
    end_date: date | None
    working_group: int | None
    phase: int | None
    history: list[HistoryItem] = Field(
        description="Every published change of status or progress, oldest first."
    )
    suggestions: list[SuggestionItem] = Field(
        description=(
            "Residents' published suggestions that led to the measure, with the board's "
            "answers, newest answer first (never a name or an address)."
        )
    )

    @staticmethod
    def resolve_suggestions(measure) -> list[dict]:
        return [suggestion.as_data() for suggestion in getattr(measure, "linked_suggestions", [])]

    @staticmethod
    def resolve_history(measure, context) -> list[dict]:
        language = i18n.page_language(measure)
        with translation.override(language):
            return [
                entry.as_data(context["request"])
                for entry in getattr(measure, "history_entries_read", [])
            ]

    @staticmethod
    def resolve_url(measure, context) -> str | None:
        return measure.get_full_url(context["request"])

    @staticmethod
    def resolve_status_label(measure) -> str:
        return status_label(measure.status, i18n.page_language(measure))

    @staticmethod
    def resolve_locale(measure) -> str:
        return measure.locale.language_code

    @staticmethod
    def resolve_working_group(measure) -> int | None:
        return measure.working_group_id

    @staticmethod
    def resolve_phase(measure) -> int | None:
        return measure.phase_id


@lru_cache(maxsize=512)
def status_label(status: str, language: str) -> str:
    """A status's label in `language`, looked up once per process: the catalogs are fixed
    while it runs, and switching the language for each item of a long list was a fifth of
    the list's time."""
    with translation.override(language):
        return str(MeasureStatus(status).label) if status in MeasureStatus.values else status


def in_request_site(request: HttpRequest) -> Q | None:
    """The pages of the request's site, as Wagtail's pages endpoint scopes them.

    With i18n on, a site's pages in other languages live below the translations of its root
    page, so these count too. None if the request matches no site (and there is no default).
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    roots = [site.root_page]
    if i18n.i18n_enabled():
        roots += site.root_page.get_translations().only("path", "depth")
    condition = Q()
    for root in roots:
        condition |= Page.objects.descendant_of_q(root, inclusive=True)
    return condition


@router.get(
    "/measures/",
    response={200: list[MeasureItem], 422: InvalidParameters | InvalidParametersProblem},
    url_name="integration_measures",
    summary="List measures",
    operation_id="integration_measures",
    auth=None,
)
@paginate(MeasurePagination, max_limit=MAX_LIMIT)
def list_measures(request: HttpRequest, filters: MeasureFilters = Query(...)):  # noqa: B008
    """Live, public measures of the request's site in tree order.

    Labels are in each measure's own language. Invalid parameters give 422.
    """
    site_pages = in_request_site(request)
    if site_pages is None:
        return MeasurePage.objects.none()
    measures = (
        MeasurePage.objects.live()
        .public()
        .filter(site_pages)
        .select_related("locale")
        # Only the columns an item shows (and its URL needs): not the StreamFields, which
        # made up most of the rows.
        .only(*LISTED_COLUMNS)
        .order_by("path")
    )
    if filters.status:
        measures = measures.filter(status=filters.status)
    if filters.working_group is not None:
        group = WorkingGroupPage.objects.filter(pk=filters.working_group).first()
        measures = measures.child_of(group) if group else measures.none()
    if filters.phase is not None:
        phase = ConceptPhasePage.objects.filter(pk=filters.phase).first()
        measures = measures.descendant_of(phase) if phase else measures.none()
    if filters.concept is not None:
        concept = Page.objects.filter(pk=filters.concept).first()
        measures = measures.descendant_of(concept) if concept else measures.none()
    if filters.locale:
        measures = measures.filter(locale__language_code=filters.locale)
    return measures
