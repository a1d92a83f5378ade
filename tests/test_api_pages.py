"""Every page type through Wagtail's API v2 and v3, and the package's measures list."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.rich_text import RichText

from wagtail_integration.models import (
    IntegrationConceptPage,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupMember,
)

from .factories import make_concept_tree, make_feedback_page, make_measure, make_phase
from .i18n_helpers import translate_tree

pytestmark = pytest.mark.django_db

MEASURE_FIELDS = "status,status_label,progress,start_date,end_date,working_group,phase,summary"
needs_v3 = pytest.mark.skipif(not settings.WAGTAIL_HAS_API_V3, reason="Wagtail 8 has API v3")
MEASURE_LIST_URLS = ["/api/standalone/integration/measures/"] + (
    ["/api/v3/integration/measures/"] if settings.WAGTAIL_HAS_API_V3 else []
)


def v2_measures(client, **params) -> list[dict]:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    response = client.get(
        f"/api/v2/pages/?type=wagtail_integration.MeasurePage&fields={MEASURE_FIELDS}&{query}"
    )
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_v2_lists_measures_with_status_and_filters_by_group_and_status(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=3)
    group = tree["groups"][0]

    items = v2_measures(client, child_of=group.pk)
    implemented = v2_measures(client, status="in_progress")

    assert [item["title"] for item in items] == ["Measure 1.1", "Measure 1.2", "Measure 1.3"]
    assert [(i["status"], i["status_label"]) for i in items] == [
        ("proposed", "Proposed"),
        ("planned", "Planned"),
        ("in_progress", "In progress"),
    ]
    assert {i["working_group"] for i in items} == {group.pk}
    assert {i["phase"] for i in items} == {tree["phase"].pk}
    assert [i["title"] for i in implemented] == ["Measure 1.3", "Measure 2.3"]
    in_phase = v2_measures(client, descendant_of=tree["phase"].pk)
    assert len(in_phase) == 7  # two groups of three and the measure of the phase


def test_v2_measure_of_a_phase_has_no_group(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=0)

    (item,) = v2_measures(client)

    assert item["title"] == "Measure of the phase"
    assert item["working_group"] is None
    assert item["phase"] == tree["phase"].pk


def test_v2_bad_filter_values_are_client_errors(client, home_page):
    make_concept_tree(home_page, groups=1, measures_per_group=1)

    assert (
        client.get("/api/v2/pages/?type=wagtail_integration.MeasurePage&child_of=abc").status_code
        == 400
    )
    assert v2_measures(client, status="nonsense") == []


def test_v2_phase_detail_has_milestones_and_rich_text_as_html(client, home_page, settings):
    # Wagtail 8 answers in the host's format; Wagtail 7.4 (without the setting) in HTML.
    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "html"
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    phase, concept = tree["phase"], tree["concept"]
    PhaseMilestone.objects.create(
        page=phase, date=datetime.date(2015, 11, 19), kind="workshop", title="Kick-off"
    )
    concept.intro = f'<p>See <a linktype="page" id="{phase.pk}">phase two</a>.</p>'
    concept.save_revision().publish()

    phase_data = client.get(f"/api/v2/pages/{phase.pk}/").json()
    concept_data = client.get(f"/api/v2/pages/{concept.pk}/").json()

    (milestone,) = phase_data["milestones"]
    milestone.pop("meta")
    assert [milestone] == [
        {
            "id": milestone["id"],
            "date": "2015-11-19",
            "kind": "workshop",
            "kind_label": "Workshop",
            "title": "Kick-off",
            "place": "",
            "document": None,
        }
    ]
    assert phase_data["status_label"] == "In implementation"
    assert f'href="{phase.url}"' in concept_data["intro"]
    assert "linktype" not in concept_data["intro"]


def test_v2_group_shows_members_but_not_an_unpublished_contact_email(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=0)
    group = tree["groups"][0]
    group.contact_email = "routing-only@example.org"
    group.save_revision().publish()
    WorkingGroupMember.objects.create(page=group, name="Job centre")

    hidden = client.get(f"/api/v2/pages/{group.pk}/").json()
    group.show_contact_email = True
    group.save_revision().publish()
    shown = client.get(f"/api/v2/pages/{group.pk}/").json()

    assert "routing-only@example.org" not in str(hidden)
    assert hidden["public_contact_email"] == ""
    assert shown["public_contact_email"] == "routing-only@example.org"
    assert [m["name"] for m in shown["members"]] == ["Job centre"]


def test_v2_labels_follow_the_page_language_and_the_locale_filter(
    client, home_page, concept_tree, german, django_capture_on_commit_callbacks
):
    translate_tree(home_page, german, {}, django_capture_on_commit_callbacks)

    german_items = v2_measures(client, locale="de")

    assert german_items
    assert {i["status_label"] for i in german_items} <= {
        "Vorgeschlagen",
        "Geplant",
        "In Umsetzung",
    }


@needs_v3
def test_v3_filters_measures_by_group_and_status_and_details_them(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=3)
    group = tree["groups"][1]
    base = "/api/v3/pages/?type=wagtail_integration.MeasurePage"

    by_group = client.get(f"{base}&child_of={group.pk}").json()["items"]
    by_status = client.get(f"{base}&status=planned").json()["items"]
    detail = client.get(f"/api/v3/pages/{by_group[0]['id']}/").json()

    assert [item["title"] for item in by_group] == ["Measure 2.1", "Measure 2.2", "Measure 2.3"]
    assert {item["title"] for item in by_status} == {
        "Measure 1.2",
        "Measure 2.2",
        "Measure of the phase",
    }
    assert (detail["status"], detail["status_label"]) == ("proposed", "Proposed")
    assert (detail["working_group"], detail["phase"]) == (group.pk, tree["phase"].pk)


@pytest.mark.parametrize("url", MEASURE_LIST_URLS)
def test_measures_list_gives_status_labels_and_filters(client, home_page, url):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=2)
    group = tree["groups"][0]

    everything = client.get(url).json()
    by_group = client.get(f"{url}?working_group={group.pk}").json()
    by_status = client.get(f"{url}?status=planned&limit=1").json()
    bad_status = client.get(f"{url}?status=nonsense")
    bad_group = client.get(f"{url}?working_group=abc")

    assert everything["count"] == 5
    assert [i["title"] for i in by_group["items"]] == ["Measure 1.1", "Measure 1.2"]
    first = by_group["items"][0]
    assert (first["status"], first["status_label"], first["locale"]) == (
        "proposed",
        "Proposed",
        "en",
    )
    assert first["url"].endswith(tree["measures"][0].url)
    assert by_status["count"] == 3 and len(by_status["items"]) == 1
    assert bad_status.status_code == 422
    assert bad_group.status_code == 422


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_listing_200_measures_uses_as_many_queries_as_listing_20(client, home_page, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 500  # a host lets front-ends fetch all measures at once
    small = make_concept_tree(home_page, groups=2, measures_per_group=10)
    large = make_concept_tree(home_page, groups=4, measures_per_group=50)
    urls = [
        "/api/v2/pages/?type=wagtail_integration.MeasurePage&limit=500&fields=*&descendant_of=",
        "/api/standalone/integration/measures/?limit=500&concept=",
    ]
    if settings.WAGTAIL_HAS_API_V3:
        urls += [
            "/api/v3/pages/?type=wagtail_integration.MeasurePage&limit=500&descendant_of=",
            "/api/v3/integration/measures/?limit=500&concept=",
        ]
    for url in urls:
        client.get(url + str(small["concept"].pk))  # warm per-process caches
        counts = [count_queries(client, url + str(tree["concept"].pk)) for tree in (small, large)]
        assert counts[0] == counts[1], (url, counts)
        assert counts[1] <= 20, (url, counts)
    assert MeasurePage.objects.descendant_of(large["concept"]).count() == 201


def group_and_phase_everywhere(client, measure) -> set[tuple]:
    """A measure's (group, phase) titles as the model, its page, API v2 and the list show them."""
    measure = MeasurePage.objects.get(pk=measure.pk)
    concept_title = measure.get_ancestors().type(IntegrationConceptPage).get().title
    crumbs = [
        link.get_text()
        for link in BeautifulSoup(client.get(measure.url).content, "html.parser").select(
            ".wi-breadcrumbs a:not([aria-current])"
        )
    ]
    below_concept = crumbs[crumbs.index(concept_title) + 1 :]
    v2 = client.get(f"/api/v2/pages/{measure.pk}/").json()
    (listed,) = [
        item
        for item in client.get("/api/standalone/integration/measures/").json()["items"]
        if item["id"] == measure.pk
    ]

    def titles(group_id, phase_id) -> tuple:
        group = Page.objects.get(pk=group_id).title if group_id else None
        return (group, Page.objects.get(pk=phase_id).title)

    return {
        titles(measure.working_group_id, measure.phase_id),
        (below_concept[1] if len(below_concept) > 1 else None, below_concept[0]),
        titles(v2["working_group"], v2["phase"]),
        titles(listed["working_group"], listed["phase"]),
    }


