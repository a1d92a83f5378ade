"""Editors find measures in the Wagtail admin: a flat, filterable listing and a dashboard panel
that counts them by concept and status, each number a link to the listing of those measures."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile

from wagtail_integration.admin_listing import (
    CONCEPT_PARAM,
    STATUS_PARAM,
    format_percent,
    measures_listing_url,
)
from wagtail_integration.dashboard import MeasureCount, measure_counts
from wagtail_integration.models import MeasurePage, MeasureStatus

from .factories import make_concept, make_group, make_measure, make_phase

pytestmark = pytest.mark.django_db

HOME_URL = reverse("wagtailadmin_home")
PANEL = "#wagtail-integration-measures-section"
STATUSES = [status.value for status in MeasureStatus]
HOSTILE_TITLES = [
    "<script>alert(1)</script>",
    "Maßnahme \"Ünïcödé\" & 'Zeichen' 🙏🏽 e\u0301",
    "\u0627" * 255,  # an Arabic letter
    "إجراء للاندماج <b>عربي</b> مع English",
]


def make_concept_with_measures(parent: Page, statuses: list[str], **concept_fields) -> dict:
    """A concept with one phase and one group; the measures alternate between the group and
    the phase, one per status in `statuses`."""
    concept = make_concept(parent, **concept_fields)
    phase = make_phase(concept)
    group = make_group(phase)
    measures = [
        make_measure(group if number % 2 else phase, status=status)
        for number, status in enumerate(statuses)
    ]
    return {"concept": concept, "phase": phase, "group": group, "measures": measures}


@pytest.fixture
def two_concepts(home_page):
    """Two concepts at different depths, with measures of every status, drafts among them."""
    first = make_concept_with_measures(
        home_page,
        ["proposed", "planned", "planned", "in_progress", "implemented"],
        title="Konzept Trier",
    )
    draft = first["measures"][2]
    draft.unpublish()
    section = home_page.add_child(instance=Page(title="Cities", slug="cities"))
    second = make_concept_with_measures(
        section, ["planned", "implemented", "implemented", "discontinued"], title="Konzept Nord"
    )
    return first, second


@pytest.fixture
def editor(django_user_model):
    """A user who may open the admin, without any page permission yet."""
    user = django_user_model.objects.create_user(username="editor", password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def give_page_permission(user, page: Page) -> None:
    group = Group.objects.create(name=f"Editors of {page.pk}")
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    user.groups.add(group)


def listed_ids(client, url: str) -> set[int]:
    """The ids of the pages the admin listing at `url` shows, all on its first page."""
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    listed = {
        int(box["data-object-id"]) for box in soup.select("input[data-bulk-action-checkbox]")
    }
    if listed:  # "1-5 of 5 measures" above the titles
        header = soup.select_one("table.listing thead th.title").get_text(" ", strip=True)
        assert re.search(r"of (\d+)", header).group(1) == str(len(listed))
    return listed


def ids(pages) -> set[int]:
    return {page.pk for page in pages}


def measures_below(concept: Page, status: str | None = None) -> set[int]:
    measures = MeasurePage.objects.filter(path__startswith=concept.path)
    if status:
        measures = measures.filter(status=status)
    return set(measures.values_list("pk", flat=True))


def panel_numbers(client) -> list[tuple[str, str, str]]:
    """(row header, column header, number) and the link of each number in the panel."""
    soup = BeautifulSoup(client.get(HOME_URL).content, "html.parser")
    panel = soup.select_one(PANEL)
    assert panel is not None
    headers = [th.get_text(strip=True) for th in panel.select("thead th")]
    numbers = []
    for row in panel.select("tbody tr"):
        concept = row.select_one("th[scope=row]").get_text(strip=True)
        for column, cell in zip(headers[1:], row.select("td"), strict=True):
            link = cell.select_one("a")
            number = link.select_one("[aria-hidden=true]").get_text(strip=True)
            numbers.append((concept, column, number, link["href"]))
    return numbers


def count_queries(client, url: str) -> int:
    """The queries of a request to `url`, after one request that fills Wagtail's caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# The listing


def test_listing_is_in_the_admin_menu_at_its_url(admin_client):
    response = admin_client.get(HOME_URL)

    assert measures_listing_url() == "/admin/integration/measures/"
    assert b'"name": "wagtail_integration_measures"' in response.content
    assert b"/admin/integration/measures/" in response.content
    assert admin_client.get(measures_listing_url()).status_code == 200


