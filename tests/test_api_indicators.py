"""The indicators list of API v3 (and of the package's own API on Wagtail 7.4): filterable by
working group, concept and language, its numbers exact and one truth in every language, at a
fixed query count, refusing hostile parameters with 422."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction, Site

from wagtail_integration.models import IndicatorValue

from .factories import make_concept, make_concept_tree, make_indicator

pytestmark = pytest.mark.django_db

PREFIXES = ["/api/standalone"] + (["/api/v3"] if settings.WAGTAIL_HAS_API_V3 else [])
HOSTILE = {
    "huge": "528910946961683747897868288",
    "negative": "-1",
    "zero": "0",
    "past_int32": "2147483648",
    "word": "abc",
    "long_text": "x" * 5000,
    "lone_surrogate": "%ED%A0%80",
    "nul": "%00",
    "markup": "%3Cscript%3E",
}
INVALID = {
    "working_group": set(HOSTILE),
    "concept": set(HOSTILE),
    "locale": set(HOSTILE) - {"word"},
    "offset": set(HOSTILE) - {"zero"},
}


@pytest.fixture(params=PREFIXES)
def prefix(request):
    return request.param


@pytest.fixture
def tree(concept_tree):
    work, school = concept_tree["groups"]
    concept_tree["employment"] = make_indicator(
        work,
        title="Beschäftigungsquote",
        baseline_period="2015",
        baseline_value=Decimal(48),
        target_period="2026",
        target_value=Decimal(65),
        values=[("2015", 48), ("2024", "61.5", 70)],
    )
    concept_tree["employment"].measures.set([concept_tree["measures"][0]])
    concept_tree["employment"].save()
    concept_tree["courses"] = make_indicator(
        school, title="Kursteilnahmen", unit="count", values=[("2024", 410)]
    )
    concept_tree["residents"] = make_indicator(
        concept_tree["concept"], title="Einwohnerschaft", unit="count", values=[("2024", 9)]
    )
    return concept_tree


def listed(client, prefix, query="") -> list[dict]:
    response = client.get(f"{prefix}/integration/indicators/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_the_list_carries_every_number_exactly_with_owner_and_measures(client, tree, prefix):
    items = {item["title"]: item for item in listed(client, prefix)}
    assert set(items) == {"Beschäftigungsquote", "Kursteilnahmen", "Einwohnerschaft"}
    employment = items["Beschäftigungsquote"]
    assert employment["owner"] == tree["groups"][0].pk
    assert employment["measures"] == [tree["measures"][0].pk]
    assert employment["baseline"] == {"period": "2015", "value": "48"}
    assert employment["target"] == {"period": "2026", "value": "65"}
    assert employment["values"] == [
        {"period": "2015", "value": "48", "comparison_value": None, "note": ""},
        {"period": "2024", "value": "61.5", "comparison_value": "70", "note": ""},
    ]
    assert employment["summary"].startswith("From 2015 to 2024 the value rose from 48")
    assert items["Einwohnerschaft"]["owner"] == tree["concept"].pk


def test_the_list_filters_by_working_group_and_concept(client, tree, prefix, home_page):
    other = make_concept(home_page, title="Anderes", slug="anderes")
    make_indicator(other, title="Fremd")
    work, school = tree["groups"]
    titles = lambda query: sorted(item["title"] for item in listed(client, prefix, query))  # noqa: E731
    assert titles(f"working_group={work.pk}") == ["Beschäftigungsquote"]
    assert titles(f"working_group={school.pk}") == ["Kursteilnahmen"]
    assert titles(f"concept={tree['concept'].pk}") == [
        "Beschäftigungsquote",
        "Einwohnerschaft",
        "Kursteilnahmen",
    ]
    assert titles(f"concept={other.pk}") == ["Fremd"]
    assert titles(f"working_group={tree['measures'][0].pk}") == []  # not a group
    assert titles("working_group=2147483647") == []
    assert titles("locale=de") == []


def test_a_translation_is_an_item_in_its_language_with_the_sources_numbers(client, tree, prefix):
    employment = tree["employment"]
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    translated = employment.copy_for_translation(arabic)
    translated.title = "معدل التوظيف"
    translated.save()
    # A value the source gained after the translation was made.
    IndicatorValue.objects.create(indicator=employment, period="2025", value=63)
    [item] = listed(client, prefix, f"locale=ar&working_group={tree['groups'][0].pk}")
    assert item["title"] == "معدل التوظيف" and item["locale"] == "ar"
    assert [value["value"] for value in item["values"]] == ["48", "61.5", "63"]
    assert "٦٣" in item["summary"]


def test_only_indicators_of_live_public_pages_of_the_requests_site(client, tree, prefix):
    school = tree["groups"][1]
    PageViewRestriction.objects.create(page=school, restriction_type="login")
    titles = {item["title"] for item in listed(client, prefix)}
    assert "Kursteilnahmen" not in titles
    # A second site whose root holds none of the concept's pages lists none of them.
    Site.objects.create(hostname="other.example", root_page=tree["measures"][0], site_name="X")
    other = client.get(f"{prefix}/integration/indicators/", HTTP_HOST="other.example")
    assert other.json()["items"] == []


@pytest.mark.parametrize("groups", [2, 8])
def test_the_list_costs_the_same_queries_for_few_and_many_indicators(
    client, home_page, prefix, groups
):
    tree = make_concept_tree(home_page, groups=groups, measures_per_group=1)
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    for n, group in enumerate(tree["groups"]):
        indicator = make_indicator(
            group, title=f"Indikator {n}", values=[(str(2000 + y), y) for y in range(20)]
        )
        indicator.measures.set(tree["measures"][n : n + 1])
        indicator.save()
        indicator.copy_for_translation(arabic).save()
    with CaptureQueriesContext(connection) as queries:
        items = listed(client, prefix)
    assert len(items) == groups * 2
    assert all(len(item["values"]) == 20 for item in items)
    assert len(queries) <= 10, [q["sql"][:120] for q in queries]


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("param", sorted(INVALID))
def test_hostile_parameters_are_refused_with_422_never_500(client, tree, prefix, param, name):
    response = client.get(f"{prefix}/integration/indicators/?{param}={HOSTILE[name]}")
    assert response.status_code == (422 if name in INVALID[param] else 200), response.content


def test_openapi_schema_declares_the_indicators_list(client, prefix):
    schema = client.get(f"{prefix}/openapi.json").json()
    paths = [path for path in schema["paths"] if path.endswith("/integration/indicators/")]
    assert len(paths) == 1
    operation = schema["paths"][paths[0]]["get"]
    assert set(operation["responses"]) >= {"200", "422"}
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert {"working_group", "concept", "locale", "limit", "offset"} <= parameters
