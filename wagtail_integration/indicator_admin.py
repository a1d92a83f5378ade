"""The indicators in the admin: Wagtail's snippet listing, chooser, editing with the values
inline, history and translation (wagtail-localize's "Translate" action on snippets)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Indicator


class IndicatorFilterSet(WagtailFilterSet):
    class Meta:
        model = Indicator
        fields = ["unit", "direction"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "owner", "unit", "code"]
    list_per_page = 50
    filterset_class = IndicatorFilterSet
    search_fields = ["title", "definition", "code"]

    def get_queryset(self, request):
        # The listing shows each indicator's owner: read with the rows, not one per row.
        return Indicator.objects.select_related("owner", "locale")
