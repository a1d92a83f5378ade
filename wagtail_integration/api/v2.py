"""A drop-in for Wagtail's API v2 pages endpoint that lists pages at a fixed query count.

Wagtail's ``PagesAPIViewSet`` reads each listed page's locale with a query of its own (for
``meta.locale``); this subclass loads the locales with the pages. Register it as usual::

    api_router.register_endpoint("pages", PagesAPIViewSet)
"""

from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet


class PagesAPIViewSet(WagtailPagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().select_related("locale")
