"""Editing a measure's history in the admin: a public note, a document as evidence, a
corrected date; or an earlier change added by hand (e.g. from before the site existed).

Whoever may edit the measure's page may edit its history; nobody else.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents.widgets import AdminDocumentChooser

from ..models import MeasureHistoryEntry, MeasurePage


class HistoryEntryForm(forms.ModelForm):
    delete = forms.BooleanField(
        required=False,
        label=gettext_lazy("Delete this entry"),
        help_text=gettext_lazy("For a change recorded by mistake."),
    )

    class Meta:
        model = MeasureHistoryEntry
        fields = ["date", "status", "progress", "note", "document"]
        widgets = {"date": AdminDateInput, "document": AdminDocumentChooser}


def editable_measure(request, measure: MeasurePage) -> MeasurePage:
    if not measure.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return measure


def edit_entry(request, entry_id: int):
    """Change or delete one entry."""
    entry = get_object_or_404(MeasureHistoryEntry.objects.select_related("measure"), pk=entry_id)
    measure = editable_measure(request, entry.measure)
    return _form_view(request, measure, entry)


def add_entry(request, measure_id: int):
    """Add an entry to the history of a measure."""
    measure = editable_measure(request, get_object_or_404(MeasurePage, pk=measure_id))
    entry = MeasureHistoryEntry(measure=measure, status=measure.status, progress=measure.progress)
    return _form_view(request, measure, entry)


def _form_view(request, measure, entry):
    form = HistoryEntryForm(request.POST or None, instance=entry)
    if entry.pk is None:
        del form.fields["delete"]
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("delete"):
            entry.delete()
            messages.success(request, _("The entry was deleted."))
        else:
            form.save()
            messages.success(request, _("The history of the measure was saved."))
        return redirect("wagtailadmin_pages:edit", measure.pk)
    return TemplateResponse(
        request,
        "wagtail_integration/admin/measure_history_entry.html",
        {"form": form, "measure": measure, "entry": entry},
    )
