"""Indicators as editors keep them: periods, baseline and target checked, values in period
order, created in the snippet admin with their values inline, translated with wagtail-localize
with the numbers kept as one truth."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from wagtail_integration.models import Indicator, IndicatorValue
from wagtail_integration.models.indicators import period_key, validate_period

pytestmark = pytest.mark.django_db


def make_indicator(owner, **fields) -> Indicator:
    values = fields.pop("values", [])
    indicator = Indicator(
        owner=owner,
        title=fields.pop("title", "Beschäftigungsquote"),
        definition="Anteil der Beschäftigten an den 15- bis 64-Jährigen.",
        unit=fields.pop("unit", "percent"),
        **fields,
    )
    indicator.full_clean()
    indicator.save()
    for period, value in values:
        IndicatorValue.objects.create(indicator=indicator, period=period, value=value)
    return indicator


@pytest.mark.parametrize("period", ["2024", "2015", "2024-H1", "2024-H2", "1999"])
def test_a_period_is_a_year_or_a_half_year(period):
    validate_period(period)


@pytest.mark.parametrize(
    "period",
    [
        "",
        "24",
        "2024-H3",
        "2024-h1",
        "2024-1",
        "\uff12\uff10\uff12\uff14",
        "2024 ",
        "3024",
        "2024\x00",
        "\ud800",
    ],
)
def test_other_periods_are_refused_with_a_clear_message(period):
    with pytest.raises(ValidationError) as refused:
        validate_period(period)
    assert 'such as "2024"' in str(refused.value)


def test_values_come_in_period_order_with_a_year_before_its_halves(concept_tree):
    indicator = make_indicator(
        concept_tree["groups"][0],
        values=[("2024-H2", 3), ("2019", 1), ("2024", 2), ("2024-H1", 4)],
    )
    assert [value.period for value in indicator.series()] == ["2019", "2024", "2024-H1", "2024-H2"]
    assert period_key("2024-H1") < period_key("2024-H2") < period_key("2025")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"baseline_period": "2015"}, "baseline_value", "together"),
        ({"target_value": Decimal(60)}, "target_value", "together"),
        (
            {
                "baseline_period": "2020",
                "baseline_value": Decimal(50),
                "target_period": "2015",
                "target_value": Decimal(60),
            },
            "target_period",
            "after the baseline",
        ),
        ({"target_period": "2026", "target_value": Decimal(140)}, "target_value", "0 and 100"),
    ],
)
def test_baseline_and_target_are_checked(concept_tree, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        make_indicator(concept_tree["groups"][0], **fields)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Indicator.objects.exists()


def test_an_indicator_belongs_to_a_group_or_the_concept_only(concept_tree):
    make_indicator(concept_tree["groups"][0])
    make_indicator(concept_tree["concept"], title="Einbürgerungen")
    with pytest.raises(ValidationError) as refused:
        make_indicator(concept_tree["measures"][0], title="Falsch")
    assert "working group or an integration concept" in str(refused.value)


def test_an_editor_adds_an_indicator_with_its_values_in_the_admin(admin_client, concept_tree):
    group = concept_tree["groups"][0]
    url = reverse(Indicator.snippet_viewset.get_url_name("add"))
    assert admin_client.get(url).status_code == 200
    data = {
        "owner": group.pk,
        "title": "Beschäftigungsquote",
        "definition": "Anteil der Beschäftigten.",
        "unit": "percent",
        "direction": "higher",
        "source": "Bundesagentur für Arbeit",
        "code": "E1a",
        "baseline_period": "2015",
        "baseline_value": "48",
        "target_period": "2026",
        "target_value": "65",
        "comparison_label": "Gesamtbevölkerung",
        "values-TOTAL_FORMS": "2",
        "values-INITIAL_FORMS": "0",
        "values-MIN_NUM_FORMS": "0",
        "values-MAX_NUM_FORMS": "1000",
        "values-0-period": "2015",
        "values-0-value": "48",
        "values-0-comparison_value": "70.5",
        "values-0-note": "",
        "values-0-ORDER": "1",
        "values-1-period": "2024",
        "values-1-value": "61",
        "values-1-comparison_value": "",
        "values-1-note": "Neue Zählweise",
        "values-1-ORDER": "2",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator = Indicator.objects.get()
    assert [(v.period, v.value, v.comparison_value) for v in indicator.series()] == [
        ("2015", Decimal(48), Decimal("70.5")),
        ("2024", Decimal(61), None),
    ]

    data.update({"values-1-period": "2024-H3", "title": "Zweite"})
    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert "half-year such as" in refused.content.decode()
    assert Indicator.objects.count() == 1

    data.update({"values-1-period": "2024", "values-1-value": "161"})
    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert "A percentage lies between 0 and 100." in refused.content.decode()
    data.update({"unit": "count"})  # the same number is a valid count
    assert admin_client.post(url, data).status_code == 302
    assert Indicator.objects.count() == 2


def test_the_admin_listing_costs_the_same_queries_for_one_and_two_pages_of_rows(
    admin_client, concept_tree
):
    """The listing shows 50 indicators a page. wagtail-localize's "Translate" button costs
    two queries per row shown (its own hook), so the count is bounded by the page, not by
    the number of indicators."""
    url = reverse(Indicator.snippet_viewset.get_url_name("list"))
    groups = concept_tree["groups"]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        return len(queries)

    for n in range(50):
        make_indicator(groups[n % 2], title=f"Indikator {n:03}")
    one_page = count()
    for n in range(50, 100):
        make_indicator(groups[n % 2], title=f"Indikator {n:03}")
    assert count() == one_page


def test_hostile_titles_are_escaped_in_the_admin_listing(admin_client, concept_tree):
    make_indicator(concept_tree["groups"][0], title="<script>alert(1)</script>")
    html = admin_client.get(reverse(Indicator.snippet_viewset.get_url_name("list"))).content
    assert b"<script>alert(1)" not in html and b"&lt;script&gt;alert(1)" in html


def test_an_editor_without_permission_cannot_open_the_indicators(client, concept_tree):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("redaktion", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("list", "add"):
        response = client.get(reverse(Indicator.snippet_viewset.get_url_name(name)))
        assert response.status_code in (302, 403)


def test_a_translation_translates_the_texts_and_keeps_the_numbers(
    concept_tree, home_page, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator

    from .i18n_helpers import translate

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    capture = django_capture_on_commit_callbacks
    translate(home_page.specific, arabic, {}, capture)
    translate(concept_tree["concept"], arabic, {}, capture)
    translate(concept_tree["phase"], arabic, {}, capture)
    arabic_group = translate(concept_tree["groups"][0], arabic, {}, capture)
    indicator = make_indicator(
        concept_tree["groups"][0],
        baseline_period="2015",
        baseline_value=Decimal(48),
        values=[("2015", 48), ("2024", 61)],
    )
    IndicatorValue.objects.filter(period="2024").update(note="Neue Zählweise")

    with capture(execute=True):
        TranslationCreator(user=None, target_locales=[arabic]).create_translations(indicator)
    translation = Translation.objects.get(
        source__object_id=indicator.translation_key, target_locale=arabic
    )
    po = translation.export_po()
    strings = {"Beschäftigungsquote": "معدل التوظيف", "Neue Zählweise": "طريقة عد جديدة"}
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po)
    with capture(execute=True):
        translation.save_target()

    translated = indicator.get_translation(arabic)
    assert translated.title == "معدل التوظيف"
    # wagtail-localize keeps keys to pages as they are; the Arabic group finds its own.
    assert translated.owner_id == concept_tree["groups"][0].pk
    assert Indicator.of_page(arabic_group) == [translated]
    assert Indicator.of_page(concept_tree["groups"][0]) == [indicator]
    assert (translated.unit, translated.baseline_value) == ("percent", Decimal(48))
    assert [(v.period, v.value, v.note) for v in translated.series()] == [
        ("2015", Decimal(48), ""),
        ("2024", Decimal(61), "طريقة عد جديدة"),
    ]
    msgids = {entry.msgid for entry in po}
    assert "2015" not in msgids and "48.0000" not in msgids  # numbers are not for translators

    # The source changes after the translation: a new value (as the CSV import adds one),
    # a corrected value, a new target. The translation shows them at once, before any sync,
    # its own notes kept and a note it does not have yet marked with the source's language.
    IndicatorValue.objects.create(indicator=indicator, period="2025", value=63, note="vorläufig")
    IndicatorValue.objects.filter(indicator=indicator, period="2024").update(value=62)
    Indicator.objects.filter(pk=indicator.pk).update(target_period="2026", target_value=65)

    [shown] = Indicator.of_page(arabic_group)
    assert shown.pk == translated.pk and shown.title == "معدل التوظيف"
    assert (shown.target_period, shown.target_value) == ("2026", Decimal(65))
    assert [
        (v.period, v.value, v.note, getattr(v, "note_language", "")) for v in shown.series()
    ] == [
        ("2015", Decimal(48), "", ""),
        ("2024", Decimal(62), "طريقة عد جديدة", ""),
        ("2025", Decimal(63), "vorläufig", indicator.locale.language_code),
    ]
    response = Client().get(arabic_group.url)
    html = response.content.decode()
    assert f'<td lang="{indicator.locale.language_code}">vorläufig</td>' in html
    assert "٦٣" in html and "٦٢" in html


def test_a_page_reads_its_indicators_and_values_in_queries_that_do_not_grow(concept_tree):
    group = concept_tree["groups"][0]
    measure = concept_tree["measures"][0]

    def read() -> tuple[int, list]:
        with CaptureQueriesContext(connection) as queries:
            indicators = Indicator.attach_measures(Indicator.of_page(group))
            series = [(indicator.series(), indicator.measures_read) for indicator in indicators]
        return len(queries), series

    make_indicator(group, title="Indikator 0", values=[("2000", 1)]).measures.set([measure])
    few, _series = read()
    for n in range(1, 10):
        indicator = make_indicator(
            group, title=f"Indikator {n}", values=[(str(2000 + y), y) for y in range(20)]
        )
        indicator.measures.set([measure])
    make_indicator(concept_tree["groups"][1], title="Andere Gruppe")
    many, series = read()
    # Indicators, values; view restrictions, links, measures (with their tree position).
    assert many == few <= 5
    assert len(series) == 10 and sum(len(values) for values, _m in series) == 1 + 9 * 20


def test_the_group_editor_lists_its_indicators_for_who_may_see_them(
    admin_client, client, concept_tree, django_user_model
):
    from .admin_helpers import editor_of

    group = concept_tree["groups"][0]
    indicator = make_indicator(group, title="Quote <b>", values=[("2023", 50), ("2024", "51.5")])
    edit = reverse("wagtailadmin_pages:edit", args=[group.pk])
    html = admin_client.get(edit).content.decode()
    indicator_url = reverse(Indicator.snippet_viewset.get_url_name("edit"), args=[indicator.pk])
    assert indicator_url in html
    assert "Quote &lt;b&gt;" in html and "2024: 51.5" in html
    assert reverse(Indicator.snippet_viewset.get_url_name("add")) in html
    concept_edit = reverse("wagtailadmin_pages:edit", args=[concept_tree["concept"].pk])
    assert (
        "No indicator belongs to this page yet." in admin_client.get(concept_edit).content.decode()
    )

    page_editor = editor_of(django_user_model, "seiten", concept_tree["concept"], "change_page")
    client.force_login(page_editor)
    response = client.get(edit)
    assert response.status_code == 200
    assert indicator_url not in response.content.decode()
