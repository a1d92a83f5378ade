"""The measures list and the v2 pages endpoint refuse hostile input and keep to their site."""

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from .factories import make_concept_tree

pytestmark = pytest.mark.django_db

# Wagtail 8 serves the measures list in its API v3; the package's own API serves it on 7.4.
PREFIXES = ["/api/standalone"] + (["/api/v3"] if settings.WAGTAIL_HAS_API_V3 else [])

HOSTILE = {
    "huge": "528910946961683747897868288",
    "huge_negative": "-528910946961683747897868288",
    "negative": "-1",
    "zero": "0",
    "past_int32": "2147483648",
    "past_int64": "9223372036854775808",
    "many_digits": "9" * 5000,
    "word": "abc",
    "long_text": "x" * 5000,
    "fraction": "1.5",
    "lone_surrogate": "%ED%A0%80",
    "nul": "%00",
    "digit_and_nul": "1%00",
}
ALL = set(HOSTILE)
# The hostile values each parameter must refuse with 422; the others are valid (if useless).
INVALID = {
    "working_group": ALL,
    "phase": ALL,
    "concept": ALL,
    "status": ALL,
    "locale": ALL - {"word"},  # "abc" is a well-formed language code
    "offset": ALL - {"zero"},
    # A limit above the maximum counts as the maximum (django-ninja's max_limit).
    "limit": ALL - {"huge", "past_int32", "past_int64"},
}


@pytest.fixture(params=PREFIXES)
def prefix(request):
    return request.param


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("param", sorted(INVALID))
def test_measures_list_answers_hostile_parameters_with_422_never_500(
    client, home_page, prefix, param, name
):
    response = client.get(f"{prefix}/integration/measures/?{param}={HOSTILE[name]}")

    assert response.status_code < 500
    assert response.status_code == (422 if name in INVALID[param] else 200), response.content


def test_the_reported_huge_phase_id_is_422_on_both_apis(client, home_page, prefix):
    make_concept_tree(home_page, groups=1, measures_per_group=1)

    response = client.get(f"{prefix}/integration/measures/?phase=528910946961683747897868288")

    assert response.status_code == 422
    assert "phase" in str(response.json())


def test_openapi_schema_declares_200_and_422_and_bounds_for_the_measures_list(client, prefix):
    schema = client.get(f"{prefix}/openapi.json").json()

    path = next(p for p in schema["paths"] if p.endswith("/integration/measures/"))
    operation = schema["paths"][path]["get"]
    assert operation["operationId"] == "integration_measures"
    assert set(operation["responses"]) == {"200", "422"}
    invalid = operation["responses"]["422"]["content"]["application/json"]["schema"]
    shapes = {ref["$ref"].rsplit("/", 1)[1] for ref in invalid["anyOf"]}
    assert shapes == {"InvalidParameters", "InvalidParametersProblem"}
    components = schema["components"]["schemas"]
    assert set(components["InvalidParameters"]["properties"]) == {"detail"}
    problem = components["InvalidParametersProblem"]["properties"]
    assert {"status", "detail", "errors"} <= set(problem)
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
    for name in ["working_group", "phase", "concept"]:
        (integer,) = [s for s in parameters[name]["anyOf"] if s.get("type") == "integer"]
        assert (integer["minimum"], integer["maximum"]) == (1, 2147483647)
    (text,) = [s for s in parameters["locale"]["anyOf"] if s.get("type") == "string"]
    assert text["maxLength"] == 35 and text["pattern"]
    assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, 2147483647)


def test_a_422_body_has_the_shape_the_schema_declares(client, home_page, prefix):
    response = client.get(f"{prefix}/integration/measures/?phase=0&offset=-1")

    body = response.json()
    errors = body["errors"] if "errors" in body else body["detail"]
    assert {tuple(error["loc"]) for error in errors} == {("query", "phase"), ("query", "offset")}
    assert all({"type", "loc", "msg"} <= set(error) for error in errors)


