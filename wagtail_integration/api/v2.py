"""A drop-in for Wagtail's API v2 pages endpoint: a fixed query count, and no 500 for bad input.

Wagtail's ``PagesAPIViewSet`` reads each listed page's locale with a query of its own (for
``meta.locale``); this subclass loads the locales with the pages. It also refuses with 400,
before any query, the parameter values that Wagtail would pass on to the database and fail
with there: NUL characters, offsets and ids beyond the database's integer range, filters on
date fields that are no dates, an unknown ``search_operator``. Register it as usual::

    api_router.register_endpoint("pages", PagesAPIViewSet)
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.http import QueryDict
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from .fields import attach_indicators, attach_measure_data

# A page id is an AutoField: no site holds more pages than that, so a larger offset or limit
# can only give an empty page, and SQLite cannot bind one at all.
MAX_PAGE_COUNT = 2_147_483_647
SEARCH_OPERATORS = ("and", "or")


def check_no_nul(query: QueryDict) -> None:
    """Refuse NUL characters, which no database accepts in a query (SQLite fails on them)."""
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError("null characters are not allowed in query parameters")


def check_paging(query: QueryDict) -> None:
    """Bound ``offset`` and ``limit``; Wagtail itself refuses negative and non-numeric ones."""
    for name in ("offset", "limit"):
        try:
            value = int(query.get(name, 0))
        except ValueError:
            continue  # Wagtail's pagination answers 400 with its own message
        if value > MAX_PAGE_COUNT:
            raise BadRequestError(f"{name} cannot be higher than {MAX_PAGE_COUNT}")


def check_field_value(field: models.Field, value: str) -> None:
    """Refuse a field filter value that the database could not compare with the column."""
    while isinstance(field, models.ForeignKey):  # a page's key is a key to its base Page
        field = field.target_field
    if isinstance(field, models.BooleanField) or not field.concrete or field.many_to_many:
        return  # Wagtail parses booleans itself; tags are matched by name
    try:
        python_value = field.to_python(value)
    except ValidationError as error:
        raise BadRequestError(
            f"field filter error. {value!r} is not a valid value for {field.name}"
        ) from error
    if isinstance(field, models.IntegerField) and python_value is not None:
        low, high = connection.ops.integer_field_range(field.get_internal_type())
        if (low is not None and python_value < low) or (high is not None and python_value > high):
            raise BadRequestError(
                f"field filter error. {value!r} is out of range for {field.name}"
            )


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    """Wagtail's pages endpoint with the locales loaded with the pages and bounded parameters."""

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def paginate_queryset(self, queryset):
        """One page of the listing; its measures' histories read in one query."""
        from ..models import (  # the models import this package
            IntegrationConceptPage,
            MeasurePage,
            WorkingGroupPage,
        )

        page = super().paginate_queryset(queryset)
        if page is not None:
            page = list(page)
            attach_measure_data([item for item in page if isinstance(item, MeasurePage)])
            attach_indicators(
                [
                    item
                    for item in page
                    if isinstance(item, (WorkingGroupPage, IntegrationConceptPage))
                ]
            )
        return page

    def check_query_parameters(self, queryset) -> None:
        super().check_query_parameters(queryset)
        query = self.request.GET
        check_no_nul(query)
        check_paging(query)
        if query.get("search_operator", "or") not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        model = queryset.model
        filters = set(self.get_available_fields(model, db_fields_only=True)) - {"locale"}
        for name in filters.intersection(query.keys()):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            check_field_value(field, query[name])

    def find_object(self, queryset, request):
        check_no_nul(request.GET)
        if "id" in request.GET:
            check_field_value(queryset.model._meta.pk, request.GET["id"])
        return super().find_object(queryset, request)