def test_moving_a_measure_between_groups_shows_its_new_group_everywhere_at_once(client, home_page):
    tree = make_concept_tree(home_page, groups=2, measures_per_group=1)
    measure, other_group, phase = tree["measures"][0], tree["groups"][1], tree["phase"]
    assert group_and_phase_everywhere(client, measure) == {("Working group 1", "Phase 2")}

    with transaction.atomic():  # nothing waits for the move's transaction to close
        measure.move(other_group, pos="last-child")
        assert group_and_phase_everywhere(client, measure) == {("Working group 2", "Phase 2")}
        measure.move(phase, pos="last-child")
        assert group_and_phase_everywhere(client, measure) == {(None, "Phase 2")}


def test_moving_a_group_to_another_phase_moves_its_measures_with_it_at_once(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=2)
    group = tree["groups"][0]
    other_phase = make_phase(tree["concept"], title="Phase 3", number=3)

    with transaction.atomic():
        group.move(other_phase, pos="last-child")
        for measure in tree["measures"][:2]:
            assert group_and_phase_everywhere(client, measure) == {("Working group 1", "Phase 3")}


def test_new_measure_knows_its_group_and_phase(home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=0)

    measure = make_measure(tree["groups"][0])

    assert (measure.working_group_id, measure.phase_id) == (tree["groups"][0].pk, tree["phase"].pk)


