"""A list of indicators with their baseline, target, values and summary, in one request.

Every language version of an indicator is an item (in its own language, with the source's
numbers: ``Indicator.with_source_numbers``), filterable by working group, concept and
language, at a fixed query count. Like Wagtail's pages endpoint, it lists only indicators
of the request's site, of live and public pages.
"""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.models import Page

from ..models import Indicator, WorkingGroupPage
from ..models.indicators import IndicatorDirection, IndicatorUnit
from .errors import MAX_PAGE_ID, InvalidParameters, InvalidParametersProblem
from .measures import LANGUAGE_CODE_PATTERN, MAX_LIMIT, BoundedPagination, in_request_site

router = Router(tags=["integration indicators"])


class IndicatorFilters(Schema):
    working_group: int | None = Field(
        None,
        ge=1,
        le=MAX_PAGE_ID,
        description="Only indicators of this working group (any of its language versions).",
    )
    concept: int | None = Field(
        None,
        ge=1,
        le=MAX_PAGE_ID,
        description="Only indicators of this concept and of its working groups.",
    )
    locale: str | None = Field(
        None,
        max_length=35,
        pattern=LANGUAGE_CODE_PATTERN,
        description="Only indicators in this language, e.g. 'de'.",
    )


class PeriodValue(Schema):
    period: str = Field(description="A year (2024) or a half-year (2024-H1).")
    value: str = Field(description="The number as exact decimal text, e.g. '61.5'.")


class ValueItem(Schema):
    period: str
    value: str = Field(description="The number as exact decimal text.")
    comparison_value: str | None
    note: str


class IndicatorItem(Schema):
    id: int
    title: str
    definition: str
    unit: str = Field(description=f"One of {', '.join(IndicatorUnit.values)}.")
    source: str
    code: str = Field(description="The code in a published indicator set, e.g. 'E1a'.")
    direction: str = Field(description=f"One of {', '.join(IndicatorDirection.values)}.")
    baseline: PeriodValue | None
    target: PeriodValue | None
    comparison_label: str
    summary: str = Field(description="One sentence on the values, in the item's language.")
    values: list[ValueItem] = Field(description="The values, oldest period first.")
    owner: int = Field(description="The page id of its working group or concept.")
    locale: str
    measures: list[int] = Field(description="The page ids of the measures meant to move it.")


class IndicatorPagination(BoundedPagination):
    def paginate_queryset(self, queryset, pagination, request=None, **params):
        """One page of indicators as items, the source's numbers read for the translated
        ones and the measures of all: at most five more queries for the page, whatever
        its length."""
        page = super().paginate_queryset(queryset, pagination, request=request, **params)
        indicators = Indicator.attach_measures(
            Indicator.with_source_numbers(list(page[self.items_attribute])), ids_only=True
        )
        page[self.items_attribute] = [
            {
                **indicator.as_data(indicator.locale.language_code),
                "owner": indicator.owner_id,
                "locale": indicator.locale.language_code,
                "measures": indicator.measures_read,
            }
            for indicator in indicators
        ]
        return page


@router.get(
    "/indicators/",
    response={200: list[IndicatorItem], 422: InvalidParameters | InvalidParametersProblem},
    url_name="integration_indicators",
    summary="List indicators",
    operation_id="integration_indicators",
    auth=None,
)
@paginate(IndicatorPagination, max_limit=MAX_LIMIT)
def list_indicators(request: HttpRequest, filters: IndicatorFilters = Query(...)):  # noqa: B008
    """Indicators of live, public working groups and concepts of the request's site, by
    owner and title. Invalid parameters give 422."""
    site_pages = in_request_site(request)
    if site_pages is None:
        return Indicator.objects.none()
    owners = Page.objects.live().public().filter(site_pages)
    if filters.working_group is not None:
        group = WorkingGroupPage.objects.filter(pk=filters.working_group).first()
        owners = owners.filter(translation_key=group.translation_key) if group else owners.none()
    if filters.concept is not None:
        concept = Page.objects.filter(pk=filters.concept).first()
        if concept is None:
            owners = owners.none()
        else:
            groups = WorkingGroupPage.objects.descendant_of(concept).values("translation_key")
            owners = owners.filter(translation_key__in=[concept.translation_key]) | owners.filter(
                translation_key__in=groups
            )
    indicators = (
        Indicator.objects.filter(owner__in=owners.values("pk"))
        .select_related("locale", "owner")
        .prefetch_related("values")
        .order_by("owner__path", "title", "locale__language_code", "pk")
    )
    if filters.locale:
        indicators = indicators.filter(locale__language_code=filters.locale)
    return indicators
