"""Translating a page "including its subpages" in the admin leaves a tree residents can browse.

wagtail-localize (its issue #773) creates the translated pages inside one transaction and
publishes each one when it commits, from the page object it held before the children existed:
every translated parent is saved back with ``numchild = 0`` and Wagtail's routing then answers
404 for its children. These tests go the editor's way, through wagtail-localize's own
"Translate" view, in transactions that really commit.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from wagtail_integration.signal_handlers import repair_child_counts

from .factories import make_concept_tree, make_feedback_page

# wagtail-localize publishes the translations in `transaction.on_commit` hooks: the view's
# transaction must commit, which pytest-django's default test transaction never does. The
# serialized rollback restores the site and home page that Wagtail's migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module", autouse=True)
def migrated_data_restored_afterwards(django_db_blocker):
    """Put back what Wagtail's migrations created once this module's tests are done.

    A transactional test empties the database when it ends (as Django's do); under
    pytest-xdist, other modules' tests may run after it on the same worker and need the
    default site and its root page.
    """
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture
def source_tree(home_page):
    """A live concept with a phase, two groups of two measures, a phase measure and a form."""
    tree = make_concept_tree(home_page, groups=2, measures_per_group=2)
    tree["feedback_page"] = make_feedback_page(
        tree["concept"], to_address="beirat@example.org", from_address="web@example.org"
    )
    return tree


def submit_translation(admin_client, page: Page, locale, include_subtree: bool) -> None:
    """Press "Translate" on `page` in the admin, as an editor does."""
    data = {"locales": [locale.pk]}
    if include_subtree:
        data["include_subtree"] = "on"
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def translated_pages(source_root: Page, locale) -> list[Page]:
    """The translations of `source_root` and of every page below it, fresh from the database."""
    sources = Page.objects.filter(path__startswith=source_root.path)
    return list(
        Page.objects.filter(
            translation_key__in=sources.values("translation_key"), locale=locale
        ).order_by("path")
    )


def real_child_count(page: Page) -> int:
    """Counted from the paths: treebeard's `get_children()` trusts `numchild` and finds none."""
    return Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()


def assert_tree_is_browsable(client, pages: list[Page]) -> None:
    assert pages
    for page in pages:
        assert page.numchild == real_child_count(page), page.title
        assert page.live, page.title
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url


def test_translating_the_concept_with_subpages_publishes_a_browsable_tree(
    client, admin_client, home_page, source_tree, german
):
    submit_translation(admin_client, home_page, german, include_subtree=False)

    submit_translation(admin_client, source_tree["concept"], german, include_subtree=True)

    pages = translated_pages(source_tree["concept"], german)
    assert len(pages) == len(Page.objects.filter(path__startswith=source_tree["concept"].path))
    assert_tree_is_browsable(client, pages)


def test_translating_the_home_page_with_subpages_publishes_a_browsable_tree(
    client, admin_client, home_page, source_tree, arabic
):
    submit_translation(admin_client, home_page, arabic, include_subtree=True)

    pages = translated_pages(home_page, arabic)
    assert len(pages) == len(Page.objects.filter(path__startswith=home_page.path))
    assert_tree_is_browsable(client, pages)


def test_a_draft_source_tree_translates_into_drafts_with_the_right_child_counts(
    client, admin_client, home_page, source_tree, german
):
    """wagtail-localize keeps the source's live status: drafts stay drafts until published."""
    for page in Page.objects.filter(path__startswith=source_tree["concept"].path):
        page.specific.unpublish(log_action=False)
    submit_translation(admin_client, home_page, german, include_subtree=False)

    submit_translation(admin_client, source_tree["concept"], german, include_subtree=True)

    pages = translated_pages(source_tree["concept"], german)
    assert [page.title for page in pages if page.live] == []
    for page in pages:
        assert page.numchild == real_child_count(page), page.title
    for page in pages:
        page.specific.save_revision().publish()
    assert_tree_is_browsable(client, translated_pages(source_tree["concept"], german))


@pytest.mark.django_db
def test_publishing_a_page_with_right_child_counts_writes_none(
    source_tree, django_capture_on_commit_callbacks
):
    """The repair reads the page, its parent and their two counts, and writes nothing."""
    group = source_tree["groups"][0]
    assert group.numchild == 2
    with CaptureQueriesContext(connection) as queries:
        repair_child_counts(group)
    assert len(queries) == 3
    assert all(q["sql"].startswith("SELECT") for q in queries)

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        group.save_revision().publish()
    repairs = [
        q["sql"]
        for q in queries
        if q["sql"].startswith('UPDATE "wagtailcore_page" SET "numchild"')
    ]
    assert repairs == []
    assert Page.objects.get(pk=group.pk).numchild == 2


@pytest.mark.django_db
def test_publishing_a_page_repairs_a_wrong_count_of_its_parent_and_its_own(
    source_tree, django_capture_on_commit_callbacks
):
    """A child published after its parent's stale save still leaves both counts right."""
    group, measure = source_tree["groups"][0], source_tree["measures"][0]
    Page.objects.filter(pk__in=[group.pk, measure.pk]).update(numchild=5)

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=measure.pk).specific.save_revision().publish()

    assert Page.objects.get(pk=group.pk).numchild == 2
    assert Page.objects.get(pk=measure.pk).numchild == 0