def test_body_paragraphs_come_as_html_with_page_links_resolved(client, home_page, settings):
    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "html"
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    measure, group = tree["measures"][0], tree["groups"][0]
    measure.body = [
        ("heading", "Why"),
        (
            "paragraph",
            RichText(f'<p>Asked by <a linktype="page" id="{group.pk}">the group</a>.</p>'),
        ),
    ]
    measure.save_revision().publish()

    body = client.get(f"/api/v2/pages/{measure.pk}/").json()["body"]

    assert body[0]["value"] == "Why"
    assert body[1]["value"] == f'<p>Asked by <a href="{group.url}">the group</a>.</p>'


@needs_v3
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_rich_text_comes_in_the_format_the_request_or_the_setting_asks_for(
    client, home_page, settings, api
):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    concept, measure, group = tree["concept"], tree["measures"][0], tree["groups"][0]
    link = f'<a linktype="page" id="{group.pk}">the group</a>'
    concept.intro = f"<p>Ask {link}.</p>"
    concept.save_revision().publish()
    measure.body = [("paragraph", RichText(f"<p>Asked by {link}.</p>"))]
    measure.save_revision().publish()

    def fetch(page, **query):
        return client.get(f"/api/{api}/pages/{page.pk}/", query).json()

    # Without the setting, Wagtail's default: the database HTML, as stored.
    assert fetch(concept)["intro"] == concept.intro
    assert fetch(measure)["body"][0]["value"] == f"<p>Asked by {link}.</p>"
    settings.WAGTAILAPI_RICH_TEXT_FORMAT = "html"
    assert fetch(concept)["intro"] == f'<p>Ask <a href="{group.url}">the group</a>.</p>'
    # The request's parameter wins over the setting, for fields and for blocks alike.
    markdown = fetch(concept, rich_text_format="markdown")["intro"]
    assert markdown.strip() == f"Ask [the group]({group.url})."
    body = fetch(measure, rich_text_format="markdown")["body"]
    assert body[0]["value"].strip() == f"Asked by [the group]({group.url})."


API_VERSIONS = ["v2"] + (["v3"] if settings.WAGTAIL_HAS_API_V3 else [])


@pytest.mark.parametrize("api", API_VERSIONS)
def test_related_objects_come_as_their_ids(client, home_page, api):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=1)
    concept, phase = tree["concept"], tree["phase"]
    feedback = make_feedback_page(concept)
    concept.feedback_page = feedback
    concept.save_revision().publish()
    document = Document.objects.create(title="Beschluss", file=ContentFile(b"%PDF", "b.pdf"))
    PhaseMilestone.objects.create(
        page=phase,
        date=datetime.date(2015, 11, 19),
        kind="workshop",
        title="Kick-off",
        document=document,
    )

    concept_data = client.get(f"/api/{api}/pages/{concept.pk}/").json()
    phase_data = client.get(f"/api/{api}/pages/{phase.pk}/").json()

    assert concept_data["feedback_page"] == feedback.pk
    assert [m["document"] for m in phase_data["milestones"]] == [document.pk]
