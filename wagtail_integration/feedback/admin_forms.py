"""The admin's form for handling one submission: status, answer, publication, measures."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from wagtail_integration.models import MeasurePage

from .handling import can_send_answer, has_answer
from .models import FeedbackSubmission
from .notifications import resident_address
from .rich_text import answer_as_text, same_answer
from .text import check_text, safe_text

IDENTIFIES_SENDER = _(
    "This text contains the sender's name or email address. Please remove it before publishing."
)


def mentions(text: str, needle: str) -> bool:
    """Whether `needle` (a name or an address) occurs in `text` as a whole word, in any case."""
    needle = " ".join(needle.split())
    if len(needle) < 2:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in needle.split()) + r"(?!\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def measure_choices(form_page) -> list:
    """The measures of the form's concept, grouped under their working group or phase, in
    tree order: choices for a multiple select with optgroups. Two queries."""
    concept = form_page.get_concept()
    if concept is None:
        return []
    measures = list(
        MeasurePage.objects.descendant_of(concept)
        .order_by("path")
        .values_list("pk", "title", "path")
    )
    parent_paths = {path[: -Page.steplen] for _pk, _title, path in measures}
    parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    grouped: dict[str, list] = {}
    for pk, title, path in measures:
        grouped.setdefault(parents.get(path[: -Page.steplen], ""), []).append((pk, title))
    return list(grouped.items())


class AnswerField(forms.CharField):
    """The answer's form field: unchanged when only Draftail's block keys differ, so that a
    save without an edit records no new answer."""

    def has_changed(self, initial, data):
        return not same_answer(initial or "", self.to_python(data))


class SubmissionHandlingForm(forms.ModelForm):
    """What an editor sets on a submission. ``send_answer`` is the "save and email the
    answer" button: allowed only when the resident asked for it and gave an address."""

    measures = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=FeedbackSubmission._meta.get_field("measures").verbose_name,
        help_text=FeedbackSubmission._meta.get_field("measures").help_text,
    )

    class Meta:
        model = FeedbackSubmission
        fields = ["status", "answer", "answer_language", "is_public", "public_message"]
        widgets = {"public_message": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"answer": AnswerField}

    def __init__(self, *args, form_page, send_answer: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.send_answer = send_answer
        self.fields["answer_language"].widget = forms.Select(
            choices=[("", "–"), *[(code, _(name)) for code, name in settings.LANGUAGES]]
        )
        if not self.instance.answer_language:
            self.initial["answer_language"] = self.instance.language
        if not self.instance.public_message:
            self.initial["public_message"] = safe_text(
                (self.instance.form_data or {}).get("message", "")
            )
        if not self.instance.publish_consent:
            self.fields["is_public"].disabled = True
            self.fields["is_public"].help_text = _(
                "The sender did not agree to publication, so this suggestion cannot be published."
            )
        self.fields["measures"].choices = measure_choices(form_page)
        self.initial["measures"] = list(self.instance.measures.values_list("pk", flat=True))

    def sender_details(self) -> list[str]:
        data = self.instance.form_data or {}
        name = safe_text(data.get("name")) or ""
        return [value for value in (str(name), resident_address(self.instance)) if value]

    def clean_public_message(self) -> str:
        # The same rules as for what residents write: it is shown to everyone.
        value, error = check_text(self.cleaned_data["public_message"], multiline=True)
        if error:
            raise forms.ValidationError(error)
        return value

    def clean(self):
        cleaned_data = super().clean()
        # The checks read the answer as it will be saved.
        self.instance.answer = cleaned_data.get("answer", self.instance.answer)
        if cleaned_data.get("is_public"):
            if not has_answer(self.instance):
                self.add_error("is_public", _("Publish a suggestion only with its answer."))
            public_message = cleaned_data.get("public_message", "").strip()
            if not public_message:
                self.add_error(
                    "public_message", _("Please give the text of the suggestion to publish.")
                )
            answer = answer_as_text(self.instance.answer)
            for field, text in (("public_message", public_message), ("answer", answer)):
                if any(mentions(text, detail) for detail in self.sender_details()):
                    self.add_error(field, IDENTIFIES_SENDER)
        if self.send_answer and not can_send_answer(self.instance):
            self.add_error(
                None,
                _(
                    "The answer cannot be emailed: there is no answer yet, or the sender gave "
                    "no email address or did not ask to be told."
                ),
            )
        return cleaned_data

    def save(self, commit=True):
        submission = super().save(commit)
        if commit:
            submission.measures.set(self.cleaned_data.get("measures") or [])
        return submission
