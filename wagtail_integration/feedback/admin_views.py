"""Admin views for feedback: the submissions listing (Wagtail's, extended) and one submission.

Every view checks that the user may see the submissions of the form page, the same way
Wagtail's own listing does (``get_forms_for_user``).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connections, router
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import UpdateView
from django_filters import ChoiceFilter
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView

from .admin_forms import SubmissionHandlingForm
from .choices import display_choice
from .handling import can_send_answer, save_handling
from .models import FeedbackStatus, FeedbackSubmission
from .text import safe_text

# The name of the "save and email the answer" button.
SEND_ANSWER = "send-answer"
# A spreadsheet would run a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Prefix text that a spreadsheet would read as a formula, so it shows as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def visible_submissions(user, form_page):
    """The submissions of every language version of `form_page` that `user` may see.

    Each translation of a form page stores its own submissions (Wagtail keys them by page);
    the translations share the translation key and the field names.
    """
    visible_versions = get_forms_for_user(user).filter(translation_key=form_page.translation_key)
    return FeedbackSubmission.objects.filter(page__in=visible_versions)


def highest_submission_id() -> int:
    """The largest id the database can compare; a larger number would raise, not miss."""
    database = connections[router.db_for_read(FeedbackSubmission)]
    return database.ops.integer_field_range(FeedbackSubmission._meta.pk.get_internal_type())[1]


def language_choices() -> list[tuple[str, str]]:
    return [(code, gettext_lazy(name)) for code, name in settings.LANGUAGES]


class FeedbackSubmissionsFilterSet(SubmissionsListFilterSet):
    status = ChoiceFilter(
        label=pgettext_lazy("feedback submission", "Status"), choices=FeedbackStatus.choices
    )
    language = ChoiceFilter(
        label=pgettext_lazy("feedback submission", "Language"), choices=language_choices
    )


class FeedbackSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing, extended.

    It lists the submissions of every language version of the form that the user may see,
    filters them by status and language, links each to its own page, and exports safely.
    """

    filterset_class = FeedbackSubmissionsFilterSet
    # Its delete form posts to the view that deletes the rows of every language version.
    results_template_name = "wagtail_integration_feedback/admin/feedback_submissions_results.html"

    def get_base_queryset(self):
        return visible_submissions(self.request.user, self.form_page)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Wagtail already stores XLSX cells that look like formulas as text.
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name, labels in self.form_page.get_choice_labels().items():
            if name in row:
                row[name] = display_choice(row[name], labels)
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            self.show_choice_labels(context["submissions"], context["data_rows"])
            context["data_headings"].append({"name": "details", "label": _("Details")})
            for row in context["data_rows"]:
                url = reverse(
                    "wagtail_integration_feedback:feedback_submission", args=[row["model_id"]]
                )
                row["fields"].append(format_html('<a href="{}">{}</a>', url, _("Open")))
        return context

    def show_choice_labels(self, submissions, data_rows) -> None:
        """Show the choices of added fields with this form's labels (see ``choices.py``)."""
        lookup = self.form_page.get_choice_labels()
        if not lookup:
            return
        names = [name for name, _label in self.form_page.get_data_fields()]
        for submission, row in zip(submissions, data_rows, strict=True):
            data = submission.get_data()
            for index, name in enumerate(names):
                if name in lookup:
                    value = display_choice(data.get(name), lookup[name])
                    row["fields"][index] = ", ".join(value) if isinstance(value, list) else value


def display_value(value) -> str:
    """A stored value as text for the admin's detail page (safe, lists joined)."""
    value = safe_text(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


class SubmissionView(WagtailAdminTemplateMixin, UpdateView):
    """One submission in full, in Wagtail's admin furniture, where an editor sets its status,
    answers it, emails the answer, publishes it and names the measures it led to.

    Each step goes into the submission's history and Wagtail's audit log (``handling.py``),
    so it shows in the page's history beside Wagtail's own actions.
    """

    model = FeedbackSubmission
    form_class = SubmissionHandlingForm
    pk_url_kwarg = "submission_id"
    template_name = "wagtail_integration_feedback/admin/feedback_submission.html"
    page_title = gettext_lazy("Feedback")
    header_icon = "form"
    context_object_name = "submission"

    def get_queryset(self):
        return FeedbackSubmission.objects.select_related("page", "topic")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "form_page": self.form_page,
            "send_answer": self.request.method == "POST" and SEND_ANSWER in self.request.POST,
        }

    def get_object(self, queryset=None):
        if self.kwargs[self.pk_url_kwarg] > highest_submission_id():
            raise Http404
        submission = super().get_object(queryset)
        if not get_forms_for_user(self.request.user).filter(pk=submission.page_id).exists():
            raise PermissionDenied
        self.form_page = submission.page.specific
        return submission

    def get_page_subtitle(self):
        return self.form_page.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailforms:index"), "label": pgettext("admin menu", "Forms")},
            {"url": self.get_success_url(), "label": self.form_page.title},
            {"url": "", "label": _("Submission %(id)s") % {"id": self.object.pk}},
        ]

    def get_success_url(self):
        return reverse("wagtailforms:list_submissions", args=[self.form_page.pk])

    def form_valid(self, form):
        steps = save_handling(form, self.request.user, send_answer=form.send_answer)
        if form.send_answer:
            messages.success(self.request, _("The answer has been saved and is being emailed."))
        elif steps or form.has_changed():
            messages.success(self.request, _("The submission has been saved."))
        return redirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.form_page.get_display_data(self.object)
        data["submit_time"] = date_format(localtime(self.object.submit_time), "DATETIME_FORMAT")
        context["rows"] = [
            (label, display_value(data.get(name)))
            for name, label in self.form_page.get_data_fields()
        ]
        context["form_page"] = self.form_page
        context["action_url"] = self.request.path
        context["listing_url"] = self.get_success_url()
        context["events"] = self.object.events.select_related("user")
        context["can_send_answer"] = can_send_answer(self.object)
        context["send_answer"] = SEND_ANSWER
        context["media"] = context["form"].media
        context["submit_button_label"] = pgettext("feedback submission", "Save")
        context["submit_button_active_label"] = pgettext("feedback status", "Saving…")
        return context
