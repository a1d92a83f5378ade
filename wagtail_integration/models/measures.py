"""Measures: what a working group or a phase does, with status, progress and decision."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import i18n
from ..api.fields import RelatedIdField, RichTextHTMLField
from ..blocks import BodyBlock, DocumentListBlock
from .periods import DatePeriodMixin
from .plain_language import PlainLanguageMixin
from .tabs import page_tabs


class MeasureStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("measure status", "In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    DISCONTINUED = "discontinued", _("Discontinued")


class MeasurePage(PlainLanguageMixin, DatePeriodMixin, Page):
    """A measure of the concept, e.g. "Job ads encourage migrants to apply"."""

    summary = models.TextField(
        blank=True,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in listings and at the top of the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What the measure does, for whom, and what it has achieved."),
    )
    status = models.CharField(
        max_length=32,
        choices=MeasureStatus.choices,
        default=MeasureStatus.PLANNED,
        verbose_name=pgettext_lazy("measure", "status"),
        help_text=_("Where the measure stands today."),
    )
    progress = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        verbose_name=_("progress (%)"),
        help_text=_(
            "How far the measure has come, from 0 to 100 percent. Leave empty if unknown."
        ),
    )
    responsible_body = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("responsible body"),
        help_text=_("The office or organisation that carries out the measure."),
    )
    decision_body = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("decided by"),
        help_text=_('Who decided on the measure, e.g. "City council".'),
    )
    decision_date = models.DateField(
        null=True,
        blank=True,
        verbose_name=_("decision date"),
        help_text=_("The day of the decision."),
    )
    decision_reference = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("file number"),
        help_text=_("The file number of the decision, e.g. a council document number."),
    )
    decision_url = models.URLField(
        blank=True,
        verbose_name=_("decision link"),
        help_text=_("A link to the decision, e.g. in the council information system."),
    )
    documents = StreamField(
        DocumentListBlock(),
        blank=True,
        verbose_name=pgettext_lazy("measure", "documents"),
        help_text=_("Reports, flyers or resolutions about the measure."),
    )
    # Where the measure sits in the tree, kept on save and on move, so that listings and the
    # API can name and filter by its group and phase without a query per measure.
    working_group = models.ForeignKey(
        "wagtail_integration.WorkingGroupPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("working group"),
        help_text=_("The working group above the measure, if any; set from the page tree."),
    )
    phase = models.ForeignKey(
        "wagtail_integration.ConceptPhasePage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("phase"),
        help_text=_("The phase the measure belongs to; set from the page tree."),
    )

    override_translatable_fields = [
        TranslatableField("summary"),
        TranslatableField("plain_language_summary"),
        TranslatableField("body"),
        SynchronizedField("status", overridable=False),
        SynchronizedField("progress", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        TranslatableField("responsible_body"),
        TranslatableField("decision_body"),
        SynchronizedField("decision_date", overridable=False),
        SynchronizedField("decision_reference", overridable=False),
        SynchronizedField("decision_url"),
        TranslatableField("documents"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("plain_language_summary", serializer=RichTextHTMLField()),
        APIField("body"),
        APIField("status"),
        APIField("status_label"),
        APIField("progress"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("responsible_body"),
        APIField("decision_body"),
        APIField("decision_date"),
        APIField("decision_reference"),
        APIField("decision_url"),
        APIField("documents"),
        APIField("working_group", serializer=RelatedIdField("working_group")),
        APIField("phase", serializer=RelatedIdField("phase")),
    ]

    parent_page_types = [
        "wagtail_integration.WorkingGroupPage",
        "wagtail_integration.ConceptPhasePage",
    ]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        PlainLanguageMixin.plain_language_panel,
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    status_panels = [
        FieldRowPanel([FieldPanel("status"), FieldPanel("progress")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("responsible_body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_body"), FieldPanel("decision_date")]),
                FieldPanel("decision_reference"),
                FieldPanel("decision_url"),
            ],
            heading=_("Decision"),
        ),
    ]
    edit_handler = page_tabs(content_panels, (_("Status and decision"), status_panels))

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def save(self, *args, **kwargs):
        self.locate_in_tree()
        return super().save(*args, **kwargs)

    def locate_in_tree(self) -> None:
        """Set `working_group` and `phase` from the pages above the measure."""
        if not self.path or self.depth <= 1:
            return
        from .groups import WorkingGroupPage  # groups imports this module
        from .phases import ConceptPhasePage

        parent_path = self.path[: -self.steplen]
        ancestors = {
            page.path: page
            for page in Page.objects.filter(
                path__in=[parent_path, parent_path[: -self.steplen]]
            ).only("pk", "path", "content_type_id")
        }
        parent = ancestors.get(parent_path)
        grandparent = ancestors.get(parent_path[: -self.steplen])
        content_types = ContentType.objects.get_for_models(
            WorkingGroupPage, ConceptPhasePage, for_concrete_models=False
        )
        group_type, phase_type = content_types[WorkingGroupPage], content_types[ConceptPhasePage]

        def is_a(page, content_type) -> bool:
            return page is not None and page.content_type_id == content_type.pk

        self.working_group_id = parent.pk if is_a(parent, group_type) else None
        phase = grandparent if self.working_group_id else parent
        self.phase_id = phase.pk if is_a(phase, phase_type) else None

    @property
    def status_label(self) -> str:
        """The status in the page's own language, for the API."""
        with translation.override(i18n.page_language(self)):
            return str(self.get_status_display())

    @property
    def has_decision(self) -> bool:
        return bool(
            self.decision_body
            or self.decision_date
            or self.decision_reference
            or self.decision_url
        )
