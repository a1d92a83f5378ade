"""Measures: what a working group or a phase does, with status, progress and decision."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import i18n
from ..api.fields import HistoryField, SuggestionsField, TreeIdField, rich_text_api_field
from ..blocks import BodyBlock, DocumentListBlock
from ..history_panel import MeasureHistoryPanel
from ..http_caching import CachedPageMixin
from ..linked_suggestions import suggestions_of
from .periods import DatePeriodMixin
from .plain_language import PlainLanguageMixin
from .tabs import page_tabs


class MeasureStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("measure status", "In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    DISCONTINUED = "discontinued", _("Discontinued")


# schema.org's ActionStatusType for each status: proposed and planned measures are potential
# actions, a discontinued one has failed.
SCHEMA_ORG_ACTION_STATUS = {
    MeasureStatus.PROPOSED: "PotentialActionStatus",
    MeasureStatus.PLANNED: "PotentialActionStatus",
    MeasureStatus.IN_PROGRESS: "ActiveActionStatus",
    MeasureStatus.IMPLEMENTED: "CompletedActionStatus",
    MeasureStatus.DISCONTINUED: "FailedActionStatus",
}


class MeasurePageManager(PageManager):
    """Measures with the ids of their working group and phase, derived from the page tree.

    A measure's parent is its working group or its phase, a group's parent is its phase: both
    ids are read in the measures' own query by subqueries on the unique path index. They are
    the tree's as it is, inside a move's transaction too, and a listing needs no query per
    measure. (Nothing is stored, so nothing can go stale.)
    """

    def get_queryset(self):
        from .groups import WorkingGroupPage  # groups imports this module
        from .phases import ConceptPhasePage

        steplen = Page.steplen
        parent = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steplen)
        grandparent = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - 2 * steplen)
        group = WorkingGroupPage.objects.filter(path=parent).order_by().values("pk")[:1]
        phase = (
            ConceptPhasePage.objects.filter(Q(path=parent) | Q(path=grandparent))
            .order_by()
            .values("pk")[:1]
        )
        return (
            super()
            .get_queryset()
            .annotate(working_group_id=Subquery(group), phase_id=Subquery(phase))
        )


class MeasurePage(CachedPageMixin, PlainLanguageMixin, DatePeriodMixin, Page):
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
    # Only where wagtail-localize's default differs (see tests/test_translatable_fields.py):
    # the facts are one truth in every language, and a translator cannot override them.
    override_translatable_fields = [
        SynchronizedField("status", overridable=False),
        SynchronizedField("progress", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
        SynchronizedField("decision_date", overridable=False),
        SynchronizedField("decision_reference", overridable=False),
    ]

    api_fields = [
        APIField("summary"),
        rich_text_api_field("plain_language_summary"),
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
        APIField("working_group", serializer=TreeIdField(source="working_group_id")),
        APIField("phase", serializer=TreeIdField(source="phase_id")),
        APIField("history", serializer=HistoryField()),
        APIField("suggestions", serializer=SuggestionsField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("responsible_body"),
        index.SearchField("working_group_title"),
        index.AutocompleteField("summary"),
        index.FilterField("status"),
        index.FilterField("progress"),
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
        MeasureHistoryPanel(heading=pgettext_lazy("measure", "History")),
    ]
    edit_handler = page_tabs(content_panels, (_("Status and decision"), status_panels))

    objects = MeasurePageManager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    @cached_property
    def tree_position(self) -> tuple[int | None, int | None]:
        """(working group id, phase id) of a measure not read through ``MeasurePage.objects``.

        Measures read through the manager carry both ids already; this is for a measure read
        otherwise, e.g. as ``page.specific`` while Wagtail serves it (one query).
        """
        position = (
            MeasurePage.objects.filter(pk=self.pk).values_list("working_group_id", "phase_id")
        ).first()
        return position or (None, None)

    # Overridden per instance by the manager's annotations (a non-data descriptor).
    @cached_property
    def working_group_id(self) -> int | None:
        """The id of the working group above the measure; None for a measure of a phase."""
        return self.tree_position[0]

    @cached_property
    def phase_id(self) -> int | None:
        """The id of the phase the measure belongs to, directly or through its group."""
        return self.tree_position[1]

    def working_group_title(self) -> str:
        """The title of the measure's working group, so that searching for a group's name
        finds its measures (read when the measure is indexed)."""
        from .groups import WorkingGroupPage  # groups imports this module

        if not self.working_group_id:
            return ""
        return (
            WorkingGroupPage.objects.filter(pk=self.working_group_id)
            .values_list("title", flat=True)
            .first()
            or ""
        )

    @property
    def status_label(self) -> str:
        """The status in the page's own language, for the API."""
        return i18n.choice_label(self, self.get_status_display)

    def get_context(self, request, *args, **kwargs):
        from .history import history_of  # history imports this module
        from .indicators import Indicator  # indicators imports this module

        context = super().get_context(request, *args, **kwargs)
        context["history"] = list(history_of(self))
        context["suggestions"] = suggestions_of(self)
        indicators = Indicator.of_measure(self)
        owners = i18n.live_translations([i.owner for i in indicators], Page, self.locale_id)
        for indicator in indicators:
            indicator.owner_shown = owners[indicator.owner_id]
        context["indicators"] = indicators
        return context

    def json_ld(self, request=None) -> dict:
        """The measure as schema.org data (an ``Action`` with its ``actionStatus``), for the
        ``<script type="application/ld+json">`` of its page."""
        data = {
            "@context": "https://schema.org",
            "@type": "Action",
            "name": self.title,
            "url": self.get_full_url(request),
            "actionStatus": f"https://schema.org/{SCHEMA_ORG_ACTION_STATUS[self.status]}",
        }
        if self.summary:
            data["description"] = self.summary
        if self.start_date:
            data["startTime"] = self.start_date.isoformat()
        if self.end_date:
            data["endTime"] = self.end_date.isoformat()
        if self.responsible_body:
            data["agent"] = {"@type": "Organization", "name": self.responsible_body}
        return data

    @property
    def has_decision(self) -> bool:
        return bool(
            self.decision_body
            or self.decision_date
            or self.decision_reference
            or self.decision_url
        )
