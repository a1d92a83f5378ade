"""The four content page types render their content, accessibly and without JavaScript."""

import datetime

import pytest
from bs4 import BeautifulSoup

from wagtail_integration.models import PhaseMilestone

from .chart_helpers import chart_counts
from .factories import make_concept, make_concept_tree, make_group, make_measure, make_phase

pytestmark = pytest.mark.django_db


def get_soup(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_concept_page_lists_phases_in_order_with_status_and_dates(client, home_page):
    concept = make_concept(home_page, title="Integrationskonzept", intro="<p>Our plan.</p>")
    make_phase(
        concept,
        title="Phase 2",
        number=2,
        status="in_implementation",
        start_date=datetime.date(2015, 11, 19),
    )
    make_phase(
        concept,
        title="Phase 1",
        number=1,
        status="completed",
        start_date=datetime.date(2011, 12, 13),
        end_date=datetime.date(2014, 12, 31),
    )

    soup = get_soup(client, concept)

    assert [h1.get_text() for h1 in soup.find_all("h1")] == ["Integrationskonzept"]
    items = soup.select(".wi-phase-timeline__phase")
    assert [item.h3.get_text(strip=True) for item in items] == ["Phase 1", "Phase 2"]
    assert "Completed" in items[0].get_text()
    assert items[0].find("time", datetime="2011-12-13")
    assert items[0].find("time", datetime="2014-12-31")
    assert "since" in items[1].get_text()
    assert "current phase" in items[1].get_text()
    assert "Our plan." in soup.select_one(".wi-intro").get_text()


def test_concept_page_shows_groups_of_current_phase_and_measure_counts(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=3)
    old_phase = make_phase(tree["concept"], title="Phase 1", number=1, status="completed")
    make_group(old_phase, title="Old group")

    soup = get_soup(client, tree["concept"])

    group_titles = [h3.get_text(strip=True) for h3 in soup.select(".wi-card h3")]
    assert group_titles == ["Working group 1", "Working group 2"]
    assert "3 measures" in soup.select_one(".wi-card").get_text()
    counts = chart_counts(soup.select_one("#wi-chart-concept"))
    # Two groups with statuses proposed, planned, in_progress; plus one planned phase measure.
    assert counts == {"Proposed": 2, "Planned": 3, "In progress": 2}


def test_concept_page_links_to_feedback_page(client, home_page):
    feedback = home_page.add_child(instance=type(home_page)(title="Ihre Anregungen", slug="fb"))
    concept = make_concept(home_page, feedback_page=feedback)

    soup = get_soup(client, concept)

    link = soup.select_one(".wi-feedback-teaser a")
    assert link["href"] == feedback.url
    assert link.get_text() == "Ihre Anregungen"


def test_phase_page_shows_timeline_groups_and_measures(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=2)
    phase = tree["phase"]
    PhaseMilestone.objects.create(
        page=phase,
        date=datetime.date(2015, 11, 19),
        kind="workshop",
        title="Kick-off workshop",
        place="Chamber of crafts",
    )
    PhaseMilestone.objects.create(
        page=phase,
        date=datetime.date(2011, 12, 13),
        kind="council_resolution",
        title="Council adopts concept",
    )

    soup = get_soup(client, phase)

    timeline = soup.select(".wi-timeline__item")
    assert [item.time["datetime"] for item in timeline] == ["2011-12-13", "2015-11-19"]
    assert "Workshop" in timeline[1].get_text()
    assert "Chamber of crafts" in timeline[1].get_text()
    groups = soup.select(".wi-group-summary")
    assert [g.h3.get_text(strip=True) for g in groups] == ["Working group 1", "Working group 2"]
    assert [a.get_text() for a in groups[0].select(".wi-measure-list__title")] == [
        "Measure 1.1",
        "Measure 1.2",
    ]
    further = soup.find(id="wi-phase-measures-heading").parent
    assert "Measure of the phase" in further.get_text()


def test_working_group_page_shows_goal_members_and_measures(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=2)
    group = tree["groups"][0]
    group.members.create(name="Chamber of crafts", url="https://example.org/hwk")
    group.members.create(name="Job centre")
    group.lead = "Office for social affairs"
    group.contact_email = "group@example.org"
    group.save()

    soup = get_soup(client, group)

    assert "Lower the barriers" in soup.select_one(".wi-goal").get_text()
    assert [li.get_text() for li in soup.select(".wi-member-list li")] == [
        "Chamber of crafts",
        "Job centre",
    ]
    assert "Office for social affairs" in soup.get_text()
    assert [a.get_text() for a in soup.select(".wi-measure-list__title")] == [
        "Measure 1.1",
        "Measure 1.2",
    ]
    assert "Proposed" in soup.select_one(".wi-measure-list").get_text()


def test_working_group_contact_email_is_hidden_unless_editor_ticks_the_box(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=0)
    group = tree["groups"][0]
    group.contact_email = "secret-routing@example.org"
    group.save()

    assert b"secret-routing@example.org" not in client.get(group.url).content

    group.show_contact_email = True
    group.save()
    assert b"mailto:secret-routing@example.org" in client.get(group.url).content


def test_measure_page_shows_status_progress_decision_and_breadcrumbs(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=0)
    measure = make_measure(
        tree["groups"][0],
        title="Job ads encourage migrants to apply",
        status="implemented",
        progress=100,
        start_date=datetime.date(2015, 12, 10),
        responsible_body="Human resources office",
        decision_body="City council",
        decision_date=datetime.date(2015, 12, 10),
        decision_reference="Vorlage 123/2015",
        decision_url="https://example.org/council/123",
    )

    soup = get_soup(client, measure)

    text = soup.get_text()
    assert "Implemented" in soup.select_one(".wi-status").get_text()
    assert soup.find("progress")["value"] == "100"
    for expected in ["Human resources office", "City council", "Vorlage 123/2015"]:
        assert expected in text
    crumbs = [a.get_text() for a in soup.select(".wi-breadcrumbs a")]
    assert crumbs == [
        "Integration concept",
        "Phase 2",
        "Working group 1",
        "Job ads encourage migrants to apply",
    ]
    assert soup.select(".wi-breadcrumbs a")[-1]["aria-current"] == "page"


def test_pages_have_lang_dir_landmarks_and_a_single_h1(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    for page in [tree["concept"], tree["phase"], tree["groups"][0], tree["measures"][0]]:
        soup = get_soup(client, page)
        assert soup.html["lang"] == "en"
        assert soup.html["dir"] == "ltr"
        assert len(soup.find_all("main")) == 1
        assert len(soup.find_all("h1")) == 1
        assert soup.select_one("a.wi-skip-link")["href"] == "#wi-main"
        # No JavaScript: the only script element is the measure's schema.org data.
        scripts = soup.find_all("script")
        assert all(script["type"] == "application/ld+json" for script in scripts)
        assert not soup.select("[style]")


def test_printed_page_lists_the_urls_of_its_links(client, home_page):
    concept = make_concept(
        home_page,
        intro='<p>See <a href="https://example.org/council">the council</a>.</p>',
    )
    phase = make_phase(concept, title="Phase 1")

    soup = get_soup(client, concept)

    references = [li.get_text(" ", strip=True) for li in soup.select(".wi-references li")]
    assert "the council: https://example.org/council" in references
    assert f"Phase 1: http://testserver{phase.url}" in references


def test_printed_references_leave_out_the_navigation(client, home_page):
    """Breadcrumbs are not printed, so their addresses are not listed either."""
    concept = make_concept(home_page, title="Konzept")
    phase = make_phase(concept, title="Phase 1")

    soup = get_soup(client, phase)

    breadcrumbs = [a["href"] for a in soup.select("nav.wi-breadcrumbs a")]
    references = [li.get_text(" ", strip=True) for li in soup.select(".wi-references li")]
    assert concept.url in breadcrumbs
    assert not [text for text in references if text.endswith("testserver" + concept.url)]


def test_user_text_is_escaped(client, home_page):
    concept = make_concept(home_page, title="<script>alert(1)</script>")
    make_group(make_phase(concept, status="in_implementation"), goal="<img src=x onerror=1>")

    content = client.get(concept.url).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<img src=x" not in content


def test_breadcrumbs_leave_out_unpublished_pages(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    tree["phase"].unpublish()
    measure = tree["measures"][0]

    soup = get_soup(client, measure)

    crumbs = [a.get_text() for a in soup.select(".wi-breadcrumbs a")]
    assert "Phase 2" not in crumbs
    assert crumbs[0] == "Integration concept"


def test_concept_counts_leave_out_measures_of_unpublished_groups(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=2)
    tree["groups"][1].unpublish()

    soup = get_soup(client, tree["concept"])

    # Group 1 (2 measures) and the phase's own measure remain.
    assert "The concept has 3 measures." in soup.get_text()