def test_listing_url_helper_names_the_filters_by_their_query_parameters(two_concepts):
    concept = two_concepts[0]["concept"]

    url = measures_listing_url(concept=concept, status="in_progress", live="true")
    query = parse_qs(urlsplit(url).query)

    assert urlsplit(url).path == reverse("wagtail_integration_measures:index")
    assert query == {
        CONCEPT_PARAM: [str(concept.pk)],
        STATUS_PARAM: ["in_progress"],
        "live": ["true"],
    }
    assert (
        measures_listing_url(concept=concept.pk)
        == f"/admin/integration/measures/?concept={concept.pk}"
    )
    with pytest.raises(ValueError):
        measures_listing_url(status="bogus")


def test_listing_shows_every_measure_live_and_draft_and_nothing_else(admin_client, two_concepts):
    first, second = two_concepts

    assert listed_ids(admin_client, measures_listing_url()) == ids(
        first["measures"] + second["measures"]
    )


def test_listing_filters_by_status(admin_client, two_concepts):
    first, second = two_concepts

    listed = listed_ids(admin_client, measures_listing_url(status="implemented"))

    assert listed == ids([first["measures"][4], second["measures"][1], second["measures"][2]])


def test_listing_filters_by_concept_with_the_measures_of_its_groups_and_phases(
    admin_client, two_concepts
):
    first, second = two_concepts

    for concept in (first, second):
        listed = listed_ids(admin_client, measures_listing_url(concept=concept["concept"]))
        assert listed == ids(concept["measures"])


def test_listing_combines_the_concept_and_status_filters(admin_client, two_concepts):
    first, second = two_concepts

    planned_in_first = listed_ids(
        admin_client, measures_listing_url(concept=first["concept"], status="planned")
    )
    planned_in_second = listed_ids(
        admin_client, measures_listing_url(concept=second["concept"], status="planned")
    )
    none = listed_ids(
        admin_client, measures_listing_url(concept=second["concept"], status="proposed")
    )

    assert planned_in_first == ids(first["measures"][1:3])
    assert planned_in_second == ids(second["measures"][:1])
    assert none == set()


def test_listing_filters_live_measures_and_drafts(admin_client, two_concepts):
    first, _second = two_concepts
    draft = first["measures"][2]

    drafts = listed_ids(admin_client, measures_listing_url(live="false"))
    live = listed_ids(admin_client, measures_listing_url(concept=first["concept"], live="true"))

    assert drafts == {draft.pk}
    assert live == ids(first["measures"]) - {draft.pk}


def test_listing_keeps_wagtails_locale_filter(admin_client, two_concepts, german):
    first, _second = two_concepts
    german_measure = first["measures"][0].copy_for_translation(german, copy_parents=True)
    german_concept = german_measure.get_ancestors().type(type(first["concept"])).get()

    in_german = listed_ids(admin_client, measures_listing_url(locale="de"))
    german_concept_only = listed_ids(admin_client, measures_listing_url(concept=german_concept))

    assert in_german == german_concept_only == {german_measure.pk}


def test_listing_shows_status_progress_parent_and_a_link_to_edit(admin_client, home_page):
    tree = make_concept_with_measures(home_page, [])
    measure = make_measure(tree["group"], title="Jobs", status="in_progress", progress=40)
    unknown = make_measure(tree["phase"], title="Language", status="planned")

    soup = BeautifulSoup(admin_client.get(measures_listing_url()).content, "html.parser")
    rows = {
        int(row.select_one("input[data-bulk-action-checkbox]")["data-object-id"]): [
            cell.get_text(" ", strip=True) for cell in row.select("td")
        ]
        for row in soup.select("table.listing tbody tr")
    }
    headers = [th.get_text(" ", strip=True) for th in soup.select("table.listing thead th")]

    assert headers[1].startswith("Title")
    assert headers[2:] == ["Status", "Progress", "Group or phase", "Updated", "Publication status"]
    assert rows[measure.pk][2:5] == ["In progress", "40%", tree["group"].title]
    assert rows[unknown.pk][2:5] == ["Planned", "", tree["phase"].title]
    assert "live" in rows[measure.pk][6]
    edit_url = reverse("wagtailadmin_pages:edit", args=[measure.pk])
    assert soup.select_one(f"td.title a[href='{edit_url}']").get_text(strip=True) == "Jobs"


