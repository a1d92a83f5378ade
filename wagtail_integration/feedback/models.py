"""The feedback app's models: the form page, its fields, its submissions and the site settings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from wagtail_integration import i18n, page_cache
from wagtail_integration.api.fields import rich_text_api_field
from wagtail_integration.blocks import RICH_TEXT_FEATURES
from wagtail_integration.models import IntegrationConceptPage, WorkingGroupPage
from wagtail_integration.models.tabs import page_tabs

from . import conf
from .choices import display_choice, label_lookup
from .forms import RESERVED_FIELD_NAMES, FeedbackFormBuilder, FeedbackPageAdminForm
from .text import safe_text

DEFAULT_RETENTION_DAYS = 365
# The board's answer: paragraphs and links (to pages, documents and addresses), nothing else.
ANSWER_FEATURES = ["link", "document-link"]


@register_setting(icon="mail")
class FeedbackSettings(BaseSiteSetting):
    """Per-site defaults for every feedback form of the site."""

    default_recipient = models.EmailField(
        blank=True,
        verbose_name=_("default recipient"),
        help_text=_(
            "Feedback goes here when neither the chosen working group nor the form page "
            "has an address, e.g. the office of the advisory board's chair."
        ),
    )
    default_sender = models.EmailField(
        blank=True,
        verbose_name=_("sender address"),
        help_text=_(
            "The From address of notification emails. Leave empty to use the server's "
            "default sender."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy page"),
        help_text=_("The privacy notice that residents agree to before they send feedback."),
    )
    retention_days = models.PositiveIntegerField(
        default=DEFAULT_RETENTION_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        verbose_name=_("retention period (days)"),
        help_text=_(
            "Submissions older than this are deleted by the purge_feedback command, "
            "which should run daily."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("default_recipient"), FieldPanel("default_sender")],
            heading=pgettext_lazy("feedback settings panel", "Email"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("retention_days")],
            heading=pgettext_lazy("feedback settings panel", "Privacy"),
        ),
    ]

    class Meta:
        verbose_name = _("feedback settings")
        verbose_name_plural = _("feedback settings")

    @classmethod
    def for_page(cls, page) -> "FeedbackSettings":
        """The settings of the site `page` belongs to, without creating a row as a side effect.

        (``for_site`` would insert one on every read of a site that has none yet.)
        """
        site = page.get_site()
        found = (
            cls.objects.filter(site=site).select_related("privacy_page").first() if site else None
        )
        return found or cls(site=site)


class FeedbackFormField(TranslatableMixin, AbstractFormField):
    """A field an editor adds to the feedback form, besides the built-in ones."""

    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")

    # Labels, help texts and choices are translated; the name under which values are stored
    # is the same in every language, so all translations share one set of columns.
    override_translatable_fields = [
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("additional form field")
        verbose_name_plural = _("additional form fields")


class FeedbackFormPage(AbstractEmailForm):
    """A form through which residents send wishes and suggestions about the concept.

    The fields message, topic, name, email and consent are built in; editors may add more.
    """

    intro = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=_("introduction"),
        help_text=_("Shown above the form: what residents can write about, and who reads it."),
    )
    thank_you_text = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=_("thank-you text"),
        help_text=_("Shown after sending. Leave empty for the standard thank-you text."),
    )
    concept = models.ForeignKey(
        IntegrationConceptPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("integration concept"),
        help_text=_(
            "Residents choose a working group of this concept's current phase as the topic. "
            "Leave empty if the form is placed under the concept."
        ),
    )

    # Only where wagtail-localize's default differs (see tests/test_translatable_fields.py):
    # the addresses route mail, so a translator cannot change them.
    override_translatable_fields = [
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("from_address", overridable=False),
    ]

    api_fields = [
        rich_text_api_field("intro"),
        rich_text_api_field("thank_you_text"),
    ]

    form_builder = FeedbackFormBuilder
    base_form_class = FeedbackPageAdminForm
    subpage_types: list[str] = []

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "form_fields",
            heading=_("Additional form fields"),
            label=pgettext_lazy("feedback form field", "Field"),
        ),
        FieldPanel("thank_you_text"),
    ]
    routing_panels = [
        FieldPanel("concept"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification email"),
        ),
    ]
    edit_handler = page_tabs(content_panels, (_("Topics and email"), routing_panels))

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")

    @classproperty
    def parent_page_types(cls) -> list[str]:
        return conf.feedback_parent_page_types()

    def get_concept(self) -> IntegrationConceptPage | None:
        """The chosen concept, else the nearest concept above this page."""
        if self.concept_id:
            return i18n.in_page_locale(self.concept, self)
        return IntegrationConceptPage.objects.ancestor_of(self).order_by("-depth").first()

    def get_topic_groups(self) -> list[WorkingGroupPage]:
        """The working groups residents can pick as the topic: the current phase's.

        Five queries, the same for every visitor until a page changes: kept in the page
        cache (a preview computes them from the tree as it is).
        """
        if self.pk is None or getattr(self, "_wi_previewed", False):
            return self._find_topic_groups()
        return page_cache.remember(f"feedback-topics:{self.pk}", self._find_topic_groups)

    def _find_topic_groups(self) -> list[WorkingGroupPage]:
        concept = self.get_concept()
        if concept is None:
            return []
        phase = concept.pick_current_phase(list(concept.get_phases()))
        if phase is None:
            return []
        return list(WorkingGroupPage.objects.child_of(phase).live().public())

    def get_feedback_settings(self) -> "FeedbackSettings":
        """The feedback settings of this page's site; defaults if there are none (read only).

        Read once per page object: the form's consent label and the API both need them.
        """
        if not hasattr(self, "_feedback_settings"):
            if self.pk is None or getattr(self, "_wi_previewed", False):
                self._feedback_settings = FeedbackSettings.for_page(self)
            else:
                self._feedback_settings = page_cache.remember(
                    f"feedback-settings:{self.pk}", lambda: FeedbackSettings.for_page(self)
                )
        return self._feedback_settings

    def get_privacy_page(self) -> Page | None:
        """The live privacy page in this page's language that the consent box links to."""
        privacy_page = i18n.in_page_locale(self.get_feedback_settings().privacy_page, self)
        if privacy_page is None or not privacy_page.live or not privacy_page.url:
            return None
        return privacy_page

    def get_form_class(self):
        """The form class, built once per page object: the API reads its fields before the
        post is validated with it, and building it queries fields, topics and choices."""
        if not hasattr(self, "_form_class"):
            self._form_class = self.form_builder(
                self.get_form_fields(), page=self
            ).get_form_class()
        return self._form_class

    def get_submission_class(self):
        return FeedbackSubmission

    def get_added_data_fields(self) -> list[tuple[str, str]]:
        """(name, label) of the fields editors added, as the form builds them."""
        return [
            (field.clean_name, field.label)
            for field in self.get_form_fields()
            if field.clean_name not in RESERVED_FIELD_NAMES
        ]

    def get_choice_labels(self) -> dict[str, dict[str, str]]:
        """For each added choice field: stored value -> label in this page's language."""
        if not hasattr(self, "_choice_labels"):
            self._choice_labels = label_lookup(self.get_form_fields())
        return self._choice_labels

    def get_display_data(self, submission) -> dict:
        """A submission's safe values, with the labels of this page's choices."""
        data = submission.get_data()
        for name, labels in self.get_choice_labels().items():
            if name in data:
                data[name] = display_choice(data[name], labels)
        return data

    def get_data_fields(self):
        return [
            ("submit_time", pgettext_lazy("feedback submission", "Submission date")),
            ("status", pgettext_lazy("feedback submission", "Status")),
            ("language", pgettext_lazy("feedback submission", "Language")),
            ("topic", _("Topic")),
            ("message", _("Message")),
            ("name", pgettext_lazy("feedback submission", "Name")),
            ("email", pgettext_lazy("feedback submission", "Email")),
            ("notify_consent", _("Answer by email")),
            ("publish_consent", _("May be published")),
            ("is_public", pgettext_lazy("feedback submission", "Published")),
            *self.get_added_data_fields(),
        ]

    def get_submissions_list_view_class(self):
        from .admin_views import FeedbackSubmissionsListView

        return FeedbackSubmissionsListView

    def route(self, request, path_components):
        """``status/<token>/`` and ``status/<token>/delete/``: the resident's status page;
        ``answers/``: the published suggestions with their answers."""
        from . import public_suggestions, status

        if self.live and path_components == [public_suggestions.PATH]:
            return RouteResult(self, kwargs={"public_suggestions": True})
        if self.live and path_components[:1] == [status.PATH] and len(path_components) in (2, 3):
            action = path_components[2] if len(path_components) == 3 else ""
            if action in ("", "delete"):
                return RouteResult(
                    self, kwargs={"status_token": path_components[1], "status_action": action}
                )
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        if kwargs.get("public_suggestions"):
            from .public_views import serve_public_suggestions

            return serve_public_suggestions(self, request)
        if "status_token" in kwargs:
            from .status_views import serve_status

            return serve_status(
                self, request, kwargs["status_token"], kwargs.get("status_action", "")
            )
        from .views import serve_feedback_form

        return serve_feedback_form(self, request, *args, **kwargs)

    def serve_preview(self, request, *args, **kwargs):
        # The editor's unsaved choices (another concept, say) are not what the cache holds.
        self._wi_previewed = True
        return super().serve_preview(request, *args, **kwargs)


