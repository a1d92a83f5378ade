"""Keep the tree and caches right: child counts after translation, cached locale codes, the
page cache, and a CDN's copies of the listings (when the host uses Wagtail's frontend cache)."""

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .frontend_cache import purge_listings, purge_listings_after_move
from .i18n import forget_language_codes


def shown_on_pages() -> list[type]:
    """What a content page shows besides its own rows, as concrete models: pages (listings,
    breadcrumbs, translations), sites and locales, view restrictions (they hide a section
    from the listings), and documents and images where installed."""
    from wagtail.models import BaseViewRestriction

    bases: list[type] = [Page, Site, Locale, BaseViewRestriction]
    if apps.is_installed("wagtail.documents"):
        from wagtail.documents.models import AbstractDocument

        bases.append(AbstractDocument)
    if apps.is_installed("wagtail.images"):
        from wagtail.images.models import AbstractImage

        bases.append(AbstractImage)
    return [
        model
        for model in apps.get_models()
        if issubclass(model, tuple(bases)) and not model._meta.abstract
    ]


def repair_child_counts(page: Page) -> None:
    """Set ``numchild`` of `page` and of its parent to their real number of children.

    Writes only a count that is wrong; a right tree costs three SELECTs, each counting by a
    literal path prefix (as ``get_children`` does), so they use the path index.
    """
    rows = Page.objects.filter(Q(pk=page.pk) | Q(path=page.path[: -Page.steplen])).values_list(
        "pk", "path", "depth", "numchild"
    )
    for pk, path, depth, numchild in list(rows):
        real = Page.objects.filter(path__startswith=path, depth=depth + 1).count()
        if numchild != real:
            # Guarded by the count just read, so a child added meanwhile is not undone.
            Page.objects.filter(pk=pk, numchild=numchild).update(numchild=real)


def repair_child_counts_after_publish(sender, instance, **kwargs) -> None:
    """After a page of the package is published, repair its and its parent's child counts.

    wagtail-localize's "translate with subpages" (its issue #773) creates the translated pages
    in one transaction and publishes each one when it commits, from the page object it held
    before the children existed: each translated parent is saved with ``numchild = 0``, and
    Wagtail's routing then answers 404 for its children. The repair runs once the publishing
    transaction has committed. Each page repairs itself after its own stale save, whatever
    order the pages are published in; its parent is repaired too, for a parent that is not
    one of the package's pages (the home page translated with its subpages).
    """
    transaction.on_commit(lambda: repair_child_counts(instance))


def register_signal_handlers() -> None:
    for signal in (post_save, post_delete):
        signal.connect(forget_language_codes, sender=Locale, dispatch_uid=f"wi-locale-{signal}")
        # Each model by name: a post_delete receiver without a sender would turn Django's
        # fast deletes (one DELETE for a queryset) off for every model of the project.
        for model in shown_on_pages():
            signal.connect(
                page_cache.invalidate,
                sender=model,
                dispatch_uid=f"wi-page-cache-{signal}-{model._meta.label_lower}",
            )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache.invalidate, dispatch_uid=f"wi-page-cache-{signal}")

    from .models import (
        ConceptPhasePage,
        IntegrationConceptPage,
        MeasurePage,
        WorkingGroupPage,
    )
    from .models.history import MeasureHistoryEntry, record_publication
    from .models.indicators import Indicator, IndicatorValue
    from .models.open_data import OpenDataSettings

    page_published.connect(
        record_publication, sender=MeasurePage, dispatch_uid="wagtail_integration.history"
    )
    # A note or date corrected in the admin shows on the pages and in the exports, a new
    # licence in the data package, an indicator's new value in its chart.
    for signal in (post_save, post_delete):
        for model in (MeasureHistoryEntry, OpenDataSettings, Indicator, IndicatorValue):
            signal.connect(
                page_cache.invalidate,
                sender=model,
                dispatch_uid=f"wi-page-cache-{signal}-{model._meta.model_name}",
            )

    for model in (
        IntegrationConceptPage,
        ConceptPhasePage,
        WorkingGroupPage,
        MeasurePage,
    ):
        page_published.connect(
            repair_child_counts_after_publish,
            sender=model,
            dispatch_uid=f"wagtail_integration.repair_child_counts.{model._meta.model_name}",
        )
        if apps.is_installed("wagtail.contrib.frontend_cache"):
            name = model._meta.model_name
            for signal, handler in [
                (page_published, purge_listings),
                (page_unpublished, purge_listings),
                (post_page_move, purge_listings_after_move),
            ]:
                signal.connect(
                    handler,
                    sender=model,
                    dispatch_uid=f"wagtail_integration.purge.{name}.{signal}",
                )