def test_listing_shows_progress_as_a_localized_percentage(admin_client, admin_user, home_page):
    tree = make_concept_with_measures(home_page, [])
    make_measure(tree["group"], progress=40)
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()

    with translation.override("de"):
        expected = format_percent(40)
    cells = BeautifulSoup(admin_client.get(measures_listing_url()).content, "html.parser")

    assert expected in [td.get_text(strip=True) for td in cells.select("tbody td")]


def test_searching_sorted_by_progress_answers_200_not_500(admin_client, two_concepts):
    url = measures_listing_url(q="measure", ordering="-progress")

    assert admin_client.get(url).status_code == 200
    assert admin_client.get(measures_listing_url(ordering="-progress")).status_code == 200


# The dashboard panel


def test_dashboard_numbers_equal_the_database_counts(admin_user, two_concepts):
    first, second = two_concepts

    rows = {row.concept.pk: row for row in measure_counts(admin_user)}

    for tree in (first, second):
        row = rows[tree["concept"].pk]
        for status, number in zip(STATUSES, row.by_status, strict=True):
            assert number.count == len(measures_below(tree["concept"], status))
        assert row.total.count == len(measures_below(tree["concept"])) == len(tree["measures"])


def test_dashboard_numbers_link_to_listings_of_exactly_those_measures(admin_client, two_concepts):
    _first, _second = two_concepts
    concepts = {tree["concept"].pk: tree["concept"] for tree in two_concepts}

    numbers = panel_numbers(admin_client)

    assert len(numbers) == 2 * (len(STATUSES) + 1)
    for _concept, column, number, url in numbers:
        query = parse_qs(urlsplit(url).query)
        concept = concepts[int(query[CONCEPT_PARAM][0])]
        status = query.get(STATUS_PARAM, [None])[0]
        assert (status is None) == (column == "Total")
        expected = measures_below(concept, status)
        assert listed_ids(admin_client, url) == expected
        assert int(number) == len(expected)


def test_dashboard_panel_has_a_caption_and_scoped_headers_and_says_drafts_count(
    admin_client, two_concepts
):
    soup = BeautifulSoup(admin_client.get(HOME_URL).content, "html.parser")
    table = soup.select_one(f"{PANEL} table")

    assert "drafts" in table.caption.get_text()
    headers = [th.get_text(strip=True) for th in table.select("thead th[scope=col]")]
    assert headers == ["Concept", *[s.label for s in MeasureStatus], "Total"]
    assert len(table.select("tbody th[scope=row]")) == 2
    # Each link says what it counts, for a screen reader's list of links.
    first_link = table.select_one("tbody td a .w-sr-only").get_text()
    assert "Proposed" in first_link and two_concepts[0]["concept"].title in first_link


def test_dashboard_numbers_are_localized():
    number = MeasureCount(count=12345, url="/", description="")

    with translation.override("de"):
        german = number.display
    with translation.override("en"):
        english = number.display

    assert german == "12.345"
    assert english == "12,345"


# Permissions


def test_editor_of_one_concept_sees_only_its_measures_in_listing_and_panel(
    client, editor, two_concepts
):
    _first, second = two_concepts
    give_page_permission(editor, second["concept"])
    client.force_login(editor)

    listed = listed_ids(client, measures_listing_url())
    numbers = panel_numbers(client)

    assert listed == ids(second["measures"])
    assert {concept for concept, *_rest in numbers} == {f"{second['concept'].title} (English)"}
    for _concept, _column, number, url in numbers:
        assert int(number) == len(listed_ids(client, url))


def test_editor_of_one_working_group_counts_only_its_measures(client, editor, two_concepts):
    first, _second = two_concepts
    give_page_permission(editor, first["group"])
    client.force_login(editor)

    rows = measure_counts(editor)

    in_group = {m.pk for m in first["measures"] if m.get_parent().pk == first["group"].pk}
    assert [row.concept.pk for row in rows] == [first["concept"].pk]
    assert rows[0].total.count == len(in_group)
    assert listed_ids(client, rows[0].total.url) == in_group