# The package's v2 pages endpoint: Wagtail's own filters plus the pages' api_fields.
V2_MEASURES = "/api/v2/pages/?type=wagtail_integration.MeasurePage"
V2_CASES = {
    "working_group": {"huge", "huge_negative", "past_int64", "many_digits", "word", "fraction"},
    "phase": {"huge", "huge_negative", "past_int64", "word", "lone_surrogate"},
    "start_date": {"huge", "negative", "zero", "word", "long_text", "lone_surrogate"},
    "decision_date": {"huge", "word"},
    "progress": {"huge", "word"},
    "offset": {"huge", "past_int64", "many_digits", "negative"},
    "search": {"nul", "digit_and_nul"},
    "search_operator": {"word", "nul"},
    "status": {"nul", "digit_and_nul"},
}


@pytest.mark.parametrize(
    ("param", "name"),
    [(param, name) for param, names in V2_CASES.items() for name in sorted(names)],
)
def test_v2_answers_hostile_filter_values_with_400_never_500(client, home_page, param, name):
    make_concept_tree(home_page, groups=1, measures_per_group=1)

    response = client.get(f"{V2_MEASURES}&{param}={HOSTILE[name]}")

    assert response.status_code == 400, response.content


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_v2_find_by_id_answers_hostile_ids_without_500(client, home_page, name):
    response = client.get(f"/api/v2/pages/find/?id={HOSTILE[name]}")

    assert response.status_code in (400, 404)


def test_v2_valid_filters_still_work(client, home_page):
    tree = make_concept_tree(home_page, groups=1, measures_per_group=2)

    by_phase = client.get(
        f"{V2_MEASURES}&descendant_of={tree['phase'].pk}&offset=1&search_operator=and"
    )
    by_date = client.get(f"{V2_MEASURES}&start_date=2020-01-01")

    assert by_phase.status_code == 200 and by_phase.json()["meta"]["total_count"] == 3
    assert by_date.status_code == 200 and by_date.json()["items"] == []


# Point 13: the measures of the request's site only, as Wagtail's pages endpoint lists them.


@pytest.fixture
def two_sites(home_page):
    """The default site (localhost) and a second site with a tree of its own."""
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    other_site = Site.objects.create(hostname="other.example.org", root_page=other_root)
    return {
        "default": make_concept_tree(home_page, groups=1, measures_per_group=1),
        "other": make_concept_tree(other_root, groups=1, measures_per_group=2),
        "other_site": other_site,
    }


def listed_ids(client, prefix: str, **headers) -> set[int]:
    response = client.get(f"{prefix}/integration/measures/?limit=500", **headers)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def measure_ids(tree: dict) -> set[int]:
    return {m.pk for m in tree["measures"]} | {tree["phase_measure"].pk}


def test_measures_list_shows_only_the_measures_of_the_requests_site(client, two_sites, prefix):
    default_ids = listed_ids(client, prefix, HTTP_HOST="localhost")
    other_ids = listed_ids(client, prefix, HTTP_HOST="other.example.org")
    unknown_host_ids = listed_ids(client, prefix, HTTP_HOST="unknown.example.org")

    assert default_ids == measure_ids(two_sites["default"])
    assert other_ids == measure_ids(two_sites["other"])
    assert unknown_host_ids == default_ids  # Wagtail's fallback to the default site


def test_measures_list_is_empty_for_a_host_that_matches_no_site(client, two_sites, prefix):
    Site.objects.update(is_default_site=False)

    assert listed_ids(client, prefix, HTTP_HOST="unknown.example.org") == set()
    assert listed_ids(client, prefix, HTTP_HOST="other.example.org") == measure_ids(
        two_sites["other"]
    )


def test_measures_below_a_translated_root_belong_to_its_site(client, two_sites, german, prefix):
    german_root = two_sites["default"]["concept"].get_parent().copy_for_translation(german)
    german_root.save_revision().publish()
    german_tree = make_concept_tree(german_root, groups=1, measures_per_group=1)

    default_ids = listed_ids(client, prefix, HTTP_HOST="localhost")
    other_ids = listed_ids(client, prefix, HTTP_HOST="other.example.org")

    assert default_ids == measure_ids(two_sites["default"]) | measure_ids(german_tree)
    assert other_ids == measure_ids(two_sites["other"])
