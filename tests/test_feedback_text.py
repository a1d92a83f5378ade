"""What text a submission may hold: one rule for the HTML form and the API, and stored text
that breaks the rule (rows from before it) still never breaks the editors' tools."""

import json
import unicodedata

import pytest
from django.db import DataError, connection, transaction
from django.urls import reverse

from wagtail_integration.feedback import spam
from wagtail_integration.feedback.models import FeedbackFormField, FeedbackSubmission
from wagtail_integration.feedback.notifications import build_email
from wagtail_integration.feedback.text import check_text, safe_text

from .admin_helpers import export_csv_rows, export_xlsx_rows, listing_url
from .factories import make_feedback_page
from .feedback_helpers import api_url, post_api, post_feedback, valid_values

pytestmark = pytest.mark.django_db

CONTROL_CHARACTERS = [
    chr(code) for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
] + ["\ufffe", "\uffff"]


def render_everything(client, page, submissions=None) -> dict:
    """Open every editors' view of the page's submissions; each must answer 200.

    The listing and the exports hold every submission; the detail pages and emails are those
    of `submissions` (all by default).
    """
    submissions = list(FeedbackSubmission.objects.all() if submissions is None else submissions)
    listing = client.get(listing_url(page))
    assert listing.status_code == 200
    details = [
        client.get(reverse("wagtail_integration_feedback:feedback_submission", args=[row.pk]))
        for row in submissions
    ]
    assert all(detail.status_code == 200 for detail in details)
    emails = [build_email(submission) for submission in submissions]
    for email in emails:
        email.message().as_bytes()  # what the mail backend does: must encode
    return {
        "listing": listing.content.decode(),
        "details": [detail.content.decode() for detail in details],
        "csv": export_csv_rows(client, page),
        "xlsx": export_xlsx_rows(client, page),
        "emails": emails,
    }


@pytest.mark.usefixtures("instant_feedback")
def test_lone_surrogate_through_the_api_is_refused_with_a_field_error(client, feedback_page):
    response = post_api(client, feedback_page, valid_values(message="x\ud800", name="A\udfff"))

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"message", "name"}
    assert "cannot be stored" in errors["message"][0]
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.usefixtures("instant_feedback")
@pytest.mark.parametrize("character", CONTROL_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_are_refused_through_both_paths(client, feedback_page, character):
    html = post_feedback(client, feedback_page, message=f"Hallo{character}Welt")
    api = post_api(client, feedback_page, valid_values(name=f"Ali{character}"))

    assert html.status_code == 200
    assert "cannot be stored" in html.content.decode()
    assert "Hallo\ufffdWelt" in html.content.decode()  # the text comes back, marked
    assert api.status_code == 422
    assert set(api.json()["errors"]) == {"name"}
    assert FeedbackSubmission.objects.count() == 0


@pytest.mark.usefixtures("instant_feedback")
def test_tab_and_newlines_are_kept_in_the_message_and_text_is_stored_as_nfc(client, feedback_page):
    decomposed = unicodedata.normalize("NFD", "Grüße aus Köln")
    response = post_feedback(client, feedback_page, message=f"{decomposed}\r\nZeile\t2\rEnde")

    assert response.status_code == 303
    stored = FeedbackSubmission.objects.get().form_data["message"]
    assert stored == "Grüße aus Köln\nZeile\t2\nEnde"
    assert unicodedata.is_normalized("NFC", stored)


@pytest.mark.usefixtures("instant_feedback")
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\u2028"])
def test_a_line_break_in_a_single_line_field_is_refused(client, feedback_page, line_break):
    name = f"Ali{line_break}E-Mail: fake@example.org"

    html = post_feedback(client, feedback_page, name=name)
    api = post_api(client, feedback_page, valid_values(name=name))

    assert "Please write this on one line." in html.content.decode()
    assert api.json()["errors"] == {"name": ["Please write this on one line."]}
    assert FeedbackSubmission.objects.count() == 0


def test_editor_added_single_line_field_refuses_line_breaks_too(client, concept_tree, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    page = make_feedback_page(concept_tree["concept"], title="Mit Stadtteil")
    FeedbackFormField.objects.create(
        page=page, label="Stadtteil", field_type="singleline", required=False
    )

    response = post_api(client, page, valid_values(stadtteil="Nord\nE-Mail: x@example.org"))

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"stadtteil"}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"consent": ["x"]}, "consent"),
        ({"consent": "on"}, "consent"),
        ({"consent": 1}, "consent"),
        ({"message": ["a", "b"]}, "message"),
        ({"message": 12}, "message"),
        ({"message": True}, "message"),
        ({"name": {"a": 1}}, "name"),
        ({"topic": ["general"]}, "topic"),
        ({"message": float("nan")}, "message"),
        ({"message": 1e308}, "message"),
    ],
    ids=lambda value: json.dumps(value) if isinstance(value, dict) else value,
)
def test_each_api_field_takes_exactly_the_json_type_it_means(
    client, feedback_page, values, field, settings
):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    response = post_api(client, feedback_page, valid_values(**values))

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {field}
    assert FeedbackSubmission.objects.count() == 0


