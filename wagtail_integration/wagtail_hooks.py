"""The content app's Wagtail hooks."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet

from .admin_listing import MeasureListingViewSet
from .content_checks import with_plain_language_checks
from .dashboard import MeasuresPanel
from .indicator_admin import IndicatorViewSet
from .models import ConceptPhasePage, IntegrationConceptPage, MeasurePage, WorkingGroupPage

PAGES_WITH_PLAIN_LANGUAGE_CHECKS = (
    IntegrationConceptPage,
    ConceptPhasePage,
    WorkingGroupPage,
    MeasurePage,
)


# Late (order 100), so that a host's own hook that replaces the content checker item, as
# Wagtail's documentation shows, runs first and its item gets the checks too.
@hooks.register("construct_wagtail_userbar", order=100)
def add_plain_language_checks(request, items: list, page) -> None:
    """The content checker of the package's pages (the editor's checks panel and the
    userbar) also reports long sentences and long words."""
    if not isinstance(page, PAGES_WITH_PLAIN_LANGUAGE_CHECKS):
        return
    items[:] = [
        with_plain_language_checks(item) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]


# The measures import (views/measure_import.py): its admin URLs, and a button on each concept
# page in the page explorer for those who may edit it.
@hooks.register("register_admin_urls")
def register_import_urls():
    from django.urls import include, path

    from .views import measure_import

    urls = [
        path("<int:concept_id>/", measure_import.upload, name="upload"),
        path("<int:concept_id>/<int:import_id>/", measure_import.preview, name="preview"),
    ]
    return [
        path(
            "integration/measures-import/",
            include((urls, "wagtail_integration_import"), namespace="wagtail_integration_import"),
        )
    ]


def import_button(page, user, priority: int):
    from django.urls import reverse
    from django.utils.translation import gettext_lazy
    from wagtail.admin.widgets import Button

    if not issubclass(page.specific_class or type(page), IntegrationConceptPage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        gettext_lazy("Import measures (CSV)"),
        reverse("wagtail_integration_import:upload", args=[page.pk]),
        icon_name="upload",
        priority=priority,
    )


# The import of indicator values (views/indicator_import.py): its admin URLs, and a button on
# each concept page for those who may change indicators.
@hooks.register("register_admin_urls")
def register_indicator_import_urls():
    from django.urls import include, path

    from .views import indicator_import

    urls = [
        path("<int:concept_id>/", indicator_import.upload, name="upload"),
        path("<int:concept_id>/<int:import_id>/", indicator_import.preview, name="preview"),
    ]
    return [
        path(
            "integration/indicator-values-import/",
            include(
                (urls, "wagtail_integration_indicator_import"),
                namespace="wagtail_integration_indicator_import",
            ),
        )
    ]


def indicator_import_button(page, user, priority: int):
    from django.urls import reverse
    from django.utils.translation import gettext_lazy
    from wagtail.admin.widgets import Button

    from .views.indicator_import import may_import

    if not issubclass(page.specific_class or type(page), IntegrationConceptPage):
        return
    if not may_import(user):
        return
    yield Button(
        gettext_lazy("Import indicator values (CSV)"),
        reverse("wagtail_integration_indicator_import:upload", args=[page.pk]),
        icon_name="upload",
        priority=priority,
    )


@hooks.register("register_page_listing_more_buttons")
def page_listing_import_button(page, user, next_url=None):
    yield from import_button(page, user, priority=60)
    yield from indicator_import_button(page, user, priority=61)


@hooks.register("register_page_header_buttons")
def page_header_import_button(page, user, view_name=None, next_url=None):
    yield from import_button(page, user, priority=60)
    yield from indicator_import_button(page, user, priority=61)


# --- Measures in the admin: the flat listing and the dashboard panel (admin_listing.py,
# dashboard.py). Keep these two hooks together.


@hooks.register("register_admin_viewset")
def register_measure_listing() -> MeasureListingViewSet:
    """The "Measures" item of the admin menu: a flat listing of the measures."""
    return MeasureListingViewSet()


@hooks.register("construct_homepage_panels")
def add_measures_panel(request, panels: list) -> None:
    """The dashboard's table of measures by concept and status (nothing without a concept
    the user may explore)."""
    panels.append(MeasuresPanel(request))


# --- End of the measures in the admin.


# A measure's history (views/history.py): editing an entry's note, evidence and date.
@hooks.register("register_admin_urls")
def register_history_urls():
    from django.urls import include, path

    from .views import history

    urls = [
        path("<int:entry_id>/", history.edit_entry, name="edit"),
        path("add/<int:measure_id>/", history.add_entry, name="add"),
    ]
    return [
        path(
            "integration/measure-history/",
            include(
                (urls, "wagtail_integration_history"), namespace="wagtail_integration_history"
            ),
        )
    ]


register_snippet(IndicatorViewSet)
