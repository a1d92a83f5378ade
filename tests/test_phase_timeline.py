"""The phase timeline on the concept page: phases and milestones in order, the current phase
and today marked, as an ordered list."""

from datetime import date, timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from wagtail_integration.models import PhaseMilestone

from .factories import make_concept, make_phase


def make_timeline_concept(home_page):
    today = timezone.localdate()
    concept = make_concept(home_page, title="Konzept")
    first = make_phase(
        concept,
        title="Phase 1",
        number=1,
        status="completed",
        start_date=date(2011, 1, 1),
        end_date=date(2014, 12, 31),
    )
    second = make_phase(
        concept,
        title="Phase 2",
        number=2,
        status="in_implementation",
        start_date=date(2015, 1, 1),
    )
    PhaseMilestone.objects.create(
        page=first,
        date=date(2011, 3, 1),
        title="Beschluss",
        kind="council_resolution",
        locale=first.locale,
    )
    PhaseMilestone.objects.create(
        page=second, date=date(2016, 5, 1), title="Workshop", kind="workshop", locale=second.locale
    )
    PhaseMilestone.objects.create(
        page=second,
        date=today + timedelta(days=30),
        title="Evaluation",
        kind="evaluation",
        locale=second.locale,
    )
    return concept, first, second


def soup_of(client, page) -> BeautifulSoup:
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def test_phases_and_milestones_are_an_ordered_list_with_today_in_its_place(client, home_page):
    concept, _first, _second = make_timeline_concept(home_page)
    soup = soup_of(client, concept)
    timeline = soup.select_one("ol.wi-phase-timeline")
    phases = timeline.find_all("li", class_="wi-phase-timeline__phase", recursive=False)
    assert [p.h3.get_text(strip=True) for p in phases] == ["Phase 1", "Phase 2"]
    assert phases[1]["aria-current"] == "step" and "aria-current" not in phases[0].attrs
    assert "current phase" in phases[1].get_text()
    # Today falls into phase 2, between its past workshop and its planned evaluation.
    items = [li.get_text(" ", strip=True) for li in phases[1].select("ol.wi-timeline > li")]
    assert items[0].endswith("Workshop")
    assert items[1].startswith("Today")
    assert items[2].endswith("Evaluation")
    today = timeline.select_one(".wi-timeline-today time")["datetime"]
    assert today == timezone.localdate().isoformat()
    assert len(timeline.select(".wi-timeline-today")) == 1


def test_today_between_phases_stands_between_them(client, home_page):
    concept, first, second = make_timeline_concept(home_page)
    second.start_date = timezone.localdate() + timedelta(days=100)
    second.status = "planned"
    second.save()
    first.status = "completed"
    first.save()
    soup = soup_of(client, concept)
    top = [
        li["class"][0]
        for li in soup.select_one("ol.wi-phase-timeline").find_all("li", recursive=False)
    ]
    assert top == ["wi-phase-timeline__phase", "wi-timeline-today", "wi-phase-timeline__phase"]


def test_only_the_latest_milestones_of_a_phase_are_listed(client, home_page):
    concept, first, _second = make_timeline_concept(home_page)
    for day in range(1, 13):
        PhaseMilestone.objects.create(
            page=first, date=date(2012, 1, day), title=f"Treffen {day}", locale=first.locale
        )
    soup = soup_of(client, concept)
    phase = soup.select(".wi-phase-timeline__phase")[0]
    dated = phase.select(".wi-timeline__item time")
    assert len(dated) == 8
    assert "5 earlier milestones" in phase.get_text()
    assert phase.select_one(".wi-timeline__item--more a")["href"].endswith(
        "#wi-milestones-heading"
    )
