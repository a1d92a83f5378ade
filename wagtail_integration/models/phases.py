"""Concept phases and their milestones."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import conf, i18n
from ..api.fields import related_id_api_field
from ..blocks import BodyBlock
from ..charts import status_bar
from ..http_caching import CachedPageMixin
from .groups import WorkingGroupPage
from .listings import (
    first_children,
    paginate,
    private_sections,
    status_counts_below,
    summed,
    visible,
)
from .measures import MeasurePage, MeasureStatus
from .periods import DatePeriodMixin
from .tabs import page_tabs


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PREPARATION = "in_preparation", _("In preparation")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")
    UNDER_EVALUATION = "under_evaluation", _("Under evaluation")
    COMPLETED = "completed", _("Completed")


# The phases a concept is working on now; the first of them found from the latest
# phase backwards is the "current" phase shown on the concept page.
ACTIVE_PHASE_STATUSES = (
    PhaseStatus.IN_PREPARATION,
    PhaseStatus.IN_IMPLEMENTATION,
    PhaseStatus.UNDER_EVALUATION,
)


class MilestoneKind(models.TextChoices):
    COUNCIL_RESOLUTION = "council_resolution", _("Council resolution")
    WORKSHOP = "workshop", _("Workshop")
    EVALUATION = "evaluation", _("Evaluation")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")


class ConceptPhasePage(CachedPageMixin, DatePeriodMixin, Page):
    """One phase of an integration concept, e.g. "Phase 2 (since 2015)"."""

    number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        verbose_name=_("phase number"),
        help_text=_("The phase's ordinal number (1, 2, ...). Phases are listed in this order."),
    )
    status = models.CharField(
        max_length=32,
        choices=PhaseStatus.choices,
        default=PhaseStatus.PLANNED,
        verbose_name=pgettext_lazy("concept phase", "status"),
        help_text=_("Where the phase stands today."),
    )
    summary = models.TextField(
        blank=True,
        verbose_name=_("summary"),
        help_text=_("One or two sentences shown in listings and at the top of the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Background, aims and context of the phase."),
    )

    # Only where wagtail-localize's default differs (see tests/test_translatable_fields.py):
    # the facts are one truth in every language, and a translator cannot override them.
    override_translatable_fields = [
        SynchronizedField("number", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("start_date", overridable=False),
        SynchronizedField("end_date", overridable=False),
    ]

    api_fields = [
        APIField("number"),
        APIField("status"),
        APIField("status_label"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("summary"),
        APIField("body"),
        APIField("milestones"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    parent_page_types = ["wagtail_integration.IntegrationConceptPage"]
    subpage_types = ["wagtail_integration.WorkingGroupPage", "wagtail_integration.MeasurePage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    status_panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Period"),
        ),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
    ]
    edit_handler = page_tabs(content_panels, (_("Status and milestones"), status_panels))

    class Meta:
        verbose_name = _("concept phase")
        verbose_name_plural = _("concept phases")

    @property
    def status_label(self) -> str:
        """The status in the page's own language, for the API."""
        return i18n.choice_label(self, self.get_status_display)

    @staticmethod
    def concept_model():
        from .concept import IntegrationConceptPage  # concept imports this module

        return IntegrationConceptPage

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_PHASE_STATUSES

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        private = private_sections(request)
        groups = list(visible(WorkingGroupPage.objects.child_of(self), private))
        # The measures of the groups: the first few of each, and how many there are.
        of_groups = visible(
            MeasurePage.objects.filter(path__startswith=self.path, depth=self.depth + 2),
            private,
        ).defer_streamfields()
        # The measures of the groups and the phase's own, by group and status: one query
        # for the groups' bars and the phase's (their sum).
        by_group = status_counts_below(
            visible(MeasurePage.objects.descendant_of(self), private),
            self.depth + 1,
            MeasureStatus,
        )
        first = first_children(of_groups, groups, conf.phase_measures_per_group())
        for group in groups:
            summary = by_group.get(group.path, {"rows": [], "total": 0, "mean_progress": None})
            group.listed_measures = first.get(group.path, [])
            group.measure_count = summary["total"]
            group.mean_progress = summary["mean_progress"]
            group.status_chart = status_bar(summary["rows"], chart_id=f"wi-chart-group-{group.pk}")
        context["status_chart"] = status_bar(
            summed(by_group, MeasureStatus), chart_id="wi-chart-phase"
        )
        own = visible(MeasurePage.objects.child_of(self), private).defer_streamfields()
        context["working_groups"] = groups
        context["overview_url"] = self.concept_model().overview_url_above(
            self, 1, request, phase=self.pk
        )
        context["measures_without_group"] = paginate(request, own, conf.measures_per_page())
        context["milestones"] = self.milestones.select_related("document").order_by(
            "date", "sort_order"
        )
        return context


class PhaseMilestone(TranslatableMixin, Orderable):
    """A dated event of a phase: a resolution, a workshop, an evaluation, a publication."""

    page = ParentalKey(ConceptPhasePage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(
        verbose_name=pgettext_lazy("milestone", "date"),
        help_text=_("The day the milestone took place or is planned."),
    )
    kind = models.CharField(
        max_length=32,
        choices=MilestoneKind.choices,
        default=MilestoneKind.OTHER,
        verbose_name=_("kind"),
        help_text=_("What kind of event this was."),
    )
    title = models.CharField(
        max_length=255,
        verbose_name=pgettext_lazy("milestone", "title"),
        help_text=_('What happened, e.g. "City council adopts the integration concept".'),
    )
    place = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("place"),
        help_text=_("Where it took place, if that matters."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=pgettext_lazy("milestone", "document"),
        help_text=_("An optional document, e.g. the resolution or the evaluation report."),
    )

    # Only where wagtail-localize's default differs (see tests/test_translatable_fields.py):
    # a milestone's date and kind are the same in every language.
    override_translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("kind", overridable=False),
    ]

    api_fields = [
        APIField("date"),
        APIField("kind"),
        APIField("kind_label"),
        APIField("title"),
        APIField("place"),
        related_id_api_field("document"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("title"),
        FieldPanel("place"),
        FieldPanel("document"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title

    @property
    def kind_label(self) -> str:
        """The kind in the language of the milestone's page, for the API."""
        return i18n.choice_label(self.page, self.get_kind_display)
