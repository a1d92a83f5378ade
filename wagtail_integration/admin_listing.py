"""The editors' flat listing of measures in the Wagtail admin, across concepts and languages.

Wagtail's own page listing (``PageListingViewSet``) with the measures' status, progress and
parent, filtered by status and by the concept a measure sits under, besides Wagtail's page
filters. It lists the pages Wagtail's explorer would show the user, and nothing else.

Other code links to it with `measures_listing_url`.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from django_filters import ChoiceFilter, ModelChoiceFilter
from django_filters.constants import EMPTY_VALUES
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn, ParentPageColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.search import index

from . import i18n
from .models import IntegrationConceptPage, MeasurePage, MeasureStatus

#: The URL namespace of the listing; its views are ``index`` and ``index_results``.
URL_NAMESPACE = "wagtail_integration_measures"
#: The listing's query parameters for the two filters this package adds.
CONCEPT_PARAM = "concept"
STATUS_PARAM = "status"


def page_permission_policy():
    """The permission policy Wagtail's page listings use (registered per model since Wagtail
    8; one module-level policy in Wagtail 7.4)."""
    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.4
        from wagtail.permissions import page_permission_policy as policy

        return policy
    return policy_registry.get_by_type(Page)


def explorable_pages(user) -> QuerySet:
    """The pages `user` may see in Wagtail's page explorer and its page listings: those they
    hold a permission on, the pages below them, and the pages above them up to their first
    common ancestor."""
    return page_permission_policy().explorable_instances(user)


def visible_concepts(user) -> QuerySet:
    """The concept pages `user` may explore, and those above the pages they hold a
    permission on, in tree order, with their locales.

    Wagtail's explorer leaves out the pages above the first common ancestor of a user's
    permitted pages: an editor of one working group explores that group only. Its concept is
    still the way to name the group's measures, in the filter and on the dashboard (and its
    title is the public page's). The measures themselves stay those Wagtail lets the user
    see (`explorable_pages`).
    """
    permitted_paths = {
        permission.page.path
        for permission in page_permission_policy().get_cached_permissions_for_user(user)
    }
    above_permitted = {
        path[:length]
        for path in permitted_paths
        for length in range(Page.steplen, len(path), Page.steplen)
    }
    return (
        IntegrationConceptPage.objects.filter(
            Q(pk__in=explorable_pages(user).values("pk")) | Q(path__in=above_permitted),
            depth__gt=1,
        )
        .select_related("locale")
        .order_by("path")
    )


def concept_label(concept: Page) -> str:
    """A concept's title, with its language when the site has several (a concept and its
    translations have the same title in the admin's eyes)."""
    title = concept.get_admin_display_title()
    if not i18n.i18n_enabled():
        return title
    return pgettext("concept (language)", "%(concept)s (%(language)s)") % {
        "concept": title,
        "language": concept.locale.get_display_name(),
    }


def format_percent(value: int) -> str:
    """A percentage in the active language's way, e.g. "40 %" in German."""
    return pgettext("progress", "%(percent)s%%") % {
        "percent": formats.number_format(value, use_l10n=True)
    }


def measures_listing_url(
    concept: Page | int | None = None, status: str | None = None, **filters
) -> str:
    """The admin listing of measures below `concept` (a page or its id) with `status`.

    Other filters of the listing may be passed by their query parameter, e.g. ``live="true"``
    or ``locale="de"``; ``None`` values are left out.
    """
    params = {}
    if concept is not None:
        params[CONCEPT_PARAM] = concept.pk if isinstance(concept, Page) else int(concept)
    if status is not None:
        params[STATUS_PARAM] = MeasureStatus(status).value
    params.update({key: value for key, value in filters.items() if value is not None})
    url = reverse(f"{URL_NAMESPACE}:index")
    return f"{url}?{urlencode(params)}" if params else url


class ConceptChoiceField(forms.ModelChoiceField):
    """Concepts, named with their language."""

    def label_from_instance(self, obj: Page) -> str:
        return concept_label(obj)


class ConceptFilter(ModelChoiceFilter):
    """The measures below one concept, whatever their parent (a group or a phase)."""

    field_class = ConceptChoiceField

    def filter(self, qs: QuerySet, value: Page | None) -> QuerySet:
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(path__startswith=value.path, depth__gt=value.depth)


