"""The editors' measures import in the Wagtail admin: upload a CSV, see every change, apply.

Reached from the concept page's "More" menu in the page explorer. Whoever may edit the
concept page may upload; each row then needs the permissions its change needs (edit the
measure, publish it, add a page below the group or phase), as in the page editor.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import measure_import
from ..models import IntegrationConceptPage
from ..models.imports import MeasureImport
from . import csv_upload


class UploadForm(csv_upload.UploadForm):
    required_columns = measure_import.REQUIRED_COLUMNS


class ApplyForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
    publish = forms.TypedChoiceField(
        label=gettext_lazy("Save the changes"),
        choices=[
            ("1", gettext_lazy("Publish the changed measures (new ones stay drafts)")),
            ("", gettext_lazy("Save everything as drafts, to publish in the page editor")),
        ],
        coerce=bool,
        empty_value=False,
        initial="1",
        widget=forms.RadioSelect,
        required=False,
    )


def editable_concept(request, concept_id: int) -> IntegrationConceptPage:
    """The concept page, if the user may edit it; else 403 (404 if there is none)."""
    concept = get_object_or_404(IntegrationConceptPage, pk=concept_id)
    if not concept.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return concept


def upload(request, concept_id: int):
    """Step 1: choose a file."""
    concept = editable_concept(request, concept_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        MeasureImport.delete_stale()
        file_name, content = form.cleaned_data["file"]
        upload = MeasureImport.objects.create(
            concept=concept, user=request.user, file_name=file_name, content=content
        )
        return redirect("wagtail_integration_import:preview", concept.pk, upload.pk)
    return TemplateResponse(
        request,
        "wagtail_integration/admin/measure_import.html",
        {
            "concept": concept,
            "form": form,
            "csv_url": concept.subpage_url("measures_csv", request),
        },
    )


def preview(request, concept_id: int, import_id: int):
    """Step 2: every change and every invalid row; step 3: apply (POST)."""
    concept = editable_concept(request, concept_id)
    upload = get_object_or_404(
        MeasureImport, pk=import_id, concept=concept, user=request.user, applied_at=None
    )
    try:
        plan = measure_import.plan(concept, upload.content, request.user)
    except measure_import.ImportFileError as error:
        messages.error(request, str(error))
        upload.delete()
        return redirect("wagtail_integration_import:upload", concept.pk)
    form = ApplyForm(request.POST or None, initial={"fingerprint": plan.fingerprint()})
    if request.method == "POST" and form.is_valid() and plan.is_valid:
        if form.cleaned_data["fingerprint"] != plan.fingerprint():
            messages.warning(
                request,
                _("The measures changed since the preview. Check the changes again."),
            )
        else:
            try:
                result = csv_upload.apply_once(
                    upload,
                    lambda: measure_import.apply(plan, request.user, form.cleaned_data["publish"]),
                    ("updated", "created", "published"),
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("wagtail_integration_import:upload", concept.pk)
            messages.success(
                request,
                _(
                    "%(updated)s measures changed (%(published)s published), %(created)s new "
                    "measures saved as drafts."
                )
                % {
                    "updated": result.updated,
                    "published": result.published,
                    "created": result.created,
                },
            )
            if result.drafts and form.cleaned_data["publish"]:
                messages.warning(
                    request,
                    _(
                        "Saved as drafts, because they had unpublished changes or you may "
                        "not publish them: %(titles)s"
                    )
                    % {"titles": ", ".join(result.drafts[:20])},
                )
            return redirect("wagtailadmin_explore", concept.pk)
    return TemplateResponse(
        request,
        "wagtail_integration/admin/measure_import_preview.html",
        {
            "concept": concept,
            "upload": upload,
            "plan": plan,
            "form": form,
            "upload_url": reverse("wagtail_integration_import:upload", args=[concept.pk]),
        },
    )
