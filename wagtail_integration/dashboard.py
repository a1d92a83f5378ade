"""The measures panel of the Wagtail admin's dashboard: how many measures each concept has in
each status, every number a link to the admin listing of exactly those measures.

It counts the measures the user may see in Wagtail's page explorer, live and draft alike (as
the listing lists them), below the concepts the user may explore. The counts take one query
per distinct depth of those concepts in the tree (usually one), besides the concepts' own
query and the user's page permissions, however many measures and concepts there are.
"""

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import HttpRequest
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .admin_listing import concept_label, explorable_pages, measures_listing_url, visible_concepts
from .models import IntegrationConceptPage, MeasurePage, MeasureStatus


@dataclass(frozen=True)
class MeasureCount:
    """One number of the panel: the measures of a concept (in one status, or all)."""

    count: int
    url: str
    description: str  # what the number counts, for a screen reader's list of links

    @property
    def display(self) -> str:
        """The number in the active language's way, e.g. "1.234" in German."""
        return formats.number_format(self.count, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class ConceptMeasureCounts:
    """One row of the panel: a concept, its counts per status (in the order of
    `MeasureStatus`) and its total."""

    concept: IntegrationConceptPage
    label: str
    by_status: list[MeasureCount]
    total: MeasureCount


def count_measures_by_concept(
    user: AbstractBaseUser | AnonymousUser,
) -> dict[IntegrationConceptPage, Counter]:
    """The measures `user` may see below each concept they may explore, counted by status.

    A measure below two concepts (a concept placed inside another one) counts for both, as
    the listing filtered by either concept shows it.
    """
    concepts = list(visible_concepts(user))
    if not concepts:
        return {}
    measures = MeasurePage.objects.filter(pk__in=explorable_pages(user).values("pk"))
    paths_by_depth: dict[int, list[str]] = defaultdict(list)
    for concept in concepts:
        paths_by_depth[concept.depth].append(concept.path)
    counts: dict[str, Counter] = defaultdict(Counter)
    for depth, paths in paths_by_depth.items():
        rows = (
            measures.filter(depth__gt=depth)
            .annotate(concept_path=Substr("path", 1, depth * Page.steplen))
            .filter(concept_path__in=paths)
            .order_by()
            .values("concept_path", "status")
            .annotate(measures=Count("pk"))
        )
        for row in rows:
            counts[row["concept_path"]][row["status"]] += row["measures"]
    return {concept: counts[concept.path] for concept in concepts}


def _count(concept: IntegrationConceptPage, label: str, status, count: int) -> MeasureCount:
    if status is None:
        description = ngettext(
            "%(count)s measure of %(concept)s in all",
            "%(count)s measures of %(concept)s in all",
            count,
        )
    else:
        description = ngettext(
            "%(count)s measure of %(concept)s: %(status)s",
            "%(count)s measures of %(concept)s: %(status)s",
            count,
        )
    description %= {
        "count": formats.number_format(count, use_l10n=True, force_grouping=True),
        "concept": label,
        "status": status.label if status is not None else "",
    }
    return MeasureCount(
        count=count,
        url=measures_listing_url(concept, status.value if status is not None else None),
        description=description,
    )


def measure_counts(user: AbstractBaseUser | AnonymousUser) -> list[ConceptMeasureCounts]:
    """The panel's rows: one per concept `user` may explore, in tree order."""
    rows = []
    for concept, counts in count_measures_by_concept(user).items():
        label = concept_label(concept)
        rows.append(
            ConceptMeasureCounts(
                concept=concept,
                label=label,
                by_status=[
                    _count(concept, label, status, counts[status.value])
                    for status in MeasureStatus
                ],
                total=_count(concept, label, None, sum(counts.values())),
            )
        )
    return rows


class MeasuresPanel(Component):
    """The dashboard panel: a table with a row per concept and a column per status."""

    name = "wagtail_integration_measures"
    template_name = "wagtail_integration/admin/measures_panel.html"
    order = 240  # after Wagtail's workflow panels, before "Your most recent edits" (250)

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        return {
            "rows": self.rows,
            "statuses": [status.label for status in MeasureStatus],
            "heading": _("Measures"),
            "listing_url": measures_listing_url(),
        }

    @cached_property
    def rows(self) -> list[ConceptMeasureCounts]:
        """Counted once, when the dashboard renders the panel (not when the hook adds it)."""
        return measure_counts(self.request.user)

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> SafeString:
        """Nothing at all for a user who may explore no concept."""
        if not self.rows:
            return SafeString("")
        return super().render_html(parent_context)