def test_number_field_takes_a_finite_json_number_only(client, concept_tree, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    page = make_feedback_page(concept_tree["concept"], title="Mit Alter")
    FeedbackFormField.objects.create(page=page, label="Alter", field_type="number", required=False)
    url = api_url(page)

    def post(raw_value: str):
        body = (
            f'{{"token": "{spam.make_token(page)}", "values": {{"message": "Hallo", '
            f'"topic": "general", "consent": true, "alter": {raw_value}}}}}'
        )
        return client.post(url, body, content_type="application/json")

    assert post("NaN").status_code == 422
    assert post("Infinity").status_code == 422
    assert post('"42"').status_code == 422
    assert post("true").status_code == 422
    assert post("42").status_code == 201
    assert FeedbackSubmission.objects.get().form_data["alter"] == "42"


def test_safe_text_and_check_text_agree_on_what_is_allowed():
    assert check_text("a\tb\nc", multiline=True) == ("a\tb\nc", None)
    assert check_text("a\tb", multiline=False)[1] is not None
    assert check_text("x\x1by", multiline=True)[0] == "x\ufffdy"
    assert safe_text("x\ud800\x1b\r\ny") == "x\ufffd\ufffd\ny"
    assert safe_text(["a\x00", 3, None]) == ["a\ufffd", "3", ""]
    assert safe_text(None) is None


def storable(value):
    """`value` as the database can hold it. PostgreSQL's jsonb refuses lone surrogates and
    NUL (a row with them cannot exist there); there they become BEL, another control
    character that the rules refuse and the listing shows as U+FFFD the same way."""
    if connection.vendor != "postgresql":
        return value
    if isinstance(value, str):
        return value.replace("\ud800", "\x07").replace("\x00", "\x07")
    if isinstance(value, list):
        return [storable(item) for item in value]
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    return value


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite stores them")
def test_postgresql_refuses_to_store_lone_surrogates_and_nul(feedback_page):
    for text in ["x\ud800", "x\x00"]:
        with pytest.raises(DataError), transaction.atomic():
            FeedbackSubmission.objects.create(page=feedback_page, form_data={"message": text})


HOSTILE_STORED = {
    "message": "Nachricht\ud800 mit \x1b[31m Farbe\x00 und\r\nE-Mail: fake@example.org",
    "topic": "General\x0b",
    "name": "Ali\r\nE-Mail: fake@example.org\x1b",
    "email": "evil@example.org\r\nBcc: all@example.org",
    "stadtteil": ["Nord\ud800", "Süd\x07"],
}


def test_rows_stored_before_the_rules_still_list_show_export_and_mail(admin_client, feedback_page):
    FeedbackFormField.objects.create(
        page=feedback_page, label="Stadtteil", field_type="checkboxes", choices="x"
    )
    FeedbackSubmission.objects.create(page=feedback_page, form_data=storable(HOSTILE_STORED))
    FeedbackSubmission.objects.create(page=feedback_page, form_data={"message": "harmlos"})

    rendered = render_everything(admin_client, feedback_page)

    assert "Nachricht\ufffd mit \ufffd[31m" in rendered["listing"]
    assert len(rendered["csv"]) == 3 and len(rendered["xlsx"]) == 3  # heading + both rows
    assert any("harmlos" in row for row in rendered["csv"])
    assert any("harmlos" in row for row in rendered["xlsx"])
    email = next(e for e in rendered["emails"] if "Nachricht" in e.body)
    lines = email.body.splitlines()
    # Every line a resident typed stays on its own labelled line or inside the indented message.
    assert not any(line.startswith(("E-Mail:", "Bcc:")) for line in lines)
    assert "    E-Mail: fake@example.org" in lines
    assert email.reply_to == []  # not a valid address on its own
    assert "The resident left no email address." in email.body  # and no reply is offered
    assert "\x1b" not in email.body and "\ud800" not in email.body


def test_valid_reply_to_address_reaches_the_header(feedback_page):
    submission = FeedbackSubmission.objects.create(
        page=feedback_page, form_data={"message": "Hallo", "email": "ali@example.org"}
    )

    assert build_email(submission).reply_to == ["ali@example.org"]


def test_text_and_type_errors_are_in_the_language_of_the_form(
    client, home_page, feedback_page, german, django_capture_on_commit_callbacks, settings
):
    from .i18n_helpers import translate_with_ancestors

    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    german_page = translate_with_ancestors(
        feedback_page, german, {}, django_capture_on_commit_callbacks
    )

    response = post_api(client, german_page, valid_values(message="x\x1b", consent="ja"))

    errors = response.json()["errors"]
    assert errors["consent"] == ["Bitte senden Sie hier true oder false."]
    assert (
        post_api(client, german_page, valid_values(message="x\x1b"))
        .json()["errors"]["message"][0]
        .startswith("Dieser Text enthält ein Zeichen")
    )


def test_stored_lists_of_anything_still_list_and_export(admin_client, feedback_page):
    FeedbackFormField.objects.create(
        page=feedback_page, label="Stadtteil", field_type="checkboxes", choices="x"
    )
    for value in ([{"k": "x"}], [["\ud800"]], [1, None], {"nested": ["\x1b"]}):
        FeedbackSubmission.objects.create(
            page=feedback_page,
            form_data=storable({"message": "m", "name": value, "stadtteil": value}),
        )

    rendered = render_everything(admin_client, feedback_page)

    assert len(rendered["csv"]) == len(rendered["xlsx"]) == 5
    assert '{"k": "x"}' in rendered["listing"].replace("&quot;", '"')


def test_a_number_field_refuses_absurd_numbers(client, concept_tree, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    page = make_feedback_page(concept_tree["concept"], title="Mit Alter")
    FeedbackFormField.objects.create(page=page, label="Alter", field_type="number", required=False)

    html = post_feedback(client, page, alter="1E+999999999999999999")
    api = post_api(client, page, valid_values(alter=10**4000))

    assert html.status_code == 200 and "digits" in html.content.decode()
    assert api.status_code == 422 and set(api.json()["errors"]) == {"alter"}
    assert FeedbackSubmission.objects.count() == 0


def test_a_choice_pasted_in_decomposed_form_can_still_be_chosen(client, concept_tree, settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    page = make_feedback_page(concept_tree["concept"], title="Mit Stadtteil")
    decomposed = unicodedata.normalize("NFD", "Süd")
    FeedbackFormField.objects.create(
        page=page, label="Stadtteil", field_type="dropdown", choices=f"Nord\n{decomposed}"
    )

    response = post_feedback(client, page, stadtteil=decomposed)

    assert response.status_code == 303
    assert FeedbackSubmission.objects.get().form_data["stadtteil"] == "Süd"
