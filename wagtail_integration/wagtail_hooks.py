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


# The imports of measures and of indicator values (views/measure_import.py,
# views/indicator_import.py): their admin URLs, and their buttons on each concept page in the
# page explorer, for those who may use them.
@hooks.register("register_admin_urls")
def register_import_urls():
    from django.urls import include, path

    from .views import indicator_import, measure_import

    def steps(views, namespace: str) -> tuple:
        urls = [
            path("<int:concept_id>/", views.upload, name="upload"),
            path("<int:concept_id>/<int:import_id>/", views.preview, name="preview"),
        ]
        return include((urls, namespace), namespace=namespace)

    return [
        path(
            "integration/measures-import/",
            steps(measure_import, "wagtail_integration_import"),
        ),
        path(
            "integration/indicator-values-import/",
            steps(indicator_import, "wagtail_integration_indicator_import"),
        ),
    ]


def import_buttons(page, user):
    """The concept page's buttons of the two imports, each for those who may use it."""
    from django.urls import reverse
    from django.utils.translation import gettext_lazy
    from wagtail.admin.widgets import Button

    from .views.indicator_import import may_import

    if not issubclass(page.specific_class or type(page), IntegrationConceptPage):
        return
    if page.permissions_for_user(user).can_edit():
        yield Button(
            gettext_lazy("Import measures (CSV)"),
            reverse("wagtail_integration_import:upload", args=[page.pk]),
            icon_name="upload",
            priority=60,
        )
    if may_import(user):
        yield Button(
            gettext_lazy("Import indicator values (CSV)"),
            reverse("wagtail_integration_indicator_import:upload", args=[page.pk]),
            icon_name="upload",
            priority=61,
        )


@hooks.register("register_page_listing_more_buttons")
def page_listing_import_button(page, user, next_url=None):
    yield from import_buttons(page, user)


@hooks.register("register_page_header_buttons")
def page_header_import_button(page, user, view_name=None, next_url=None):
    yield from import_buttons(page, user)


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
