"""The host's Wagtail search finds measures by title, summary and working group."""

from django.core.management import call_command
from wagtail.models import Page

from wagtail_integration.models import MeasurePage

from .factories import make_concept, make_group, make_measure, make_phase


def test_search_finds_measures_by_title_summary_and_working_group(home_page):
    phase = make_phase(make_concept(home_page, title="Konzept"), title="Phase 2")
    group = make_group(phase, title="Gesundheitsversorgung")
    make_measure(group, title="Dolmetscherpool", summary="Sprachmittlung in Arztpraxen")
    make_measure(make_group(phase, title="Wohnen"), title="Wohnberatung", summary="Hilfe")
    # The test settings turn the search index's updates on save off; the host's index is
    # built as it is in production.
    call_command("update_index", verbosity=0)

    def found(query: str) -> list[str]:
        return [page.title for page in MeasurePage.objects.live().search(query)]

    assert found("Dolmetscherpool") == ["Dolmetscherpool"]
    assert found("Arztpraxen") == ["Dolmetscherpool"]
    assert found("Gesundheitsversorgung") == ["Dolmetscherpool"]
    # And through the search of all pages, as a host's search view runs it.
    assert "Dolmetscherpool" in [
        page.title for page in Page.objects.live().search("Gesundheitsversorgung")
    ]


def test_search_can_filter_measures_by_status(home_page):
    group = make_group(make_phase(make_concept(home_page)), title="Arbeit")
    make_measure(group, title="Jobmesse Herbst", status="implemented")
    make_measure(group, title="Jobmesse Frühjahr", status="planned")
    call_command("update_index", verbosity=0)
    results = MeasurePage.objects.live().filter(status="planned").search("Jobmesse")
    assert [page.title for page in results] == ["Jobmesse Frühjahr"]
