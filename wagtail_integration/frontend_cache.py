"""Purge the listings of a page from a CDN or reverse proxy when the page changes.

Wagtail's ``wagtail.contrib.frontend_cache`` purges a page itself when it is published or
unpublished. A measure is also shown on its working group's, phase's and concept's pages (in
their lists and counts), a group on its phase's and concept's, a phase on its concept's: these
are purged here, through the same backends, when a page is published, unpublished or moved.
Nothing happens unless the host has installed ``wagtail.contrib.frontend_cache``.
"""

from wagtail.models import Page


def listings_above(page: Page, inclusive: bool = False) -> list[Page]:
    """The concept, phase and working-group pages above `page` (and `page` itself, if
    `inclusive` and it is one): the pages that list it (one query)."""
    from .models import ConceptPhasePage, IntegrationConceptPage, WorkingGroupPage

    return list(
        Page.objects.ancestor_of(page, inclusive=inclusive)
        .type(IntegrationConceptPage, ConceptPhasePage, WorkingGroupPage)
        .specific()
    )


def purge(pages: list[Page]) -> None:
    """Purge `pages` (each once) through the host's frontend cache backends."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    unique = list({page.pk: page for page in pages}.values())
    if unique:
        purge_pages_from_cache(unique)


def purge_listings(sender, instance: Page, **kwargs) -> None:
    """page_published, page_unpublished: purge the pages that list `instance`."""
    purge(listings_above(instance))


def purge_listings_after_move(
    sender, instance: Page, parent_page_before: Page, parent_page_after: Page, **kwargs
) -> None:
    """post_page_move: purge the listings the page left and those it joined."""
    purge(
        listings_above(parent_page_before, inclusive=True)
        + listings_above(parent_page_after, inclusive=True)
    )