def test_editor_cannot_list_the_measures_of_another_concept_by_its_id(
    client, editor, two_concepts
):
    first, second = two_concepts
    give_page_permission(editor, second["concept"])
    client.force_login(editor)

    response = client.get(measures_listing_url(concept=first["concept"]))
    listed = listed_ids(client, measures_listing_url(concept=first["concept"]))

    assert first["concept"].title.encode() not in response.content
    assert listed.isdisjoint(ids(first["measures"]))


def test_user_without_page_permission_gets_no_panel_no_menu_item_and_no_listing(
    client, editor, two_concepts
):
    client.force_login(editor)

    home = client.get(HOME_URL)
    listing = client.get(measures_listing_url())
    results = client.get(reverse("wagtail_integration_measures:index_results"))

    assert home.status_code == 200
    assert BeautifulSoup(home.content, "html.parser").select_one(PANEL) is None
    assert b"wagtail_integration_measures" not in home.content
    assert measure_counts(editor) == []
    for response in (listing, results):
        assert response.status_code == 302
        assert response["Location"] == HOME_URL


def test_anonymous_visitor_is_sent_to_the_login(client, two_concepts):
    response = client.get(measures_listing_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# Hostile titles


@pytest.mark.parametrize("title", HOSTILE_TITLES, ids=["script", "unicode", "long", "rtl"])
def test_hostile_titles_are_escaped_in_listing_and_panel(admin_client, home_page, title):
    tree = make_concept_with_measures(home_page, [], title=title)
    make_measure(tree["group"], title=title, status="planned")
    tree["group"].title = title
    tree["group"].save()

    listing = admin_client.get(measures_listing_url(concept=tree["concept"]))
    home = admin_client.get(HOME_URL)

    for response in (listing, home):
        content = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in content
        assert "<b>عربي</b>" not in content
        soup = BeautifulSoup(content, "html.parser")
        assert soup.find(string=lambda text, t=title: text and t in text) is not None
    panel = BeautifulSoup(home.content, "html.parser").select_one(PANEL)
    assert title in panel.select_one("tbody th").get_text()
    listed = BeautifulSoup(listing.content, "html.parser").select("td.title")
    assert [cell.select_one("span[id^=page_]").get_text().strip() for cell in listed] == [title]


# Bounded queries


def add_measures(tree: dict, count: int) -> None:
    """`count` measures under the group and the phase, in every status, some with unpublished
    changes and some drafts (never published)."""
    for number in range(count):
        parent = tree["group"] if number % 2 else tree["phase"]
        measure = make_measure(
            parent,
            status=STATUSES[number % len(STATUSES)],
            progress=number % 101,
            live=number % 4 != 3,
        )
        if number % 3 == 0:
            measure.title += " (changed)"
            measure.save_revision()


@pytest.mark.parametrize("user", ["superuser", "editor"])
def test_listing_queries_do_not_grow_with_the_number_of_measures(
    client, admin_user, editor, home_page, django_assert_max_num_queries, user
):
    tree = make_concept_with_measures(home_page, [])
    add_measures(tree, 5)
    if user == "editor":
        give_page_permission(editor, tree["concept"])
    client.force_login(admin_user if user == "superuser" else editor)
    url = measures_listing_url(concept=tree["concept"])
    queries_for_five = count_queries(client, url)

    add_measures(tree, 45)
    client.get(url)
    with django_assert_max_num_queries(queries_for_five):
        response = client.get(url)

    assert len(listed_ids(client, url)) == 50
    assert response.status_code == 200


def test_dashboard_queries_do_not_grow_with_measures_or_concepts(
    admin_client, home_page, django_assert_max_num_queries
):
    tree = make_concept_with_measures(home_page, [])
    add_measures(tree, 5)
    queries_for_five = count_queries(admin_client, HOME_URL)

    add_measures(tree, 45)
    for _ in range(3):
        add_measures(make_concept_with_measures(home_page, []), 2)
    admin_client.get(HOME_URL)
    with django_assert_max_num_queries(queries_for_five):
        response = admin_client.get(HOME_URL)

    rows = BeautifulSoup(response.content, "html.parser").select(f"{PANEL} tbody tr")
    assert len(rows) == 4


def test_dashboard_counts_take_one_query_per_depth_of_the_concepts(
    admin_user, two_concepts, django_assert_num_queries
):
    measure_counts(admin_user)  # the user's permissions, cached on the user

    # The concepts, then one count for each of the two depths the concepts are at.
    with django_assert_num_queries(3):
        rows = measure_counts(admin_user)

    assert len(rows) == 2
