"""The integration concept: the root page of a city's concept."""

from urllib.parse import urlencode

from django.apps import apps
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import i18n
from ..api.fields import IndicatorsField, related_id_api_field, rich_text_api_field
from ..blocks import RICH_TEXT_FEATURES, BodyBlock, DocumentListBlock
from ..charts import status_bar
from ..http_caching import CachedPageMixin
from ..indicator_panel import IndicatorsPanel
from ..timeline import phase_timeline
from .groups import WorkingGroupPage
from .listings import (
    private_sections,
    status_counts_below,
    summed,
    visible,
    without_unpublished_branches,
)
from .measures import MeasurePage, MeasureStatus
from .phases import ConceptPhasePage, PhaseMilestone, PhaseStatus
from .plain_language import PlainLanguageMixin
from .tabs import page_tabs

# The feedback app, which this app knows only by name: it may be absent.
FEEDBACK_APP = "wagtail_integration.feedback"
FEEDBACK_PAGE_MODEL = "wagtail_integration_feedback.FeedbackFormPage"


class IntegrationConceptPage(CachedPageMixin, RoutablePageMixin, PlainLanguageMixin, Page):
    """A city's integration concept: its phases, working groups, measures and feedback.

    Its sub-pages (``views``): the measures overview at ``measures/`` and the open data at
    ``measures/csv/``, ``measures/json/`` and ``measures/datapackage/``.
    """

    intro = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=_("introduction"),
        help_text=_("A short introduction shown at the top of the page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Background of the concept: who made it, when it was adopted, why."),
    )
    downloads = StreamField(
        DocumentListBlock(),
        blank=True,
        verbose_name=_("downloads"),
        help_text=_("The concept's documents, e.g. the concept paper of each phase."),
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("feedback page"),
        help_text=_(
            "The page where residents send wishes and suggestions. Leave empty to link to "
            "the first feedback form under this concept."
        ),
    )
    feedback_teaser = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("feedback invitation"),
        help_text=_(
            "A sentence inviting residents to give feedback. Leave empty for the standard text."
        ),
    )

    @classproperty
    def subpage_types(cls) -> list[str]:
        # The feedback form may go under the concept when its app is installed; named by its
        # label so that this app needs nothing of it.
        if apps.is_installed(FEEDBACK_APP):
            return ["wagtail_integration.ConceptPhasePage", FEEDBACK_PAGE_MODEL]
        return ["wagtail_integration.ConceptPhasePage"]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("indicators", serializer=IndicatorsField()),
        rich_text_api_field("intro"),
        rich_text_api_field("plain_language_summary"),
        APIField("body"),
        APIField("downloads"),
        related_id_api_field("feedback_page"),
        APIField("feedback_teaser"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PlainLanguageMixin.plain_language_panel,
        FieldPanel("body"),
        FieldPanel("downloads"),
        MultiFieldPanel(
            [FieldPanel("feedback_page"), FieldPanel("feedback_teaser")],
            heading=_("Feedback"),
        ),
    ]
    edit_handler = page_tabs(
        content_panels, (_("Indicators"), [IndicatorsPanel(heading=_("Indicators"))])
    )

    class Meta:
        verbose_name = _("integration concept")
        verbose_name_plural = _("integration concepts")

    # The views of the sub-pages are imported when called: the views read the models, and
    # the models import nothing of the views at load time.
    @path("measures/", name="measures")
    def measures_overview(self, request):
        """The measures of the concept, filtered, sorted and paged."""
        from ..views.overview import measures_overview

        return measures_overview(request, self)

    @path("measures/csv/", name="measures_csv")
    def measures_csv(self, request):
        """The measures as CSV (UTF-8 with BOM)."""
        from ..views.exports import measures_csv

        return measures_csv(request, self)

    @path("measures/json/", name="measures_json")
    def measures_json(self, request):
        """The measures as JSON."""
        from ..views.exports import measures_json

        return measures_json(request, self)

    @path("measures/datapackage/", name="measures_datapackage")
    def measures_datapackage(self, request):
        """The Frictionless data package descriptor of both exports."""
        from ..views.exports import measures_datapackage

        return measures_datapackage(request, self)

    @path("indicators/csv/", name="indicators_csv")
    def indicators_csv(self, request):
        """The indicators' values as CSV (UTF-8 with BOM), one row per value."""
        from ..views.indicator_exports import indicators_csv

        return indicators_csv(request, self)

    @path("indicators/json/", name="indicators_json")
    def indicators_json(self, request):
        """The indicators with their values as JSON."""
        from ..views.indicator_exports import indicators_json

        return indicators_json(request, self)

    def get_cached_paths(self) -> list[str]:
        """The page and its sub-pages, for Wagtail's frontend cache to purge together
        (filtered addresses of the overview expire after the pages' max-age)."""
        return [
            "/",
            "/measures/",
            "/measures/csv/",
            "/measures/json/",
            "/measures/datapackage/",
            "/indicators/csv/",
            "/indicators/json/",
        ]

    # Previews show the page itself, as Wagtail's own ``serve_preview`` does (the routable
    # mixin's would route to a sub-page for "/").
    serve_preview = Page.serve_preview

    @classmethod
    def subpage_url_of(cls, concept: Page, name: str, request=None) -> str:
        """The address of a sub-page (``"measures"``, ``"measures_csv"``, ...) of `concept`,
        which may be a plain ``Page`` of this type, relative to the site."""
        return (concept.get_url(request) or "") + cls.get_resolver().reverse(name).lstrip("/")

    def subpage_url(self, name: str, request=None) -> str:
        """The address of one of this concept's sub-pages, relative to the site."""
        return self.subpage_url_of(self, name, request)

    @classmethod
    def overview_url(cls, concept: Page, request=None, **filters) -> str:
        """The address of `concept`'s measures overview with `filters` (``phase``,
        ``group``, ``status``) preset; `concept` may be a plain ``Page`` of this type."""
        base = cls.subpage_url_of(concept, "measures", request)
        query = urlencode({name: value for name, value in filters.items() if value is not None})
        return f"{base}?{query}" if query else base

    @classmethod
    def overview_url_above(cls, page: Page, levels: int, request=None, **filters) -> str | None:
        """The overview's address of the concept `levels` steps above `page` (one query),
        or None if that page is no concept."""
        path = page.path[: -levels * Page.steplen]
        concept = Page.objects.filter(path=path, content_type__model=cls._meta.model_name)
        concept = concept.filter(content_type__app_label=cls._meta.app_label).first()
        return cls.overview_url(concept, request, **filters) if concept else None

    def get_phases(self, private: Q | None = None):
        """The live phases, by phase number and then by their order in the page tree."""
        private = private_sections() if private is None else private
        return visible(ConceptPhasePage.objects.child_of(self), private).order_by(
            F("number").asc(nulls_last=True), "path"
        )

    @staticmethod
    def pick_current_phase(phases: list[ConceptPhasePage]) -> ConceptPhasePage | None:
        """The latest active phase; else the latest begun one; else the first planned one."""
        for phase in reversed(phases):
            if phase.is_active:
                return phase
        for phase in reversed(phases):
            if phase.status != PhaseStatus.PLANNED:
                return phase
        return phases[0] if phases else None

    def get_feedback_page(self) -> Page | None:
        """The chosen feedback page if it is live, else the first live feedback form below."""
        if self.feedback_page_id:
            page = i18n.in_page_locale(self.feedback_page, self)
            return page if page.live else None
        if not apps.is_installed(FEEDBACK_APP):
            return None
        feedback_page_model = apps.get_model(FEEDBACK_PAGE_MODEL)
        return feedback_page_model.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        from ..indicator_charts import charts_of_page  # it imports the models

        context = super().get_context(request, *args, **kwargs)
        private = private_sections(request)
        phases = list(self.get_phases(private))
        current_phase = self.pick_current_phase(phases)
        current_groups = []
        if current_phase:
            current_groups = list(
                visible(WorkingGroupPage.objects.child_of(current_phase), private)
            )
            by_group = status_counts_below(
                visible(MeasurePage.objects.descendant_of(current_phase), private),
                current_phase.depth + 1,
                MeasureStatus,
            )
            for group in current_groups:
                summary = by_group.get(group.path, {})
                group.measure_count = summary.get("total", 0)
                group.mean_progress = summary.get("mean_progress")
        measures = without_unpublished_branches(
            visible(MeasurePage.objects.descendant_of(self), private), self
        )
        # Every measure lies below a phase: the concept's counts are the phases' summed.
        by_phase = status_counts_below(measures, self.depth + 1, MeasureStatus)
        counts_by_status = summed(by_phase, MeasureStatus)
        phase_charts = [
            {
                "phase": phase,
                "chart": status_bar(
                    by_phase[phase.path]["rows"], chart_id=f"wi-chart-phase-{phase.pk}"
                ),
                "mean_progress": by_phase[phase.path]["mean_progress"],
            }
            for phase in phases
            if phase.path in by_phase
        ]
        milestones = (
            PhaseMilestone.objects.filter(page__in=[phase.pk for phase in phases])
            .select_related("document")
            .order_by("date", "sort_order")
        )
        timeline = phase_timeline(phases, current_phase, milestones, timezone.localdate())
        feedback_page = self.get_feedback_page()
        context.update(
            # The concept's own, cross-cutting indicators; the groups show theirs.
            indicators=charts_of_page(self, i18n.page_language(self)),
            timeline=timeline,
            phases=phases,
            current_phase=current_phase,
            current_groups=current_groups,
            status_counts=counts_by_status,
            status_chart=status_bar(counts_by_status, chart_id="wi-chart-concept"),
            phase_charts=phase_charts,
            measure_total=sum(row["count"] for row in counts_by_status),
            feedback_page=feedback_page,
            overview_url=self.overview_url(self, request),
        )
        return context
