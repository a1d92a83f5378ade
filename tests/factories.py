"""Factories that build real pages in the real page tree, and indicators of those pages.

Each takes the parent page and any field values, fills in the rest, and returns the saved,
published page (or the saved indicator).
"""

import itertools
from decimal import Decimal

from wagtail.models import Page

from wagtail_integration.feedback.models import FeedbackFormPage
from wagtail_integration.models import (
    ConceptPhasePage,
    Indicator,
    IndicatorValue,
    IntegrationConceptPage,
    MeasurePage,
    WorkingGroupPage,
)

_sequence = itertools.count(1)


def _add(parent: Page, model: type[Page], fields: dict) -> Page:
    number = next(_sequence)
    fields.setdefault("title", f"{model._meta.verbose_name} {number}".capitalize())
    fields.setdefault("slug", f"{model._meta.model_name}-{number}")
    return parent.add_child(instance=model(**fields))


def make_concept(parent: Page, **fields) -> IntegrationConceptPage:
    return _add(parent, IntegrationConceptPage, fields)


def make_phase(concept: IntegrationConceptPage, **fields) -> ConceptPhasePage:
    return _add(concept, ConceptPhasePage, fields)


def make_group(phase: ConceptPhasePage, **fields) -> WorkingGroupPage:
    fields.setdefault("goal", "Lower the barriers to work and training.")
    return _add(phase, WorkingGroupPage, fields)


def make_measure(parent: Page, **fields) -> MeasurePage:
    return _add(parent, MeasurePage, fields)


def make_content_pages(root: Page, **measure_fields) -> dict:
    """A concept with one phase, one working group and one measure (given `measure_fields`)."""
    concept = make_concept(root)
    phase = make_phase(concept)
    group = make_group(phase)
    measure = make_measure(group, **measure_fields)
    return {"concept": concept, "phase": phase, "group": group, "measure": measure}


def make_concept_tree(root: Page, groups: int, measures_per_group: int) -> dict:
    """A concept with one active phase, its groups, their measures and one phase measure."""
    concept = make_concept(root, title="Integration concept")
    phase = make_phase(concept, title="Phase 2", number=2, status="in_implementation")
    made_groups, made_measures = [], []
    statuses = ["proposed", "planned", "in_progress", "implemented", "discontinued"]
    for g in range(groups):
        group = make_group(phase, title=f"Working group {g + 1}")
        made_groups.append(group)
        for m in range(measures_per_group):
            made_measures.append(
                make_measure(group, title=f"Measure {g + 1}.{m + 1}", status=statuses[m % 5])
            )
    phase_measure = make_measure(phase, title="Measure of the phase", status="planned")
    return {
        "concept": concept,
        "phase": phase,
        "groups": made_groups,
        "measures": made_measures,
        "phase_measure": phase_measure,
    }


def make_feedback_page(parent: Page, **fields) -> FeedbackFormPage:
    fields.setdefault("title", "Ihre Anregungen")
    return _add(parent, FeedbackFormPage, fields)


def make_many_measures(parent: Page, count: int, **fields) -> None:
    """`count` live measures under `parent`, fast: one INSERT of their page rows and one
    insert of each measure row, for the tests that prove a page's cost does not grow with
    thousands of measures (``add_child`` takes ~10 ms a page). Titles are "Measure <n>";
    nothing else of Wagtail's (revisions, search index, signals) happens."""
    import uuid

    from django.contrib.contenttypes.models import ContentType

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(MeasurePage)
    first = parent.numchild + 1
    pages = []
    for step in range(first, first + count):
        slug = f"bulk-measure-{parent.pk}-{step}"
        pages.append(
            Page(
                title=f"Measure {step}",
                draft_title=f"Measure {step}",
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                live=True,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[page.path for page in pages])
    for page in created:
        measure = MeasurePage(page_ptr_id=page.pk, **fields)
        measure.__dict__.update({f.attname: getattr(page, f.attname) for f in Page._meta.fields})
        measure.save_base(raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)


def make_indicator(owner: Page, values=(), **fields) -> Indicator:
    """An indicator of `owner` (a working group or concept) with `values`: (period, value)
    or (period, value, comparison value) tuples."""
    indicator = Indicator.objects.create(
        owner=owner,
        title=fields.pop("title", "Beschäftigungsquote"),
        definition=fields.pop(
            "definition", "Anteil der Beschäftigten an den 15- bis 64-Jährigen."
        ),
        unit=fields.pop("unit", "percent"),
        **fields,
    )
    for period, value, *comparison in values:
        IndicatorValue.objects.create(
            indicator=indicator,
            period=period,
            value=Decimal(str(value)),
            comparison_value=Decimal(str(comparison[0])) if comparison else None,
        )
    return indicator
