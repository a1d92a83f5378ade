"""Residents send feedback: it is stored with language and topic and mailed to the right place."""

import logging

import django
import pytest
from bs4 import BeautifulSoup

from wagtail_integration.feedback import spam
from wagtail_integration.feedback.models import FeedbackFormField, FeedbackSubmission

from .factories import make_concept, make_feedback_page
from .feedback_helpers import fetch_form, post_feedback

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("instant_feedback")]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_form_shows_built_in_fields_with_group_topics(client, feedback_page):
    soup = soup_of(client.get(feedback_page.url))

    names = [f["name"] for f in soup.select("form.wi-form [name]") if "csrf" not in f["name"]]
    assert names[:4] == ["message", "topic", "name", "email"]
    assert "consent" in names
    topics = [option.get_text() for option in soup.select("select[name=topic] option")]
    assert topics == ["General or other topic", "Arbeit und Ausbildung", "Working group 2"]
    assert soup.find("label", {"for": "id_message"})
    assert soup.select_one(".wi-hp")["aria-hidden"] == "true"


def test_consent_label_links_to_the_privacy_page_from_site_settings(
    client, feedback_page, feedback_settings, home_page
):
    privacy = home_page.add_child(instance=type(home_page)(title="Datenschutz", slug="privacy"))
    feedback_settings.privacy_page = privacy
    feedback_settings.save()

    label = soup_of(client.get(feedback_page.url)).find("label", {"for": "id_consent"})

    assert label.a["href"] == privacy.url
    assert "privacy notice" in label.get_text()


def test_valid_submission_to_a_group_with_contact_is_stored_and_mailed_to_the_contact(
    client, feedback_page, concept_tree, mailoutbox, django_capture_on_commit_callbacks
):
    group = concept_tree["groups"][0]

    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(
            client, feedback_page, topic=str(group.pk), name="Amina", email="amina@example.org"
        )

    assert response.status_code == 303
    assert response["Location"].startswith(f"{feedback_page.url}?sent=1&link=")
    submission = FeedbackSubmission.objects.get()
    assert submission.page_id == feedback_page.pk
    assert submission.topic == group
    assert submission.language == "en"
    assert submission.status == "new"
    assert submission.form_data["message"] == "Mehr Sprachkurse am Abend, bitte."
    assert submission.form_data["topic"] == "Arbeit und Ausbildung"
    assert "form_token" not in submission.form_data
    assert "website" not in submission.form_data
    email, to_resident = mailoutbox  # the board's notification, the resident's status link
    assert to_resident.to == ["amina@example.org"]
    assert email.to == ["arbeit@example.org"]
    assert email.reply_to == ["amina@example.org"]
    assert email.from_email == "web@example.org"
    assert "Mehr Sprachkurse am Abend, bitte." in email.body
    assert "Arbeit und Ausbildung" in email.body


def test_group_without_contact_routes_to_the_page_address(
    client, feedback_page, concept_tree, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(client, feedback_page, topic=str(concept_tree["groups"][1].pk))

    assert FeedbackSubmission.objects.get().topic == concept_tree["groups"][1]
    assert [email.to for email in mailoutbox] == [["beirat@example.org"]]


def test_general_topic_without_page_address_routes_to_the_site_default(
    client, concept_tree, feedback_settings, mailoutbox, django_capture_on_commit_callbacks
):
    page = make_feedback_page(concept_tree["concept"], to_address="")

    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(client, page)

    submission = FeedbackSubmission.objects.get()
    assert submission.topic is None
    assert submission.form_data["topic"] == "General or other topic"
    assert [email.to for email in mailoutbox] == [["default@example.org"]]
    assert mailoutbox[0].reply_to == []


def test_thank_you_page_follows_the_redirect(client, feedback_page):
    response = post_feedback(client, feedback_page)

    thanks = client.get(response["Location"])

    assert thanks.status_code == 200
    assert soup_of(thanks).h1.get_text() == "Thank you for your message"


def test_failing_mail_server_loses_nothing_and_shows_the_thank_you_page(
    client, feedback_page, settings, caplog, django_capture_on_commit_callbacks
):
    unreachable = "tests.mail_backends.UnreachableMailServerBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": unreachable}}
    else:
        settings.EMAIL_BACKEND = unreachable

    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client, feedback_page)

    assert response.status_code == 303
    assert client.get(response["Location"]).status_code == 200
    assert FeedbackSubmission.objects.count() == 1
    assert "Could not send the email about feedback submission" in caplog.text


@pytest.mark.parametrize(
    ("values", "invalid_field"),
    [
        ({"message": ""}, "message"),
        ({"message": "   "}, "message"),
        ({"consent": None}, "consent"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "a@b.c\nBcc: victim@example.org"}, "email"),
        ({"message": "x" * 100_000}, "message"),
        ({"topic": "999999"}, "topic"),
        ({"name": "n" * 201}, "name"),
    ],
)
def test_invalid_input_returns_the_form_with_accessible_errors_and_stores_nothing(
    client, feedback_page, mailoutbox, values, invalid_field
):
    response = post_feedback(client, feedback_page, **values)

    assert response.status_code == 200
    soup = soup_of(response)
    summary = soup.select_one("#wi-error-summary")
    assert summary["role"] == "alert"
    assert summary.has_attr("autofocus")  # focus lands on the summary without JavaScript
    link = summary.find("a", href=f"#id_{invalid_field}")
    assert link is not None
    widget = soup.find(id=f"id_{invalid_field}")
    assert widget["aria-invalid"] == "true"
    assert f"id_{invalid_field}_error" in widget["aria-describedby"]
    assert soup.find(id=f"id_{invalid_field}_error")
    assert FeedbackSubmission.objects.count() == 0
    assert mailoutbox == []


