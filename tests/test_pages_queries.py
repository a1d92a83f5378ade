"""Listings run a fixed number of queries, however many measures the concept holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import make_concept_tree

pytestmark = pytest.mark.django_db

# Generous enough for Wagtail's own routing, site and permission queries; far below one query
# per measure (a listing of 6 x 50 measures would need 300).
MAX_QUERIES = 20


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_page_queries_do_not_grow_with_the_number_of_measures(
    client, home_page, settings, django_assert_max_num_queries
):
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False  # count the rendering, every time
    small = make_concept_tree(home_page, groups=6, measures_per_group=5)
    large = make_concept_tree(home_page, groups=6, measures_per_group=50)
    client.get(small["concept"].url)  # warm Wagtail's per-process caches (site root paths)

    for key in ["concept", "phase", "groups", "measures"]:
        small_page, large_page = (tree[key] for tree in (small, large))
        if isinstance(small_page, list):
            small_page, large_page = small_page[-1], large_page[-1]

        small_count = count_queries(client, small_page.url)
        with django_assert_max_num_queries(MAX_QUERIES):
            large_count = count_queries(client, large_page.url)

        assert small_count == large_count, key


def test_a_page_from_the_page_cache_costs_only_wagtails_routing(
    client, home_page, django_assert_max_num_queries
):
    small = make_concept_tree(home_page, groups=6, measures_per_group=5)
    large = make_concept_tree(home_page, groups=6, measures_per_group=50)

    for key in ["concept", "phase", "groups", "measures"]:
        counts = []
        for tree in (small, large):
            page = tree[key][-1] if isinstance(tree[key], list) else tree[key]
            rendered = count_queries(client, page.url)
            cached = count_queries(client, page.url)
            assert cached < rendered, key
            counts.append(cached)
        # Wagtail's own: the site, the locale, the route (two per level: the child by slug,
        # then its specific row), its alias check and its view-restriction hook; the
        # package's: the view restrictions, read once. Nothing of the page's own content.
        assert counts[0] == counts[1], key
        assert counts[0] <= 2 * page.depth + 1, key
