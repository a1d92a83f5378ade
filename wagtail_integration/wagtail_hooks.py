"""The content app's Wagtail hooks."""

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .content_checks import with_plain_language_checks
from .models import ConceptPhasePage, IntegrationConceptPage, MeasurePage, WorkingGroupPage

PAGES_WITH_PLAIN_LANGUAGE_CHECKS = (
    IntegrationConceptPage,
    ConceptPhasePage,
    WorkingGroupPage,
    MeasurePage,
)


# Late (order 100), so that a host's own hook that replaces the content checker item, as
# Wagtail's documentation shows, runs first and its item gets the checks too.
@hooks.register("construct_wagtail_userbar", order=100)
def add_plain_language_checks(request, items: list, page) -> None:
    """The content checker of the package's pages (the editor's checks panel and the
    userbar) also reports long sentences and long words."""
    if not isinstance(page, PAGES_WITH_PLAIN_LANGUAGE_CHECKS):
        return
    items[:] = [
        with_plain_language_checks(item) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
