"""Measures: what a working group or a phase does, with status, progress and decision."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import BodyBlock, DocumentListBlock
from .periods import DatePeriodMixin
from .plain_language import PlainLanguageMixin


class MeasureStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
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
        verbose_name=_("status"),
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
        verbose_name=_("documents"),
        help_text=_("Reports, flyers or resolutions about the measure."),
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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(status_panels, heading=_("Status and decision")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    @property
    def has_decision(self) -> bool:
        return bool(
            self.decision_body
            or self.decision_date
            or self.decision_reference
            or self.decision_url
        )
