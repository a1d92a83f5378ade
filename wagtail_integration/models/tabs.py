"""The tabs of the page editor, the same frame for every page type of the package."""

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

# Wagtail's own tab names, translated by Wagtail's catalogs: passed as variables, so that
# makemessages does not copy them into this package's catalog, and the tabs read exactly like
# those of every other page type, in every language Wagtail speaks.
CONTENT, PROMOTE, SETTINGS = "Content", "Promote", "Settings"


def page_tabs(content_panels: list, *own_tabs: tuple[str, list]) -> TabbedInterface:
    """Content first, then the page type's own tabs, then Wagtail's Promote and Settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=gettext_lazy(CONTENT)),
            *(ObjectList(panels, heading=heading) for heading, panels in own_tabs),
            ObjectList(Page.promote_panels, heading=gettext_lazy(PROMOTE)),
            ObjectList(Page.settings_panels, heading=gettext_lazy(SETTINGS)),
        ]
    )
