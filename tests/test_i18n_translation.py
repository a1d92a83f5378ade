"""Every page type translates through wagtail-localize; statuses and dates stay in sync."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from wagtail_integration.feedback.models import FeedbackFormField
from wagtail_integration.models import (
    ConceptPhasePage,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupMember,
)

from .i18n_helpers import sync, translate_tree

pytestmark = pytest.mark.django_db

ARABIC = {
    "Integration concept": "مفهوم الاندماج",
    "Phase 2": "المرحلة 2",
    "Arbeit und Ausbildung": "العمل والتدريب المهني",
    "Measure 1.1": "الإجراء 1.1",
    "Lower the barriers to work and training.": "تقليل العوائق أمام العمل والتدريب.",
    "Kick-off workshop": "ورشة الانطلاق",
    "Chamber of crafts": "غرفة الحرف",
}


@pytest.fixture
def translated_tree(concept_tree, arabic, django_capture_on_commit_callbacks):
    phase = concept_tree["phase"]
    PhaseMilestone.objects.create(
        page=phase, date=datetime.date(2015, 11, 19), kind="workshop", title="Kick-off workshop"
    )
    phase.save_revision().publish()
    group = concept_tree["groups"][0]
    WorkingGroupMember.objects.create(page=group, name="Chamber of crafts")
    group.save_revision().publish()
    translate_tree(concept_tree["concept"], arabic, ARABIC, django_capture_on_commit_callbacks)
    return concept_tree


def test_translating_the_tree_gives_translated_pages_of_every_type(translated_tree, arabic):
    concept = translated_tree["concept"].get_translation(arabic)
    phase = translated_tree["phase"].get_translation(arabic).specific
    group = translated_tree["groups"][0].get_translation(arabic).specific
    measure = translated_tree["measures"][0].get_translation(arabic).specific

    assert concept.title == "مفهوم الاندماج"
    assert phase.title == "المرحلة 2"
    assert group.title == "العمل والتدريب المهني"
    assert group.goal == "تقليل العوائق أمام العمل والتدريب."
    assert measure.title == "الإجراء 1.1"
    assert measure.get_parent().pk == group.pk
    assert [m.title for m in phase.milestones.all()] == ["ورشة الانطلاق"]
    assert [m.date for m in phase.milestones.all()] == [datetime.date(2015, 11, 19)]
    assert [m.name for m in group.members.all()] == ["غرفة الحرف"]


def test_status_change_on_the_source_syncs_without_overwriting_translated_text(
    translated_tree, arabic, django_capture_on_commit_callbacks
):
    measure = translated_tree["measures"][0]
    measure.status = "implemented"
    measure.progress = 100
    measure.end_date = datetime.date(2026, 6, 30)
    measure.save_revision().publish()

    sync(measure, django_capture_on_commit_callbacks)

    translated = MeasurePage.objects.get(translation_key=measure.translation_key, locale=arabic)
    assert translated.status == "implemented"
    assert translated.progress == 100
    assert translated.end_date == datetime.date(2026, 6, 30)
    assert translated.title == "الإجراء 1.1"


def test_phase_dates_and_status_are_synchronized(
    translated_tree, arabic, django_capture_on_commit_callbacks
):
    phase = translated_tree["phase"]
    phase.status = "under_evaluation"
    phase.start_date = datetime.date(2015, 11, 19)
    phase.save_revision().publish()

    sync(phase, django_capture_on_commit_callbacks)

    translated = ConceptPhasePage.objects.get(translation_key=phase.translation_key, locale=arabic)
    assert (translated.status, translated.start_date) == (
        "under_evaluation",
        datetime.date(2015, 11, 19),
    )
    assert translated.title == "المرحلة 2"


def test_translatable_and_synchronized_fields_are_declared_explicitly():
    from wagtail_localize.fields import get_translatable_fields

    def kinds(model):
        return {f.field_name: type(f).__name__ for f in get_translatable_fields(model)}

    measure = kinds(MeasurePage)
    assert measure["status"] == "SynchronizedField"
    assert measure["decision_reference"] == "SynchronizedField"
    assert measure["plain_language_summary"] == "TranslatableField"
    field = kinds(FeedbackFormField)
    assert field["clean_name"] == "SynchronizedField"
    assert field["label"] == "TranslatableField"
    assert field["choices"] == "TranslatableField"
    from wagtail_integration.feedback.models import FeedbackFormPage

    assert kinds(FeedbackFormPage)["to_address"] == "SynchronizedField"


def test_arabic_page_is_right_to_left_with_arabic_lang_and_headings(
    client, translated_tree, arabic
):
    concept = translated_tree["concept"].get_translation(arabic)

    soup = BeautifulSoup(client.get(concept.url).content, "html.parser")

    assert concept.url.startswith("/ar/")
    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    assert soup.h1.get_text() == "مفهوم الاندماج"
    with translation.override("ar"):
        arabic_heading = gettext("Phases of the concept")
    assert arabic_heading != "Phases of the concept"  # the catalog translates it
    assert soup.find(id="wi-phases-heading").get_text() == arabic_heading


def test_dates_are_formatted_for_the_language(
    client, concept_tree, german, django_capture_on_commit_callbacks
):
    phase = concept_tree["phase"]
    phase.start_date = datetime.date(2011, 12, 13)
    phase.save_revision().publish()
    translate_tree(concept_tree["concept"], german, {}, django_capture_on_commit_callbacks)
    german_phase = phase.get_translation(german)

    text = BeautifulSoup(client.get(german_phase.url).content, "html.parser").get_text()

    assert "13. Dezember 2011" in text
    assert "seit" in text