class LiveFilter(ChoiceFilter):
    """Published measures or drafts (never published, or unpublished)."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if value == "true":
            return qs.filter(live=True)
        if value == "false":
            return qs.filter(live=False)
        return qs


def _concepts_for(request: HttpRequest | None) -> QuerySet:
    if request is None:
        return IntegrationConceptPage.objects.none()
    return visible_concepts(request.user)


class MeasureFilterSet(PageFilterSet):
    """Wagtail's page filters (and its locale filter) plus status, concept and live/draft."""

    status = ChoiceFilter(
        label=capfirst(MeasurePage._meta.get_field("status").verbose_name),
        choices=MeasureStatus.choices,
        empty_label=pgettext_lazy("measures listing filter", "All"),
        widget=forms.RadioSelect,
    )
    concept = ConceptFilter(
        label=pgettext_lazy("measures listing", "Concept"),
        queryset=_concepts_for,
        empty_label=pgettext_lazy("measures listing filter", "All"),
        widget=forms.RadioSelect,
    )
    live = LiveFilter(
        label=pgettext_lazy("measures listing", "Publication status"),
        choices=[
            ("true", pgettext_lazy("measures listing filter", "Live")),
            ("false", pgettext_lazy("measures listing filter", "Draft")),
        ],
        empty_label=pgettext_lazy("measures listing filter", "All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MeasurePage
        fields = []


class ProgressColumn(Column):
    """A measure's progress as a localized percentage; empty where it is unknown.

    Not sortable while searching: the search backend sorts only by indexed filter fields,
    and ``progress`` is none (see `MeasureIndexView`).
    """

    def get_value(self, instance: MeasurePage) -> str:
        if instance.progress is None:
            return ""
        return format_percent(instance.progress)

    def get_header_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        context = super().get_header_context_data(parent_context)
        if parent_context.get("is_searching"):
            context["is_orderable"] = False
        return context


class MeasureTitleColumn(PageTitleColumn):
    """Wagtail's page title column (a link to the editor, the language, the privacy and lock
    indicators) without the per-page actions menu: its buttons take queries per row
    (wagtail-localize's "Translate this page" and "Sync translated pages" two each)."""

    cell_template_name = "wagtail_integration/admin/measure_title_cell.html"


class MeasureIndexView(IndexView):
    """Wagtail's flat page listing, which while searching offers only the orderings the
    search backend can sort by (Wagtail's would answer 500 for ``?q=…&ordering=progress``)."""

    def get_valid_orderings(self) -> list[str]:
        orderings = super().get_valid_orderings()
        if not self.is_searching:
            return orderings
        sortable = {
            field.field_name
            for field in self.model.get_search_fields()
            if isinstance(field, index.FilterField)
        }
        return [ordering for ordering in orderings if ordering.lstrip("-") in sortable]


def _wagtail_column(name: str) -> Column:
    """One of the columns of Wagtail's flat page listing, with Wagtail's own label."""
    return next(column for column in IndexView.base_columns if column.name == name)


class MeasuresMenuItem(MenuItem):
    """Shown to the users who may see pages in the admin, as Wagtail's "Pages" item is."""

    def is_shown(self, request: HttpRequest) -> bool:
        return user_has_any_page_permission(request.user)


class MeasureListingViewSet(PageListingViewSet):
    """All measures the user may see, in one flat, filterable listing."""

    model = MeasurePage
    index_view_class = MeasureIndexView
    name = URL_NAMESPACE
    url_prefix = "integration/measures"
    icon = "tasks"
    menu_label = _("Measures")
    menu_name = "wagtail_integration_measures"
    menu_order = 150  # right after Wagtail's "Pages" (100)
    menu_item_class = MeasuresMenuItem
    add_to_admin_menu = True
    filterset_class = MeasureFilterSet
    columns = [
        _wagtail_column("bulk_actions"),
        MeasureTitleColumn(
            "title",
            label=_wagtail_column("title").label,
            sort_key="title",
            classname="title",
        ),
        Column(
            "measure_status",
            label=capfirst(MeasurePage._meta.get_field("status").verbose_name),
            accessor="get_status_display",
            sort_key="status",
            width="14%",
        ),
        ProgressColumn(
            "progress",
            label=pgettext_lazy("measures listing", "Progress"),
            sort_key="progress",
            width="10%",
        ),
        ParentPageColumn("parent", label=pgettext_lazy("measures listing", "Group or phase")),
        _wagtail_column("latest_revision_created_at"),
        PageStatusColumn(
            "status",
            label=pgettext_lazy("measures listing", "Publication status"),
            sort_key="live",
            width="12%",
        ),
    ]