def yes_no(value: bool) -> str:
    return str(
        pgettext_lazy("feedback submission", "Yes")
        if value
        else pgettext_lazy("feedback submission", "No")
    )


class FeedbackStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("feedback status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("feedback status", "In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class FeedbackSubmission(AbstractFormSubmission):
    """A resident's feedback, with the language it was sent in, its topic and its handling."""

    language = models.CharField(
        max_length=16,
        blank=True,
        verbose_name=_("language"),
        help_text=_("The language of the form the resident used."),
    )
    topic = models.ForeignKey(
        WorkingGroupPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("topic"),
        help_text=_("The working group the feedback is about; empty for general feedback."),
    )
    token_hash = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("form token hash"),
        help_text=_(
            "SHA-256 of the signed form this was sent with: each form is stored once at most."
        ),
    )
    status_token_hash = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("status link hash"),
        help_text=_(
            "SHA-256 of the token of the resident's private status link (the link itself is "
            "never stored)."
        ),
    )
    status = models.CharField(
        max_length=16,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.NEW,
        db_index=True,
        verbose_name=pgettext_lazy("feedback submission", "status"),
        help_text=_("How far the feedback has been handled."),
    )

    notify_consent = models.BooleanField(
        default=False,
        verbose_name=_("wants to hear about the answer"),
        help_text=_(
            "The resident asked to be told by email when there is an answer (only with an "
            "email address)."
        ),
    )
    publish_consent = models.BooleanField(
        default=False,
        verbose_name=_("may be published"),
        help_text=_(
            "The resident agreed that the suggestion may be published, without their name, "
            "with the board's answer."
        ),
    )
    answer = RichTextField(
        blank=True,
        features=ANSWER_FEATURES,
        verbose_name=_("answer"),
        help_text=_(
            "The advisory board's answer. The resident reads it on their private status "
            "page; it is public when the suggestion is published."
        ),
    )
    answer_language = models.CharField(
        max_length=16,
        blank=True,
        verbose_name=_("language of the answer"),
        help_text=_("The language the answer is written in, so that it is read out correctly."),
    )
    answered_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("answered on"),
        help_text=_("When the answer was last changed."),
    )
    is_public = models.BooleanField(
        default=False,
        db_index=True,
        verbose_name=_("published"),
        help_text=_(
            'Shown, without name or email address, in "You said, we did" and with the '
            "measures it led to. Only possible with the resident's consent and an answer."
        ),
    )
    public_message = models.TextField(
        blank=True,
        verbose_name=_("published text of the suggestion"),
        help_text=_(
            "What the public reads of the suggestion: the message, with anything that could "
            "identify the resident removed."
        ),
    )
    measures = models.ManyToManyField(
        "wagtail_integration.MeasurePage",
        blank=True,
        related_name="+",
        verbose_name=_("measures it led to"),
        help_text=_("The measures of the concept that this suggestion led to."),
    )

    class Meta:
        verbose_name = _("feedback submission")
        verbose_name_plural = _("feedback submissions")

    def get_data(self) -> dict:
        """The stored values for the listing, the detail page and the exports.

        Every text passes through ``safe_text``: a row stored before the text rules, or by
        other code, must not break the listing, an export or an email.
        """
        return {
            **{name: safe_text(value) for name, value in super().get_data().items()},
            "status": self.get_status_display(),
            "language": self.language_name,
            "notify_consent": yes_no(self.notify_consent),
            "publish_consent": yes_no(self.publish_consent),
            "is_public": yes_no(self.is_public),
        }

    @property
    def language_name(self) -> str:
        """The language's name in the active language, e.g. "Arabic" or "Arabisch"."""
        if not self.language:
            return ""
        try:
            return str(get_language_info(self.language)["name_translated"])
        except KeyError:
            return self.language


