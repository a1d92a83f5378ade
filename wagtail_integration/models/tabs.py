"""The tabs of the page editor, the same frame for every page type of the package."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def page_tabs(content_panels: list, *own_tabs: tuple[str, list]) -> TabbedInterface:
    """Content first, then the page type's own tabs, then Wagtail's Promote and Settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            *(ObjectList(panels, heading=heading) for heading, panels in own_tabs),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
