"""Translated choices of an added field keep one stable value, so one column stays one column."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from wagtail_integration.feedback.models import FeedbackFormField, FeedbackSubmission
from wagtail_integration.feedback.notifications import build_email

from .admin_helpers import export_csv_rows, export_xlsx_rows, listing_url
from .feedback_helpers import post_feedback
from .i18n_helpers import translate, translate_tree

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_feedback")]


@pytest.fixture
def district_form(
    home_page, concept_tree, feedback_page, german, django_capture_on_commit_callbacks
):
    """An English form with a district dropdown and checkboxes, and its German translation."""
    FeedbackFormField.objects.create(
        page=feedback_page,
        label="District",
        field_type="dropdown",
        choices="North\nSouth",
        default_value="South",
        required=False,
    )
    FeedbackFormField.objects.create(
        page=feedback_page,
        label="Offers",
        field_type="checkboxes",
        choices="Courses\nCounselling",
        required=False,
    )
    feedback_page.save_revision().publish()
    strings = {
        "District": "Stadtteil",
        "North<br/>South": "Nord<br/>Süd",  # how wagtail-localize shows a multi-line text
        "South": "Süd",
        "Offers": "Angebote",
        "Courses<br/>Counselling": "Kurse<br/>Beratung",
    }
    translate(home_page.specific, german, {}, django_capture_on_commit_callbacks)
    translate_tree(concept_tree["concept"], german, strings, django_capture_on_commit_callbacks)
    return {"en": feedback_page, "de": feedback_page.get_translation(german).specific}


def test_translated_choices_show_labels_in_the_form_language_and_send_stable_values(
    client, district_form
):
    soup = BeautifulSoup(client.get(district_form["de"].url).content, "html.parser")

    options = [(o["value"], o.get_text()) for o in soup.select("select[name=district] option")]
    assert options == [("North", "Nord"), ("South", "Süd")]
    assert soup.select_one("select[name=district] option[selected]")["value"] == "South"
    boxes = [
        (box["value"], box.parent.get_text(strip=True))
        for box in soup.select("input[name=offers]")
    ]
    assert boxes == [("Courses", "Kurse"), ("Counselling", "Beratung")]


def test_answers_in_both_languages_share_one_value_and_show_the_viewed_forms_labels(
    client, admin_client, district_form
):
    post_feedback(client, district_form["de"], district="North", offers=["Counselling"])
    post_feedback(client, district_form["en"], district="North", offers=["Counselling"])
    # A row stored before stable values: the German label itself.
    FeedbackSubmission.objects.create(
        page=district_form["de"], form_data={"message": "alt", "district": "Nord"}
    )

    assert {row.form_data["district"] for row in FeedbackSubmission.objects.all()} >= {"North"}
    english_export = export_csv_rows(admin_client, district_form["en"])
    german_export = export_csv_rows(admin_client, district_form["de"])
    district = english_export[0].index("District")
    assert {row[district] for row in english_export[1:]} == {"North"}
    assert {row[german_export[0].index("Stadtteil")] for row in german_export[1:]} == {"Nord"}
    xlsx = export_xlsx_rows(admin_client, district_form["de"])
    assert {row[xlsx[0].index("Stadtteil")] for row in xlsx[1:]} == {"Nord"}
    listing = admin_client.get(listing_url(district_form["de"])).content.decode()
    assert "Beratung" in listing and "Counselling" not in listing

    german_row = FeedbackSubmission.objects.filter(page=district_form["de"]).first()
    assert "Stadtteil: Nord" in build_email(german_row).body
    detail = admin_client.get(
        reverse("wagtail_integration_feedback:feedback_submission", args=[german_row.pk])
    )
    assert "Nord" in detail.content.decode()


def test_a_translation_with_other_choices_falls_back_to_its_own_texts(client, district_form):
    german_field = district_form["de"].form_fields.get(clean_name="district")
    german_field.choices = "Nord\nSüd\nMitte"
    german_field.save()

    soup = BeautifulSoup(client.get(district_form["de"].url).content, "html.parser")

    values = [o["value"] for o in soup.select("select[name=district] option")]
    assert values == ["Nord", "Süd", "Mitte"]
