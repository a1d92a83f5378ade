"""The measures overview of a concept at ``<concept URL>measures/``: filters, sorting, paging,
lenient parameters, and bounded queries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from .factories import make_concept, make_group, make_many_measures, make_measure, make_phase


@pytest.fixture
def concept(home_page):
    """Two phases; phase 1 with group A (3 measures), phase 2 with groups B (2) and C (1),
    and one measure of phase 2 without a group."""
    concept = make_concept(home_page, title="Konzept", slug="konzept")
    phase1 = make_phase(concept, title="Phase 1", number=1, status="completed")
    phase2 = make_phase(concept, title="Phase 2", number=2, status="in_implementation")
    a = make_group(phase1, title="Arbeit")
    b = make_group(phase2, title="Bildung")
    c = make_group(phase2, title="Wohnen")
    measures = {
        "a1": make_measure(a, title="Jobmesse", status="implemented", start_date="2012-01-01"),
        "a2": make_measure(a, title="Anerkennung", status="implemented", start_date="2013-05-01"),
        "a3": make_measure(a, title="Coaching", status="discontinued"),
        "b1": make_measure(b, title="Sprachkurse", status="in_progress", start_date="2016-02-01"),
        "b2": make_measure(b, title="Elternabend", status="planned"),
        "c1": make_measure(c, title="Wohnberatung", status="in_progress"),
        "p2": make_measure(phase2, title="Begegnungsfest", status="proposed"),
    }
    return {"concept": concept, "phases": (phase1, phase2), "groups": (a, b, c), **measures}


def overview(client, concept, **params):
    return client.get(concept.url + "measures/", params)


def titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".wi-results .wi-measure-list__title")]


def announced(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("[role=status]").get_text(strip=True)


def test_overview_lists_every_live_measure_of_the_concept_by_title(client, concept):
    response = overview(client, concept["concept"])
    assert response.status_code == 200
    assert titles(response) == sorted(
        [
            "Jobmesse",
            "Anerkennung",
            "Coaching",
            "Sprachkurse",
            "Elternabend",
            "Wohnberatung",
            "Begegnungsfest",
        ]
    )
    assert announced(response) == "7 measures found."


def test_filters_by_phase_group_and_status_combine(client, concept):
    phase1, phase2 = concept["phases"]
    a, b, c = concept["groups"]
    assert sorted(titles(overview(client, concept["concept"], phase=phase2.pk))) == [
        "Begegnungsfest",
        "Elternabend",
        "Sprachkurse",
        "Wohnberatung",
    ]
    assert titles(overview(client, concept["concept"], group=a.pk)) == [
        "Anerkennung",
        "Coaching",
        "Jobmesse",
    ]
    assert titles(overview(client, concept["concept"], phase=phase2.pk, status="in_progress")) == [
        "Sprachkurse",
        "Wohnberatung",
    ]
    assert titles(overview(client, concept["concept"], group=b.pk, status="in_progress")) == [
        "Sprachkurse"
    ]
    # A group of another phase than the chosen one: both apply, nothing matches.
    response = overview(client, concept["concept"], phase=phase1.pk, group=c.pk)
    assert titles(response) == []
    assert announced(response) == "0 measures found."


def test_filter_controls_have_labels_and_keep_the_chosen_values(client, concept):
    a = concept["groups"][0]
    response = overview(client, concept["concept"], group=a.pk, status="implemented")
    soup = BeautifulSoup(response.content, "html.parser")
    for select in soup.select("form.wi-filters select"):
        assert soup.select_one(f"label[for={select['id']}]").get_text(strip=True)
    assert soup.select_one("#wi-filter-group option[selected]")["value"] == str(a.pk)
    assert soup.select_one("#wi-filter-status option[selected]")["value"] == "implemented"
    assert soup.select_one("form.wi-filters")["method"] == "get"


@pytest.mark.parametrize(
    "params",
    [
        {"status": "finished"},
        {"status": "<script>"},
        {"phase": "abc"},
        {"phase": "99999999999999999999999"},
        {"phase": "-3"},
        {"group": "1e5"},
        {"sort": "password"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "999999999999999999999999999"},
        {"phase": "\x00"},
        {"group": "٣"},
        "status=%ED%A0%80",  # a lone surrogate, as a browser would encode it
        "phase=%FF%FE&group=%C0",
        "status=planned&status=implemented&status=x",
    ],
)
def test_invalid_filter_values_are_ignored_with_a_notice(client, concept, params):
    if isinstance(params, str):
        response = client.get(concept["concept"].url + "measures/?" + params)
    else:
        response = overview(client, concept["concept"], **params)
    assert response.status_code == 200
    assert len(titles(response)) == 7
    assert b"left out" in response.content


def test_a_phase_of_another_concept_is_ignored(client, concept, home_page):
    other = make_concept(home_page, title="Anderes Konzept")
    foreign_phase = make_phase(other, title="Fremde Phase")
    foreign_group = make_group(foreign_phase, title="Fremde Gruppe")
    make_measure(foreign_group, title="Fremde Maßnahme")
    response = overview(client, concept["concept"], phase=foreign_phase.pk)
    assert response.status_code == 200
    assert len(titles(response)) == 7
    assert "Fremde Maßnahme" not in titles(response)
    response = overview(client, concept["concept"], group=foreign_group.pk, status="planned")
    assert titles(response) == ["Elternabend"]


def test_sorting_by_start_date_puts_the_newest_first_and_undated_last(client, concept):
    response = overview(client, concept["concept"], sort="start")
    assert titles(response)[:3] == ["Sprachkurse", "Anerkennung", "Jobmesse"]


def test_pages_keep_the_filters_and_a_page_past_the_end_is_404(client, concept, settings):
    settings.WAGTAIL_INTEGRATION_MEASURES_PER_PAGE = 2
    phase2 = concept["phases"][1]
    first = overview(client, concept["concept"], phase=phase2.pk)
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".wi-pagination a[rel=next]")["href"]
    assert f"phase={phase2.pk}" in next_link and "page=2" in next_link
    second = client.get(next_link.split("#")[0])
    assert titles(second) == ["Sprachkurse", "Wohnberatung"]
    assert overview(client, concept["concept"], phase=phase2.pk, page=3).status_code == 404
    assert overview(client, concept["concept"], phase=phase2.pk, page=2).status_code == 200


def test_drafts_private_sections_and_unpublished_groups_are_left_out(client, concept):
    concept["a1"].unpublish()
    PageViewRestriction.objects.create(page=concept["groups"][2], restriction_type="login")
    concept["groups"][1].unpublish()
    response = overview(client, concept["concept"])
    assert titles(response) == ["Anerkennung", "Begegnungsfest", "Coaching"]
    # Filters that name a hidden group are ignored, not used to reveal it.
    assert len(titles(overview(client, concept["concept"], group=concept["groups"][1].pk))) == 3


def test_concept_phase_and_group_pages_link_to_the_overview_with_their_filter(client, concept):
    phase2 = concept["phases"][1]
    b = concept["groups"][1]
    base = concept["concept"].url + "measures/"
    for page, expected in [
        (concept["concept"], base),
        (phase2, f"{base}?phase={phase2.pk}"),
        (b, f"{base}?group={b.pk}"),
    ]:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert soup.select_one(f'a[href="{expected}"]'), page.title


def _count_overview_queries(client, concept, **params) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = overview(client, concept, **params)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_overview_queries_and_size_do_not_grow_with_the_number_of_measures(
    client, home_page, settings
):
    """60 and 6,000 measures: the same queries, and a page of HTML well under 200 kB."""
    settings.WAGTAIL_INTEGRATION_PAGE_CACHE = False  # count the rendering, every time
    concept = make_concept(home_page, title="Groß", slug="gross")
    phase = make_phase(concept, title="Phase", number=1)
    groups = [make_group(phase, title=f"Gruppe {g}") for g in range(3)]
    for group in groups:
        make_many_measures(group, 20, summary="Kurz. " * 40, status="planned")
    overview(client, concept)  # warm Wagtail's per-process caches (site root paths)
    small = _count_overview_queries(client, concept)
    small_filtered = _count_overview_queries(client, concept, group=groups[1].pk, page=2)
    for group in groups:
        make_many_measures(group, 1980, summary="Kurz. " * 40, status="planned")

    large = _count_overview_queries(client, concept)
    large_filtered = _count_overview_queries(client, concept, group=groups[1].pk, page=2)
    assert large[0] == small[0] and large_filtered[0] == small_filtered[0]
    assert large[1] < 200_000 and large_filtered[1] < 200_000
    assert b"6000 measures found." in overview(client, concept).content


def test_the_page_cache_keeps_applied_filters_only_and_forgets_on_publish(client, concept):
    """A filtered overview is rendered once; a made-up value is not kept; a change shows."""
    b = concept["groups"][1]
    url = concept["concept"].url + "measures/"
    with CaptureQueriesContext(connection) as first:
        client.get(url, {"group": b.pk, "status": "planned"})
    with CaptureQueriesContext(connection) as second:
        response = client.get(url, {"group": b.pk, "status": "planned"})
    assert len(second) < len(first)
    assert titles(response) == ["Elternabend"]
    with CaptureQueriesContext(connection) as made_up_first:
        client.get(url, {"group": 99999999})
    with CaptureQueriesContext(connection) as made_up_second:
        client.get(url, {"group": 99999999})
    assert len(made_up_second) == len(made_up_first)  # rendered each time, never kept
    measure = concept["b1"]
    measure.status = "planned"
    measure.save_revision().publish()
    response = client.get(url, {"group": b.pk, "status": "planned"})
    assert titles(response) == ["Elternabend", "Sprachkurse"]


def test_the_overview_charts_its_selection_by_status_whatever_status_is_chosen(client, concept):
    from .chart_helpers import chart_counts

    phase2 = concept["phases"][1]
    soup = BeautifulSoup(
        overview(client, concept["concept"], phase=phase2.pk, status="planned").content,
        "html.parser",
    )
    figure = soup.select_one("#wi-chart-overview")
    assert chart_counts(figure) == {"Proposed": 1, "Planned": 1, "In progress": 2}
    assert figure.figcaption.get_text(strip=True) == "Phase 2"


def test_the_language_switcher_leads_to_the_overview_in_each_language(
    client, home_page, arabic, django_capture_on_commit_callbacks
):
    from .i18n_helpers import translate

    capture = django_capture_on_commit_callbacks
    concept = make_concept(home_page, title="Konzept", slug="konzept")
    translate(home_page.specific, arabic, {}, capture)
    arabic_concept = translate(concept, arabic, {"Konzept": "المفهوم"}, capture)
    soup = BeautifulSoup(client.get(arabic_concept.url + "measures/").content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select("nav.wi-languages a")}
    assert links == {"en": concept.url + "measures/", "ar": arabic_concept.url + "measures/"}
    assert soup.select_one(".wi-content")["dir"] == "rtl"
    assert soup.select_one(".wi-breadcrumbs a")["href"] == arabic_concept.url
