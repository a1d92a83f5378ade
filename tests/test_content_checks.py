"""The plain-language checks in Wagtail's content checker: the editor's checks panel, the
preview it checks, and a host's own content checker item."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem

from wagtail_integration.content_checks import (
    SENTENCE_RULE,
    TAG,
    WORD_RULE,
    with_plain_language_checks,
)

from .factories import make_concept, make_measure, make_phase

pytestmark = pytest.mark.django_db

LONG_SENTENCE = " ".join(["Wort"] * 24) + "."
LONG_WORD = "Wir planen Arbeitsmarktintegrationsmaßnahmen."
PLAIN = "Wir bieten mehr Kurse am Abend an."


def checker_configuration(admin_client, page) -> dict:
    """The axe configuration of the checks panel in the page editor."""
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.find(id="checker-axe-configuration").string)


def test_checks_panel_of_a_measure_runs_the_plain_language_rules(admin_client, home_page):
    measure = make_measure(make_phase(make_concept(home_page)))

    config = checker_configuration(admin_client, measure)

    assert {SENTENCE_RULE, WORD_RULE} <= set(config["options"]["runOnly"])
    assert "heading-order" in config["options"]["runOnly"]  # Wagtail's own rules still run
    rules = {rule["id"]: rule for rule in config["spec"]["rules"]}
    assert rules[SENTENCE_RULE]["selector"] == '[data-wi-plain-language~="long-sentence"]'
    assert rules[WORD_RULE]["selector"] == '[data-wi-plain-language~="long-word"]'
    assert "alt-text-quality" in rules
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    assert checks["wi-plain-language-marked"]["evaluate"] == "attr-non-space-content-evaluate"
    assert config["messages"][SENTENCE_RULE]["error_name"] == ("Sentence with more than 20 words")
    assert config["messages"][WORD_RULE]["error_name"] == "Word with more than 20 letters"


def test_checks_panel_names_the_limits_of_the_settings(admin_client, home_page, settings):
    settings.WAGTAIL_INTEGRATION_PLAIN_LANGUAGE_MAX_SENTENCE_WORDS = 15
    concept = make_concept(home_page)

    config = checker_configuration(admin_client, concept)

    assert config["messages"][SENTENCE_RULE]["error_name"] == ("Sentence with more than 15 words")


def test_checks_panel_of_another_page_type_is_wagtails_own(admin_client, home_page):
    config = checker_configuration(admin_client, home_page)

    assert SENTENCE_RULE not in config["options"]["runOnly"]
    assert SENTENCE_RULE not in config["messages"]


def test_preview_marks_the_intro_and_summary_paragraphs_with_findings(home_page):
    concept = make_concept(
        home_page,
        intro=f"<p>{PLAIN}</p><p>{LONG_SENTENCE} {LONG_WORD}</p>",
        plain_language_summary=f"<ul><li>{PLAIN}</li><li>{LONG_WORD}</li></ul>",
    )
    measure = make_measure(make_phase(concept), summary=LONG_SENTENCE)

    concept_html = BeautifulSoup(concept.make_preview_request().content, "html.parser")
    measure_html = BeautifulSoup(measure.make_preview_request().content, "html.parser")

    marked = [
        (element.name, element["data-wi-plain-language"])
        for element in concept_html.select("[data-wi-plain-language]")
    ]
    assert marked == [("p", "long-sentence long-word"), ("li", "long-word")]
    assert measure_html.select_one("p.wi-intro")["data-wi-plain-language"] == "long-sentence"


def test_published_page_carries_no_markers(client, home_page):
    concept = make_concept(home_page, intro=f"<p>{LONG_SENTENCE} {LONG_WORD}</p>")
    measure = make_measure(make_phase(concept), summary=LONG_SENTENCE)

    for page in [concept, measure]:
        html = client.get(page.url).content.decode()
        assert "data-wi-plain-language" not in html
        assert LONG_SENTENCE in html


def test_preview_keeps_the_rich_text_escaped(home_page):
    concept = make_concept(
        home_page, intro=f"<p>&lt;script&gt;alert(1)&lt;/script&gt; {LONG_WORD}</p>"
    )

    html = concept.make_preview_request().content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


class TaggedCheckerItem(ContentCheckerItem):
    """A host's own item, as Wagtail's documentation shows: all WCAG A and AA rules."""

    axe_run_only = ["wcag2a", "wcag2aa"]


def test_a_hosts_item_keeps_its_own_rules_and_gets_the_plain_language_ones(
    admin_client, home_page
):
    def use_host_item(request, items, page):
        items[:] = [TaggedCheckerItem() if isinstance(i, ContentCheckerItem) else i for i in items]

    measure = make_measure(make_phase(make_concept(home_page)))
    with hooks.register_temporarily("construct_wagtail_userbar", use_host_item):
        config = checker_configuration(admin_client, measure)

    assert config["options"]["runOnly"] == ["wcag2a", "wcag2aa", TAG]
    assert SENTENCE_RULE in {rule["id"] for rule in config["spec"]["rules"]}


def test_an_item_that_runs_every_rule_runs_these_too():
    class EveryRule(ContentCheckerItem):
        axe_run_only = None

    item = with_plain_language_checks(EveryRule())

    assert item.get_axe_options(None) == {"rules": {}}  # no runOnly: every enabled rule
    assert SENTENCE_RULE in {rule["id"] for rule in item.get_axe_custom_rules(None)}


def test_wagtails_deprecated_item_is_extended_without_a_warning(recwarn):
    item = with_plain_language_checks(AccessibilityItem(in_editor=True))

    assert isinstance(item, AccessibilityItem)
    assert item.in_editor
    assert with_plain_language_checks(item) is item
    assert not [w for w in recwarn if "AccessibilityItem" in str(w.message)]
    assert type(with_plain_language_checks(AccessibilityItem())) is type(item)


def test_messages_are_translated_for_a_german_editor(home_page):
    item = with_plain_language_checks(ContentCheckerItem())

    with translation.override("de"):
        messages = {
            key: str(value["error_name"]) for key, value in item.get_axe_messages(None).items()
        }

    assert messages[SENTENCE_RULE] == "Satz mit mehr als 20 Wörtern"
    assert messages[WORD_RULE] == "Wort mit mehr als 20 Buchstaben"
