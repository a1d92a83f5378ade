"""Working groups (fields of action) and their member organisations."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import conf, i18n
from ..api.fields import IndicatorsField, rich_text_api_field
from ..blocks import RICH_TEXT_FEATURES
from ..charts import status_bar
from ..http_caching import CachedPageMixin
from ..indicator_panel import IndicatorsPanel
from .listings import paginate, private_sections, status_counts_below, visible
from .measures import MeasurePage, MeasureStatus
from .plain_language import PlainLanguageMixin
from .tabs import page_tabs


class WorkingGroupPage(CachedPageMixin, PlainLanguageMixin, Page):
    """A working group of a phase, e.g. "Work and vocational training"."""

    goal = models.TextField(
        verbose_name=_("goal"),
        help_text=_("What the group wants to achieve, in one or two plain sentences."),
    )
    description = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        verbose_name=pgettext_lazy("working group", "description"),
        help_text=_("How the group works, whom it brings together, what it has done."),
    )
    lead = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("lead"),
        help_text=_("The office or organisation that leads the group."),
    )
    contact_name = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("contact"),
        help_text=_('The contact person\'s role, e.g. "Chair of the working group".'),
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("contact email"),
        help_text=_(
            "Feedback about this group is sent here. It is not shown on the site "
            "unless you tick the box below."
        ),
    )
    show_contact_email = models.BooleanField(
        default=False,
        verbose_name=_("show contact email"),
        help_text=_("Publish the contact email address on the group's page."),
    )

    # Only where wagtail-localize's default differs (see tests/test_translatable_fields.py):
    # the address that feedback is routed to, and whether it is shown, are the same in
    # every language.
    override_translatable_fields = [
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("show_contact_email", overridable=False),
    ]

    api_fields = [
        APIField("indicators", serializer=IndicatorsField()),
        APIField("goal"),
        rich_text_api_field("plain_language_summary"),
        rich_text_api_field("description"),
        APIField("lead"),
        APIField("contact_name"),
        APIField("public_contact_email"),  # empty unless the editor publishes the address
        APIField("members"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("goal"),
        index.SearchField("description"),
        index.SearchField("lead"),
    ]

    parent_page_types = ["wagtail_integration.ConceptPhasePage"]
    subpage_types = ["wagtail_integration.MeasurePage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("goal"),
        PlainLanguageMixin.plain_language_panel,
        FieldPanel("description"),
    ]
    organisation_panels = [
        MultiFieldPanel(
            [
                FieldPanel("lead"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("show_contact_email"),
            ],
            heading=_("Lead and contact"),
        ),
        InlinePanel("members", heading=_("Members"), label=_("Member")),
    ]
    edit_handler = page_tabs(
        content_panels,
        (_("Lead and members"), organisation_panels),
        (_("Indicators"), [IndicatorsPanel(heading=_("Indicators"))]),
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    @property
    def public_contact_email(self) -> str:
        """The contact address if the editor chose to publish it, else an empty string."""
        return self.contact_email if self.show_contact_email else ""

    def get_context(self, request, *args, **kwargs):
        from ..indicator_charts import charts_of_page  # it imports the models
        from .concept import IntegrationConceptPage  # concept imports this module

        context = super().get_context(request, *args, **kwargs)
        measures = visible(MeasurePage.objects.child_of(self), private_sections(request))
        context["measures"] = paginate(
            request, measures.defer_streamfields(), conf.measures_per_page()
        )
        summary = status_counts_below(measures, self.depth, MeasureStatus).get(
            self.path, {"rows": [], "mean_progress": None, "with_progress": 0}
        )
        context["status_counts"] = summary["rows"]
        context["status_chart"] = status_bar(summary["rows"], chart_id="wi-chart-group")
        context["mean_progress"] = summary["mean_progress"]
        context["with_progress"] = summary["with_progress"]
        context["members"] = self.members.all()
        context["indicators"] = charts_of_page(self, i18n.page_language(self))
        context["overview_url"] = IntegrationConceptPage.overview_url_above(
            self, 2, request, group=self.pk
        )
        return context


class WorkingGroupMember(TranslatableMixin, Orderable):
    """An organisation that takes part in a working group."""

    page = ParentalKey(WorkingGroupPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(
        max_length=255,
        verbose_name=pgettext_lazy("working group member", "name"),
        help_text=_('The organisation, e.g. "Chamber of crafts". Avoid names of private persons.'),
    )
    url = models.URLField(
        blank=True,
        verbose_name=_("website"),
        help_text=_("Optional link to the organisation's website."),
    )

    api_fields = [APIField("name"), APIField("url")]

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.name
