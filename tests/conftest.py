import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site

from wagtail_integration.feedback.models import FeedbackSettings

from .factories import make_concept_tree, make_feedback_page


@pytest.fixture
def home_page(db):
    """The root page of the default site, as Wagtail's migrations create it."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in the cache; every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def concept_tree(home_page):
    """A concept whose current phase has two working groups; the first has a contact."""
    tree = make_concept_tree(home_page, groups=2, measures_per_group=1)
    first = tree["groups"][0]
    first.title = "Arbeit und Ausbildung"
    first.contact_email = "arbeit@example.org"
    first.save()
    return tree


@pytest.fixture
def feedback_page(concept_tree):
    return make_feedback_page(
        concept_tree["concept"], to_address="beirat@example.org", from_address="web@example.org"
    )


@pytest.fixture
def feedback_settings(home_page):
    site = Site.objects.get(is_default_site=True)
    return FeedbackSettings.objects.create(
        site=site, default_recipient="default@example.org", retention_days=365
    )


@pytest.fixture
def instant_feedback(settings):
    """Accept feedback posted at once, so tests need not wait the minimum fill time."""
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def arabic(db):
    return Locale.objects.get_or_create(language_code="ar")[0]


@pytest.fixture
def german(db):
    return Locale.objects.get_or_create(language_code="de")[0]


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language.

    Django keeps the active language per thread, and a request or a command may leave one
    active; under pytest-xdist the next test on that worker would run in it.
    """
    translation.deactivate()
    yield
    translation.deactivate()


def pytest_collection_modifyitems(items):
    """Run the slow tests (builds, `wagtail start` hosts, server processes) first.

    pytest-xdist hands out whole modules in collection order: a long module handed out last
    would keep one worker busy while the others have finished.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True, scope="session")
def no_reference_index_updates():
    """Skip Wagtail's reference index: updated in a task after every save, it took a third of
    the time of tests that build page trees, and nothing here reads it."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        yield


def pytest_terminal_summary(terminalreporter):
    """Say how many pages axe checked in the browser tests and what it found, so that CI's
    output shows it. Here, not in tests/browser/: pytest-xdist's controller reads only this
    conftest."""
    reports = [
        report
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
    ]
    pages = violations = 0
    for report in reports:
        properties = dict(getattr(report, "user_properties", []))
        pages += properties.get("axe_pages", 0)
        violations += properties.get("axe_violations", 0)
    if pages:
        terminalreporter.write_line(f"axe-core: {pages} pages checked, {violations} violations")
