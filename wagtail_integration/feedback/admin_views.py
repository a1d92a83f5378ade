"""Admin views for feedback: the submissions listing (Wagtail's, extended) and one submission.

Every view checks that the user may see the submissions of the form page, the same way
Wagtail's own listing does (``get_forms_for_user``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from ..models.feedback import FeedbackStatus, FeedbackSubmission
from .notifications import display_value

# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix text that a spreadsheet would read as a formula, so it shows as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def language_choices() -> list[tuple[str, str]]:
    return [(code, gettext_lazy(name)) for code, name in settings.LANGUAGES]


class FeedbackSubmissionsFilterSet(SubmissionsListFilterSet):
    status = ChoiceFilter(label=gettext_lazy("Status"), choices=FeedbackStatus.choices)
    language = ChoiceFilter(label=gettext_lazy("Language"), choices=language_choices)


class FeedbackSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing, extended.

    It lists the submissions of every language version of the form that the user may see,
    filters them by status and language, links each to its own page, and exports safely.
    """

    filterset_class = FeedbackSubmissionsFilterSet

    def get_base_queryset(self):
        # Each translation of a form page stores its own submissions (Wagtail keys them by
        # page); the translations share the translation key and the field names.
        visible_forms = get_forms_for_user(self.request.user).filter(
            translation_key=self.form_page.translation_key
        )
        return FeedbackSubmission.objects.filter(page__in=visible_forms)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Wagtail already stores XLSX cells that look like formulas as text.
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["data_headings"].append({"name": "details", "label": _("Details")})
            for row in context["data_rows"]:
                url = reverse("wagtail_integration:feedback_submission", args=[row["model_id"]])
                row["fields"].append(format_html('<a href="{}">{}</a>', url, _("Open")))
        return context


class SubmissionStatusForm(forms.ModelForm):
    class Meta:
        model = FeedbackSubmission
        fields = ["status"]


def submission_detail(request, submission_id: int):
    """Show one submission in full and let the editor change its status."""
    submission = get_object_or_404(
        FeedbackSubmission.objects.select_related("page", "topic"), pk=submission_id
    )
    if not get_forms_for_user(request.user).filter(pk=submission.page_id).exists():
        raise PermissionDenied
    page = submission.page.specific
    form = SubmissionStatusForm(request.POST or None, instance=submission)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The status has been changed."))
        return redirect("wagtailforms:list_submissions", page.pk)
    data = submission.get_data()
    data["submit_time"] = date_format(localtime(submission.submit_time), "DATETIME_FORMAT")
    rows = [(label, display_value(data.get(name))) for name, label in page.get_data_fields()]
    return TemplateResponse(
        request,
        "wagtail_integration/admin/feedback_submission.html",
        {
            "submission": submission,
            "form_page": page,
            "rows": rows,
            "form": form,
            "listing_url": reverse("wagtailforms:list_submissions", args=[page.pk]),
        },
    )
