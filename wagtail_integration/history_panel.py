"""The measure's history in its page editor ("Status and decision" tab): the recorded
changes, each with a link to add a note or evidence (``views/history``)."""

from wagtail.admin.panels import Panel


class MeasureHistoryPanel(Panel):
    """Lists the measure's history entries, newest first, with edit links; read-only (the
    entries are written on publish and edited on their own page)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_integration/admin/measure_history_panel.html"

        def get_context_data(self, parent_context=None):
            from .models.history import history_of

            context = super().get_context_data(parent_context)
            measure = self.instance
            context["measure"] = measure
            context["entries"] = list(history_of(measure))[::-1] if measure.pk else []
            return context
