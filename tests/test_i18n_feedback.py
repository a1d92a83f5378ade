"""One feedback form in many languages: one set of columns, one listing, one export."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail_integration.feedback.models import FeedbackFormField, FeedbackSubmission

from .feedback_helpers import post_feedback
from .i18n_helpers import translate, translate_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_feedback")]


@pytest.fixture
def form_in_three_languages(
    home_page, concept_tree, feedback_page, german, arabic, django_capture_on_commit_callbacks
):
    FeedbackFormField.objects.create(
        page=feedback_page, label="District", field_type="singleline", required=False
    )
    feedback_page.save_revision().publish()
    strings = {
        "German": {
            "Ihre Anregungen": "Ihre Anregungen",
            "District": "Stadtteil",
            "Arbeit und Ausbildung": "Arbeit und Ausbildung",
        },
        "Arabic": {
            "Ihre Anregungen": "اقتراحاتكم",
            "District": "الحي",
            "Arbeit und Ausbildung": "العمل والتدريب المهني",
        },
    }
    pages = {"en": feedback_page}
    for locale, name in [(german, "German"), (arabic, "Arabic")]:
        translate(home_page.specific, locale, {}, django_capture_on_commit_callbacks)
        translate_tree(
            concept_tree["concept"], locale, strings[name], django_capture_on_commit_callbacks
        )
        pages[locale.language_code] = feedback_page.get_translation(locale).specific
    return pages


def test_translated_form_has_translated_labels_and_topics_but_the_same_field_names(
    client, form_in_three_languages
):
    soup = BeautifulSoup(client.get(form_in_three_languages["ar"].url).content, "html.parser")

    assert soup.html["dir"] == "rtl"
    assert soup.find("label", {"for": "id_district"}).get_text(strip=True).startswith("الحي")
    topics = [option.get_text() for option in soup.select("select[name=topic] option")]
    assert "العمل والتدريب المهني" in topics
    with translation.override("ar"):
        general = gettext("General or other topic")  # from the package's Arabic catalog
    assert topics[0] == general != "General or other topic"


def test_german_and_arabic_submissions_share_columns_and_one_listing(
    client, admin_client, form_in_three_languages
):
    post_feedback(client, form_in_three_languages["de"], district="Nord", message="Hallo")
    post_feedback(client, form_in_three_languages["ar"], district="الشمال", message="مرحبا")

    german_row, arabic_row = FeedbackSubmission.objects.order_by("pk")
    assert german_row.language == "de"
    assert arabic_row.language == "ar"
    assert german_row.form_data.keys() == arabic_row.form_data.keys()
    assert arabic_row.form_data["district"] == "الشمال"

    source = form_in_three_languages["en"]
    listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[source.pk]))
    content = listing.content.decode()
    assert "Hallo" in content
    assert "مرحبا" in content
    assert "German" in content
    assert "Arabic" in content

    only_arabic = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[source.pk]) + "?language=ar"
    ).content.decode()
    assert "مرحبا" in only_arabic
    assert "Hallo" not in only_arabic

    export = admin_client.get(
        reverse("wagtailforms:list_submissions", args=[source.pk]) + "?export=csv"
    )
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0][-1] == "District"
    assert {row[-1] for row in rows[1:]} == {"Nord", "الشمال"}
