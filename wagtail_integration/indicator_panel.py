"""A working group's or concept's indicators in its page editor ("Indicators" tab): each with
its unit, latest value and a link to its snippet editor, and a link to add one. Read-only:
indicators are snippets, edited on their own pages (``indicator_admin``)."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class IndicatorsPanel(Panel):
    """Lists the page's indicators for those who may see indicators; nothing for others."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_integration/admin/indicators_panel.html"

        def is_shown(self) -> bool:
            user = getattr(self.request, "user", None)
            return bool(user and user.has_perm("wagtail_integration.view_indicator"))

        def get_context_data(self, parent_context=None):
            from .models.indicators import Indicator

            context = super().get_context_data(parent_context)
            page = self.instance
            indicators = Indicator.of_page(page) if page.pk else []
            viewset = Indicator.snippet_viewset
            context.update(
                {
                    "page": page,
                    "rows": [
                        {
                            "indicator": indicator,
                            "latest": indicator.latest_value(),
                            "edit_url": reverse(viewset.get_url_name("edit"), args=[indicator.pk]),
                        }
                        for indicator in indicators
                    ],
                    "add_url": reverse(viewset.get_url_name("add")),
                    "may_add": self.request.user.has_perm("wagtail_integration.add_indicator"),
                }
            )
            return context