def test_entered_values_are_kept_when_the_form_comes_back(client, feedback_page):
    response = post_feedback(client, feedback_page, consent=None, name="Amina")

    soup = soup_of(response)
    textarea = soup.find("textarea", {"name": "message"})
    assert textarea.get_text().lstrip("\n") == "Mehr Sprachkurse am Abend, bitte."
    assert soup.find("input", {"name": "name"})["value"] == "Amina"


def test_message_in_any_script_is_stored_exactly_and_mailed_verbatim_as_plain_text(
    client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    message = "مرحبا، نريد دروسًا مسائية. Akşam kursları lütfen! 🙏🏽 <script>alert('x')</script>"

    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(client, feedback_page, message=message, name="Çağla <b>Ö</b>")

    submission = FeedbackSubmission.objects.get()
    assert submission.form_data["message"] == message
    assert submission.form_data["name"] == "Çağla <b>Ö</b>"
    (email,) = mailoutbox
    assert message in email.body  # plain text: nothing is interpreted as markup
    assert email.content_subtype == "plain"
    assert not getattr(email, "alternatives", [])


def test_editor_added_field_is_rendered_stored_and_mailed(
    client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    FeedbackFormField.objects.create(
        page=feedback_page, label="Stadtteil", field_type="singleline", required=False
    )

    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(client, feedback_page, stadtteil="Nord")

    assert FeedbackSubmission.objects.get().form_data["stadtteil"] == "Nord"
    assert "Stadtteil: Nord" in mailoutbox[0].body


def test_feedback_page_outside_a_concept_offers_only_the_general_topic(client, home_page):
    page = make_feedback_page(home_page)

    soup = soup_of(client.get(page.url))

    assert [o["value"] for o in soup.select("select[name=topic] option")] == ["general"]


def test_feedback_page_elsewhere_can_name_its_concept(client, home_page, concept_tree):
    page = make_feedback_page(home_page, concept=concept_tree["concept"])

    soup = soup_of(client.get(page.url))

    assert len(soup.select("select[name=topic] option")) == 3


def test_feedback_page_parent_types_follow_the_setting(settings, home_page):
    """Under a concept by default; under what the host's setting names otherwise (Wagtail
    reads ``parent_page_types`` once per process, when the host's settings are in place)."""
    from wagtail_integration.feedback.models import FeedbackFormPage

    concept = make_concept(home_page)
    assert FeedbackFormPage.can_create_at(concept)
    assert not FeedbackFormPage.can_create_at(home_page)

    settings.WAGTAIL_INTEGRATION_FEEDBACK_PARENT_PAGE_TYPES = ["wagtailcore.Page"]
    assert FeedbackFormPage.parent_page_types == ["wagtailcore.Page"]


def test_concept_page_links_to_its_feedback_form(client, feedback_page, concept_tree):
    soup = soup_of(client.get(concept_tree["concept"].url))

    assert soup.select_one(".wi-feedback-teaser a")["href"] == feedback_page.url


def test_form_token_is_fresh_on_every_view(client, feedback_page):
    """Each view signs its own token: a resident who sent the form can send it again."""
    first = fetch_form(client, feedback_page)[spam.TOKEN_FIELD]
    second = fetch_form(client, feedback_page)[spam.TOKEN_FIELD]

    sent_first = post_feedback(client, feedback_page, form_token=first, message="Erste")
    sent_second = post_feedback(client, feedback_page, form_token=second, message="Zweite")

    assert first != second
    assert sent_first.status_code == sent_second.status_code == 303
    messages = FeedbackSubmission.objects.values_list("form_data__message", flat=True)
    assert sorted(messages) == ["Erste", "Zweite"]  # the second is no resend of the first


def test_showing_the_form_writes_nothing(client, feedback_page, django_assert_num_queries):
    from wagtail_integration.feedback.models import FeedbackSettings

    client.get(feedback_page.url)

    assert FeedbackSettings.objects.count() == 0


def test_privacy_page_outside_every_site_gives_a_label_without_link(
    client, feedback_page, feedback_settings
):
    from wagtail.models import Page

    orphan = Page.get_first_root_node().add_child(instance=Page(title="Privacy", slug="p"))
    feedback_settings.privacy_page = orphan
    feedback_settings.save()

    label = soup_of(client.get(feedback_page.url)).find("label", {"for": "id_consent"})

    assert label.a is None
    assert "None" not in str(label)


def test_unpublished_group_gives_a_clear_topic_error(client, feedback_page, concept_tree):
    data = fetch_form(client, feedback_page)
    group = concept_tree["groups"][1]
    group.unpublish()

    response = post_feedback(client, feedback_page, topic=str(group.pk))

    assert "This topic is no longer available" in response.content.decode()
    assert str(group.pk) not in str(response.context["form"].errors)
    assert data
