"""The editors' import of indicator values in the Wagtail admin: upload a CSV, see every
change, apply.

Reached from the concept page's "More" menu in the page explorer. Indicators are snippets, so
whoever may change indicators (the ``change_indicator`` permission, as in the snippet
editor) may upload and apply, for the indicators of that concept and its working groups.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import indicator_import
from ..csv_upload import ImportFileError
from ..models import IndicatorValuesImport, IntegrationConceptPage
from . import csv_upload

PERMISSION = "wagtail_integration.change_indicator"


class UploadForm(csv_upload.UploadForm):
    required_columns = indicator_import.REQUIRED_COLUMNS


class ApplyForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)


def may_import(user) -> bool:
    """Whether `user` may import indicator values (change indicators)."""
    return user.has_perm(PERMISSION)


def importable_concept(request, concept_id: int) -> IntegrationConceptPage:
    """The concept page, if the user may change indicators; else 403 (404 if there is none)."""
    if not may_import(request.user):
        raise PermissionDenied
    return get_object_or_404(IntegrationConceptPage, pk=concept_id)


def upload(request, concept_id: int):
    """Step 1: choose a file."""
    concept = importable_concept(request, concept_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        IndicatorValuesImport.delete_stale()
        file_name, content = form.cleaned_data["file"]
        upload = IndicatorValuesImport.objects.create(
            concept=concept, user=request.user, file_name=file_name, content=content
        )
        return redirect("wagtail_integration_indicator_import:preview", concept.pk, upload.pk)
    return TemplateResponse(
        request,
        "wagtail_integration/admin/indicator_import.html",
        {
            "concept": concept,
            "form": form,
            "csv_url": concept.subpage_url("indicators_csv", request),
        },
    )


def preview(request, concept_id: int, import_id: int):
    """Step 2: every change and every invalid row; step 3: apply (POST)."""
    concept = importable_concept(request, concept_id)
    upload = get_object_or_404(
        IndicatorValuesImport, pk=import_id, concept=concept, user=request.user, applied_at=None
    )
    upload_url = reverse("wagtail_integration_indicator_import:upload", args=[concept.pk])
    try:
        plan = indicator_import.plan(concept, upload.content)
    except ImportFileError as error:
        messages.error(request, str(error))
        upload.delete()
        return redirect(upload_url)
    form = ApplyForm(request.POST or None, initial={"fingerprint": plan.fingerprint()})
    if request.method == "POST" and form.is_valid() and plan.is_valid:
        if form.cleaned_data["fingerprint"] != plan.fingerprint():
            messages.warning(
                request, _("The values changed since the preview. Check the changes again.")
            )
        else:
            try:
                result = csv_upload.apply_once(
                    upload,
                    lambda: indicator_import.apply(plan, request.user),
                    ("updated", "created", "indicators"),
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(upload_url)
            messages.success(
                request,
                _(
                    "%(updated)s values changed, %(created)s new values, in %(indicators)s "
                    "indicators."
                )
                % {
                    "updated": result.updated,
                    "created": result.created,
                    "indicators": result.indicators,
                },
            )
            return redirect("wagtailsnippets_wagtail_integration_indicator:list")
    return TemplateResponse(
        request,
        "wagtail_integration/admin/indicator_import_preview.html",
        {
            "concept": concept,
            "upload": upload,
            "plan": plan,
            "form": form,
            "upload_url": upload_url,
        },
    )
