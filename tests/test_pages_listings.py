"""No page lists an unbounded number of measures: a working group's page shows a page of them
at a time, a phase's page the first few of each group and a link to the rest."""

import pytest
from bs4 import BeautifulSoup

from .chart_helpers import chart_counts
from .factories import make_concept, make_concept_tree, make_group, make_measure, make_phase

pytestmark = pytest.mark.django_db


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select(".wi-measure-list__title")]


@pytest.fixture
def group_of_25(home_page):
    group = make_group(make_phase(make_concept(home_page)), title="Arbeit")
    for number in range(1, 26):
        make_measure(group, title=f"Measure {number:02d}", status="planned")
    return group


def test_group_page_lists_its_measures_ten_at_a_time(client, group_of_25):
    first, last = (soup_of(client, f"{group_of_25.url}?page={n}") for n in (1, 3))

    assert listed_titles(first) == [f"Measure {n:02d}" for n in range(1, 11)]
    assert listed_titles(last) == [f"Measure {n:02d}" for n in range(21, 26)]
    assert first.select_one(".wi-pagination__position").get_text() == "Page 1 of 3"
    assert first.select_one('.wi-pagination a[rel="next"]')["href"] == (
        "?page=2#wi-measures-heading"
    )
    assert not first.select('.wi-pagination a[rel="prev"]')
    assert last.select_one('.wi-pagination a[rel="prev"]')["href"] == (
        "?page=2#wi-measures-heading"
    )


def test_group_page_counts_all_its_measures_not_only_the_shown_ones(client, group_of_25):
    soup = soup_of(client, group_of_25.url)

    assert sum(chart_counts(soup.select_one("figure.wi-chart")).values()) == 25


@pytest.mark.parametrize(
    ("page", "shown"),
    [("", 1), ("abc", 1), ("0", 3), ("-1", 3), ("99999999999999999999999", 3), ("2.5", 1)],
)
def test_group_page_with_a_bad_page_number_shows_the_first_or_last_page(
    client, group_of_25, page, shown
):
    soup = soup_of(client, f"{group_of_25.url}?page={page}")

    assert soup.select_one(".wi-pagination__position").get_text() == f"Page {shown} of 3"


def test_group_page_with_few_measures_has_no_page_links(client, home_page):
    group = make_group(make_phase(make_concept(home_page)))
    make_measure(group, title="Only one")

    soup = soup_of(client, group.url)

    assert listed_titles(soup) == ["Only one"]
    assert not soup.select(".wi-pagination")


def test_phase_page_shows_the_first_five_of_each_group_and_links_to_the_rest(
    client, home_page, settings
):
    phase = make_phase(make_concept(home_page))
    large, small = make_group(phase, title="Arbeit"), make_group(phase, title="Sprache")
    for number in range(1, 13):
        make_measure(large, title=f"Arbeit {number:02d}")
    for number in range(1, 4):
        make_measure(small, title=f"Sprache {number}")

    soup = soup_of(client, phase.url)

    large_section, small_section = soup.select(".wi-group-summary")
    assert listed_titles(large_section) == [f"Arbeit {n:02d}" for n in range(1, 6)]
    link = large_section.select("p a")[-1]
    assert link.get_text() == "All 12 measures of Arbeit"
    assert link["href"] == f"{large.url}#wi-measures-heading"
    assert listed_titles(small_section) == ["Sprache 1", "Sprache 2", "Sprache 3"]
    assert "All 3 measures" not in small_section.get_text()


def test_phase_page_pages_through_its_own_measures(client, home_page, settings):
    settings.WAGTAIL_INTEGRATION_MEASURES_PER_PAGE = 4
    phase = make_phase(make_concept(home_page))
    for number in range(1, 10):
        make_measure(phase, title=f"Own {number}")

    soup = soup_of(client, f"{phase.url}?page=3")

    assert listed_titles(soup) == ["Own 9"]
    assert soup.select_one(".wi-pagination__position").get_text() == "Page 3 of 3"


def test_pages_weigh_the_same_with_ten_or_a_hundred_measures_per_group(client, home_page):
    """The size of a page does not grow with the number of measures (within 1.2x)."""
    small = make_concept_tree(home_page, groups=6, measures_per_group=10)
    large = make_concept_tree(home_page, groups=6, measures_per_group=100)

    for key in ["concept", "phase", "groups"]:
        small_page, large_page = (tree[key] for tree in (small, large))
        if isinstance(small_page, list):
            small_page, large_page = small_page[-1], large_page[-1]
        small_bytes = len(client.get(small_page.url).content)
        large_bytes = len(client.get(large_page.url).content)

        assert large_bytes <= 1.2 * small_bytes, (key, small_bytes, large_bytes)
