"""The resident-facing feedback form, and the page editor's form for a feedback page."""

import unicodedata
from collections import OrderedDict
from functools import cached_property

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from . import conf, spam
from .choices import CHOICE_FIELD_TYPES, stable_choices, versions_by_key
from .text import check_texts

GENERAL_TOPIC = "general"
# The most digits an editor's number field takes (a phone number or an amount in cents fit).
NUMBER_MAX_DIGITS = 20
BUILT_IN_FIELD_NAMES = ("message", "topic", "name", "email", "notify", "publish", "consent")
# Consents stored as columns of the submission (``store_submission``), not in its data.
CONSENT_COLUMNS = {"notify": "notify_consent", "publish": "publish_consent"}
# Fields that protect the form; their values are never stored.
PROTECTION_FIELD_NAMES = (spam.HONEYPOT_FIELD, spam.TOKEN_FIELD)
# Names an editor's field may not take: the fields above, the submission's own columns, and
# the CSRF token's field.
RESERVED_FIELD_NAMES = (
    *BUILT_IN_FIELD_NAMES,
    *PROTECTION_FIELD_NAMES,
    "submit_time",
    "status",
    "language",
    "csrfmiddlewaretoken",
)


class FeedbackForm(BaseForm):
    """The feedback form of one feedback page (``self.page``)."""

    # Set by FeedbackFormBuilder: the working groups offered as topics, by primary key.
    topic_groups: dict = {}

    def __init__(self, data=None, *args, **kwargs):
        self.text_errors: dict[str, str] = {}
        if data is not None:
            data = self.checked_data(data)
        super().__init__(data, *args, **kwargs)
        if not self.is_bound:
            self.fields[spam.TOKEN_FIELD].initial = spam.make_token(self.page)

    def resident_fields(self) -> list:
        """The visible fields a person fills in: all but the bots' trap."""
        return [field for field in self.visible_fields() if field.name != spam.HONEYPOT_FIELD]

    @property
    def honeypot(self):
        """The bots' trap: a visible field that people and screen readers are not shown."""
        return self[spam.HONEYPOT_FIELD]

    def checked_data(self, data):
        """`data` with every text of a field checked and normalised (see ``text.py``).

        The HTML form and the API both pass through here. Refused values stay in the form,
        marked, for the resident to correct; their errors are added in ``clean``.
        """
        checked = data.copy()
        from_html = hasattr(data, "getlist")  # a QueryDict; the API passes a plain dict
        for name, field in self.base_fields.items():
            key = self.add_prefix(name)
            if key not in data:
                continue
            raw = data.getlist(key) if from_html else data[key]
            values, error = check_texts(
                raw if isinstance(raw, list) else [raw],
                multiline=isinstance(field.widget, forms.Textarea),
            )
            if error:
                self.text_errors[name] = error
            if from_html:
                checked.setlist(key, values)
            else:
                checked[key] = values if isinstance(raw, list) else values[0]
        return checked

    def clean(self):
        cleaned_data = super().clean()
        for name, message in self.text_errors.items():
            if name in self.fields and name not in PROTECTION_FIELD_NAMES:
                self.add_error(name, message)
        return cleaned_data

    def clean_notify(self):
        # Asked before the address is cleaned: read what was sent.
        wanted = self.cleaned_data["notify"]
        if wanted and not (self.data.get(self.add_prefix("email")) or "").strip():
            raise forms.ValidationError(
                _("Please give your email address, so that we can tell you about the answer."),
                code="needs_email",
            )
        return wanted

    def clean_topic(self):
        value = self.cleaned_data["topic"]
        return None if value == GENERAL_TOPIC else self.topic_groups[int(value)]

    def consents(self) -> dict[str, bool]:
        """The optional consents, by the submission's column names."""
        return {
            column: bool(self.cleaned_data.get(name)) for name, column in CONSENT_COLUMNS.items()
        }

    def submission_data(self) -> dict:
        """The values to store: everything but the protection fields, the topic as text."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in PROTECTION_FIELD_NAMES and name not in CONSENT_COLUMNS
        }
        topic = data["topic"]
        data["topic"] = topic.title if topic else str(_("General or other topic"))
        return data


class FeedbackFormBuilder(FormBuilder):
    """Builds the feedback form: the built-in fields around the fields editors added."""

    def __init__(self, fields, page=None):
        super().__init__(fields)
        self.page = page

    @cached_property
    def topic_groups(self) -> list:
        return self.page.get_topic_groups() if self.page else []

    @cached_property
    def field_versions(self) -> dict:
        return versions_by_key(self.fields)

    def create_number_field(self, field, options):
        # Wagtail's number field has no bounds: "1E+999999999" would be stored as a number.
        options.setdefault("max_digits", NUMBER_MAX_DIGITS)
        return super().create_number_field(field, options)

    def get_formatted_field_choices(self, field):
        # The value is the same in every language, the label is this form's (choices.py).
        return stable_choices(field, self.field_versions)

    def _stable_value(self, field, label: str) -> str:
        return {lab: value for value, lab in self.get_formatted_field_choices(field)}.get(
            label, label
        )

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in CHOICE_FIELD_TYPES and isinstance(options["initial"], str):
            initial = unicodedata.normalize("NFC", options["initial"].strip())
            options["initial"] = self._stable_value(field, initial)
        return options

    def get_formatted_field_initial(self, field):
        return [
            self._stable_value(field, label)
            for label in super().get_formatted_field_initial(field)
        ]

    def fields_before(self) -> OrderedDict:
        return OrderedDict(
            message=forms.CharField(
                label=_("Your message"),
                help_text=_("Your wishes or suggestions. You can write in any language."),
                max_length=conf.feedback_message_max_length(),
                widget=forms.Textarea(attrs={"rows": 8}),
                error_messages={"required": _("Please write your message.")},
            ),
            topic=forms.ChoiceField(
                label=_("Topic"),
                help_text=_("Which working group is your message about?"),
                choices=[
                    (GENERAL_TOPIC, _("General or other topic")),
                    *[(str(group.pk), group.title) for group in self.topic_groups],
                ],
                initial=GENERAL_TOPIC,
                error_messages={
                    "invalid_choice": _(
                        "This topic is no longer available. Please choose another one."
                    )
                },
            ),
            name=forms.CharField(
                label=_("Your name"),
                required=False,
                max_length=200,
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            ),
            email=forms.EmailField(
                label=_("Your email address"),
                help_text=_("Only if you would like an answer. We use it for nothing else."),
                required=False,
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            ),
            notify=forms.BooleanField(
                label=_("Tell me by email when there is an answer"),
                help_text=_(
                    "Only with your email address. We write once, when the board has answered."
                ),
                required=False,
            ),
        )

    def fields_after(self) -> OrderedDict:
        fields = OrderedDict(
            publish=forms.BooleanField(
                label=_(
                    "You may publish my suggestion, without my name, together with the answer"
                ),
                help_text=_(
                    "So that others can read what became of it. Your name and email address "
                    "are never published."
                ),
                required=False,
            ),
            consent=forms.BooleanField(
                label=self.consent_label(),
                error_messages={"required": _("Please agree so that we may read your message.")},
            ),
        )
        fields[spam.HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        fields[spam.TOKEN_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        return fields

    def consent_label(self):
        privacy_page = self.page.get_privacy_page() if self.page else None
        if privacy_page is None:
            return _("I agree that my message and details are stored and read to handle it.")
        return format_html(
            _(
                "I agree that my message and details are stored and read as described in the "
                "{privacy_notice}."
            ),
            privacy_notice=format_html(
                '<a href="{}">{}</a>', privacy_page.url, _("privacy notice")
            ),
        )

    @property
    def formfields(self):
        editor_fields = super().formfields
        for name in RESERVED_FIELD_NAMES:
            editor_fields.pop(name, None)  # the page editor forbids these names
        return OrderedDict(**self.fields_before(), **editor_fields, **self.fields_after())

    def get_form_class(self):
        attrs = dict(self.formfields)
        attrs["topic_groups"] = {group.pk: group for group in self.topic_groups}
        return type("FeedbackForm", (FeedbackForm,), attrs)


class FeedbackPageAdminForm(WagtailAdminFormPageForm):
    """The page editor's form: an added field may not take a built-in field's name."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_FIELD_NAMES:
                form.add_error(
                    "label",
                    _(
                        "The form already has a built-in field named '%(name)s'. "
                        "Please choose another label."
                    )
                    % {"name": name},
                )
        return cleaned_data
