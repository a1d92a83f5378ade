"""The status charts of the concept, phase and working-group pages: their numbers are the
database's, every SVG has its text alternative, and the mean progress is right."""

import re

from bs4 import BeautifulSoup
from django.db.models import Avg, Count

from wagtail_integration.models import MeasurePage, MeasureStatus

from .chart_helpers import chart_counts
from .factories import make_concept, make_group, make_measure, make_phase


def db_counts(measures) -> dict[str, int]:
    labels = dict(MeasureStatus.choices)
    rows = measures.order_by().values("status").annotate(n=Count("pk"))
    return {str(labels[row["status"]]): row["n"] for row in rows}


def make_tree(home_page):
    concept = make_concept(home_page, title="Konzept")
    phases = [make_phase(concept, title=f"Phase {n}", number=n) for n in (1, 2)]
    groups = [
        make_group(phase, title=f"Gruppe {p}{g}") for p, phase in enumerate(phases) for g in "ab"
    ]
    statuses = MeasureStatus.values
    for number in range(23):
        group = groups[number % len(groups)]
        make_measure(
            group,
            status=statuses[(number * 3) % len(statuses)],
            progress=None if number % 5 == 0 else (number * 11) % 101,
        )
    make_measure(phases[1], status="planned", progress=10)  # a measure without a group
    return concept, phases, groups


def soup_of(client, page) -> BeautifulSoup:
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def test_chart_numbers_equal_the_database_on_every_page(client, home_page):
    concept, phases, groups = make_tree(home_page)
    soup = soup_of(client, concept)
    assert chart_counts(soup.select_one("#wi-chart-concept")) == db_counts(
        MeasurePage.objects.descendant_of(concept)
    )
    for phase in phases:
        figure = soup.select_one(f"#wi-chart-phase-{phase.pk}")
        assert chart_counts(figure) == db_counts(MeasurePage.objects.descendant_of(phase))
    for phase in phases:
        phase_soup = soup_of(client, phase)
        assert chart_counts(phase_soup.select_one("#wi-chart-phase")) == db_counts(
            MeasurePage.objects.descendant_of(phase)
        )
        for group in groups:
            figure = phase_soup.select_one(f"#wi-chart-group-{group.pk}")
            if group.get_parent().pk == phase.pk:
                assert chart_counts(figure) == db_counts(MeasurePage.objects.child_of(group))
            else:
                assert figure is None
    for group in groups:
        figure = soup_of(client, group).select_one("#wi-chart-group")
        assert chart_counts(figure) == db_counts(MeasurePage.objects.child_of(group))


def test_every_chart_svg_has_a_text_alternative_with_its_numbers(client, home_page):
    concept, phases, groups = make_tree(home_page)
    for page in [concept, *phases, *groups]:
        soup = soup_of(client, page)
        svgs = soup.select("figure.wi-chart svg.wi-chart__bar")
        assert svgs, page.title
        for svg in svgs:
            assert svg["role"] == "img"
            title_id, desc_id = svg["aria-labelledby"].split()
            assert soup.find(id=title_id).name == "title" and soup.find(id=title_id).get_text()
            description = soup.find(id=desc_id).get_text()
            counts = chart_counts(svg.find_parent("figure"))
            for label, count in counts.items():
                assert f"{label} {count}" in description
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), page.title


def test_mean_progress_per_group_equals_the_database(client, home_page):
    _concept, phases, groups = make_tree(home_page)
    for group in groups:
        expected = MeasurePage.objects.child_of(group).aggregate(mean=Avg("progress"))["mean"]
        section = soup_of(client, group).select_one("#wi-measures-heading").find_parent("section")
        found = re.search(r"one: (\d+) %", section.get_text(" "))
        assert found, section.get_text(" ")[:600]
        assert int(found.group(1)) == round(expected)
    phase_text = soup_of(client, phases[0]).get_text(" ")
    assert phase_text.count("Mean progress") == 2  # one per group of the phase
