"""A list of measures with everything a front-end shows about each, in one request.

Wagtail's own page listings return only base fields in API v3; this list adds the status
(value and label), progress, dates, group and phase, with filters, at a fixed query count.
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from wagtail.models import Page

from ..models import MeasurePage, MeasureStatus

router = Router(tags=["integration measures"])

StatusValue = Literal[tuple(MeasureStatus.values)]  # type: ignore[valid-type]


class MeasureFilters(Schema):
    status: StatusValue | None = Field(None, description="Only measures with this status.")
    working_group: int | None = Field(None, description="Only measures of this working group.")
    phase: int | None = Field(None, description="Only measures of this phase.")
    concept: int | None = Field(None, description="Only measures below this concept page.")
    locale: str | None = Field(None, description="Only measures in this language, e.g. 'de'.")


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

    @staticmethod
    def resolve_url(measure, context) -> str | None:
        return measure.get_full_url(context["request"])

    @staticmethod
    def resolve_locale(measure) -> str:
        return measure.locale.language_code

    @staticmethod
    def resolve_working_group(measure) -> int | None:
        return measure.working_group_id

    @staticmethod
    def resolve_phase(measure) -> int | None:
        return measure.phase_id


@router.get(
    "/measures/",
    response=list[MeasureItem],
    url_name="integration_measures",
    summary="List measures",
    operation_id="integration_measures",
    auth=None,
)
@paginate(LimitOffsetPagination, max_limit=500)
def list_measures(request: HttpRequest, filters: MeasureFilters = Query(...)):  # noqa: B008
    """Live, public measures in tree order; labels are in each measure's own language."""
    measures = MeasurePage.objects.live().public().select_related("locale").order_by("path")
    if filters.status:
        measures = measures.filter(status=filters.status)
    if filters.working_group is not None:
        measures = measures.filter(working_group_id=filters.working_group)
    if filters.phase is not None:
        measures = measures.filter(phase_id=filters.phase)
    if filters.concept is not None:
        concept = Page.objects.filter(pk=filters.concept).first()
        measures = measures.descendant_of(concept) if concept else measures.none()
    if filters.locale:
        measures = measures.filter(locale__language_code=filters.locale)
    return measures