class SubmissionEventKind(models.TextChoices):
    STATUS = "status", _("Status changed")
    ANSWER = "answer", _("Answer written")
    ANSWER_SENT = "answer_sent", _("Answer emailed to the sender")
    PUBLISHED = "published", pgettext_lazy("feedback history", "Published")
    UNPUBLISHED = "unpublished", _("Withdrawn from publication")


class FeedbackSubmissionEvent(models.Model):
    """One step in the handling of a submission: a status change, an answer (as written
    then), the answer sent, a publication. Deleted with the submission, by the resident or
    the purge; Wagtail's audit log keeps only that a step happened, never its text."""

    submission = models.ForeignKey(
        FeedbackSubmission,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("submission"),
        help_text=_("The submission this step belongs to."),
    )
    time = models.DateTimeField(
        default=timezone.now,
        verbose_name=_("time"),
        help_text=_("When the step was taken."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("editor"),
        help_text=_("Who took the step; empty when it was taken automatically."),
    )
    kind = models.CharField(
        max_length=16,
        choices=SubmissionEventKind.choices,
        verbose_name=_("step"),
        help_text=_("What was done."),
    )
    old_status = models.CharField(
        max_length=16,
        blank=True,
        verbose_name=_("previous status"),
        help_text=_("For a status change: the status before."),
    )
    new_status = models.CharField(
        max_length=16,
        blank=True,
        verbose_name=_("new status"),
        help_text=_("For a status change: the status after."),
    )
    answer = RichTextField(
        blank=True,
        features=ANSWER_FEATURES,
        verbose_name=_("answer"),
        help_text=_("For an answer: the answer as it was written then."),
    )

    class Meta:
        verbose_name = _("step in the handling of a submission")
        verbose_name_plural = _("steps in the handling of a submission")
        ordering = ["time", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.time:%Y-%m-%d %H:%M})"

    def status_labels(self) -> tuple[str, str]:
        """The previous and the new status's labels (a removed status by its value)."""
        return status_label(self.old_status), status_label(self.new_status)


def status_label(value: str) -> str:
    """The label of a stored status, or the value itself if the status no longer exists."""
    try:
        return str(FeedbackStatus(value).label)
    except ValueError:
        return value
