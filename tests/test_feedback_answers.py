"""The board answers a resident's suggestion: the answer on the status page and in the API,
emailed only with the resident's second consent, every step in the history and the audit log,
publication only with the third consent and never with the sender's name."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import rich_text

from wagtail_integration.feedback import status
from wagtail_integration.feedback.admin_views import SEND_ANSWER
from wagtail_integration.feedback.models import FeedbackSubmission, FeedbackSubmissionEvent

from .feedback_helpers import post_api, post_feedback, valid_values
from .i18n_helpers import translate

pytestmark = pytest.mark.usefixtures("instant_feedback", "feedback_settings")

ANSWER = '<p>Danke! Ab März gibt es einen <a href="https://example.org/kurse">Abendkurs</a>.</p>'


def send(client, page, **values) -> str:
    """Post feedback like a resident; the private status link."""
    response = post_feedback(client, page, **values)
    assert response.status_code == 303, response.content.decode()
    thanks = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    return thanks.select_one(".wi-status-link__url a")["href"]


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def submission_of(link: str) -> FeedbackSubmission:
    return FeedbackSubmission.objects.get(status_token_hash=status.token_hash(token_of(link)))


def submission_url(submission) -> str:
    return reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])


def handle(client, submission, *, answer: str = "", send_answer: bool = False, **values):
    """Post the admin's handling form of `submission` as an editor's browser would."""
    data = {
        "status": submission.status,
        "answer": rich_text(answer),
        # The select proposes the resident's language; a browser sends it back.
        "answer_language": submission.answer_language or submission.language,
        **values,
    }
    if send_answer:
        data[SEND_ANSWER] = "1"
    return client.post(submission_url(submission), data)


def status_page(client, link: str) -> BeautifulSoup:
    response = client.get(link)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def mails_to(mailoutbox, address: str) -> list:
    return [mail for mail in mailoutbox if mail.to == [address]]


def arabic_form_page(feedback_page, home_page, arabic, capture):
    translate(home_page.specific, arabic, {}, capture)
    translate(feedback_page.get_parent().specific, arabic, {}, capture)
    return translate(feedback_page, arabic, {}, capture)


def test_the_resident_sees_new_then_the_answer_that_is_emailed_with_consent(
    client, admin_client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        link = send(client, feedback_page, email="amina@example.org", notify="on")
    page = status_page(client, link)
    assert page.select_one(".wi-status").get_text(strip=True) == "New"
    assert page.select_one(".wi-answer") is None
    submission = submission_of(link)
    assert submission.notify_consent and not submission.publish_consent
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = handle(admin_client, submission, answer=ANSWER, send_answer=True)
    assert response.status_code == 302

    page = status_page(client, link)
    assert page.select_one(".wi-status").get_text(strip=True) == "Answered"
    answer = page.select_one(".wi-answer")
    assert "Ab März gibt es einen Abendkurs." in answer.get_text()
    assert answer.select_one("a")["href"] == "https://example.org/kurse"
    assert answer["lang"] == "en"  # the resident wrote in the page's language
    (mail,) = mails_to(mailoutbox, "amina@example.org")
    assert "Ab März gibt es einen Abendkurs (https://example.org/kurse)." in mail.body
    assert "http://localhost" + link in mail.body
    assert "<p>" not in mail.body and "<a " not in mail.body


def test_the_answer_is_not_emailed_without_the_second_consent(
    client, admin_client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        link = send(client, feedback_page, email="amina@example.org")
    submission = submission_of(link)
    assert not submission.notify_consent
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        refused = handle(admin_client, submission, answer=ANSWER, send_answer=True)
    assert refused.status_code == 200
    assert "The answer cannot be emailed" in refused.content.decode()
    assert mailoutbox == []
    submission.refresh_from_db()
    assert submission.answer == ""  # nothing saved by the refused post

    with django_capture_on_commit_callbacks(execute=True):
        saved = handle(admin_client, submission, answer=ANSWER)
    assert saved.status_code == 302
    assert mailoutbox == []
    assert "Abendkurs" in status_page(client, link).select_one(".wi-answer").get_text()


def test_the_sending_button_is_offered_only_when_the_resident_asked(
    client, admin_client, feedback_page
):
    asked = submission_of(send(client, feedback_page, email="a@example.org", notify="on"))
    not_asked = submission_of(send(client, feedback_page, client_address="10.0.0.2"))
    for submission in (asked, not_asked):
        handle(admin_client, submission, answer=ANSWER)
    asked_page = admin_client.get(submission_url(asked)).content.decode()
    not_asked_page = admin_client.get(submission_url(not_asked)).content.decode()
    assert f'name="{SEND_ANSWER}"' in asked_page
    assert f'name="{SEND_ANSWER}"' not in not_asked_page


def test_asking_to_be_told_without_an_address_is_a_clear_error(client, feedback_page):
    response = post_feedback(client, feedback_page, notify="on")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Please give your email address" in soup.select_one(".wi-error-summary").get_text()
    assert soup.find("input", {"name": "notify"})["aria-invalid"] == "true"
    assert "Mehr Sprachkurse am Abend" in soup.find("textarea", {"name": "message"}).get_text()
    assert not FeedbackSubmission.objects.exists()


def test_the_arabic_resident_reads_the_answer_in_arabic_right_to_left(
    client,
    admin_client,
    feedback_page,
    home_page,
    arabic,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    arabic_form = arabic_form_page(feedback_page, home_page, arabic, capture)
    with capture(execute=True):
        link = send(
            client, arabic_form, message="دورات لغة مسائية", email="amal@example.org", notify="on"
        )
    page = status_page(client, link)
    assert page.select_one(".wi-content")["dir"] == "rtl"
    new_label = page.select_one(".wi-status").get_text(strip=True)
    submission = submission_of(link)
    assert submission.language == "ar"
    mailoutbox.clear()

    admin_page = BeautifulSoup(admin_client.get(submission_url(submission)).content, "html.parser")
    chosen = admin_page.select_one("select[name=answer_language] option[selected]")
    assert chosen["value"] == "ar"  # the resident's language is proposed
    with capture(execute=True):
        handle(
            admin_client,
            submission,
            answer="<p>شكرا، ستبدأ الدورة في مارس.</p>",
            answer_language="ar",
            send_answer=True,
        )
    page = status_page(client, link)
    answered_label = page.select_one(".wi-status").get_text(strip=True)
    assert answered_label not in (new_label, "Answered")  # in Arabic
    answer = page.select_one(".wi-answer")
    assert (answer["lang"], answer["dir"]) == ("ar", "rtl")
    assert "ستبدأ الدورة في مارس" in answer.get_text()
    (mail,) = mails_to(mailoutbox, "amal@example.org")
    assert "ستبدأ الدورة في مارس" in mail.body
    assert "/ar/" in mail.body
    assert mail.subject != "The answer to your message"  # in Arabic


def test_every_step_is_in_the_history_and_the_audit_log_without_the_text(
    client, admin_client, feedback_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        link = send(client, feedback_page, email="a@example.org", notify="on", publish="on")
    submission = submission_of(link)
    handle(admin_client, submission, status="in_progress")
    with django_capture_on_commit_callbacks(execute=True):
        handle(admin_client, submission_of(link), answer=ANSWER, send_answer=True)
    handle(
        admin_client,
        submission_of(link),
        answer=ANSWER,
        is_public="on",
        public_message="Abendkurse für Berufstätige",
    )
    kinds = list(submission.events.order_by("time", "pk").values_list("kind", flat=True))
    assert kinds == ["status", "status", "answer", "answer_sent", "published"]
    answered = submission.events.get(kind="answer")
    assert "Abendkurs" in answered.answer  # the answer as it was written then

    actions = list(
        PageLogEntry.objects.filter(page=feedback_page, action__startswith="wagtail_integration")
        .order_by("timestamp", "pk")
        .values_list("action", "data")
    )
    assert [data["submission"] for _action, data in actions] == [submission.pk] * 5
    assert "Abendkurs" not in str(actions) and "a@example.org" not in str(actions)

    admin_page = BeautifulSoup(admin_client.get(submission_url(submission)).content, "html.parser")
    history = admin_page.select_one(".wi-admin-history").get_text(" ", strip=True)
    assert "Answer emailed to the sender" in history and "Published" in history
    page_history = admin_client.get(reverse("wagtailadmin_pages:history", args=[feedback_page.pk]))
    assert f"Sent the answer to feedback submission {submission.pk} to its sender" in (
        page_history.content.decode()
    )


def test_publishing_needs_the_residents_consent(client, admin_client, feedback_page):
    submission = submission_of(send(client, feedback_page))
    response = handle(
        admin_client, submission, answer=ANSWER, is_public="on", public_message="Abendkurse"
    )
    submission.refresh_from_db()
    assert not submission.is_public  # the field is disabled: a forged post changes nothing
    page = BeautifulSoup(admin_client.get(submission_url(submission)).content, "html.parser")
    assert page.find("input", {"name": "is_public"}).has_attr("disabled")
    assert "did not agree to publication" in page.get_text()
    assert response.status_code == 302


def test_publishing_needs_an_answer_and_a_text_without_the_senders_name(
    client, admin_client, feedback_page
):
    link = send(client, feedback_page, name="Amina Yusuf", email="amina@example.org", publish="on")
    submission = submission_of(link)
    cases = [
        ({"public_message": "Abendkurse"}, "", "Publish a suggestion only with its answer."),
        ({"public_message": "  "}, ANSWER, "Please give the text of the suggestion to publish."),
        ({"public_message": "Amina  YUSUF wünscht Abendkurse"}, ANSWER, "contains the sender"),
        (
            {"public_message": "Abendkurse"},
            "<p>Liebe Amina Yusuf, danke.</p>",
            "contains the sender",
        ),
        ({"public_message": "Schreibt an AMINA@example.org"}, ANSWER, "contains the sender"),
    ]
    for values, answer, error in cases:
        response = handle(admin_client, submission, answer=answer, is_public="on", **values)
        assert response.status_code == 200, values
        assert error in response.content.decode(), values
        submission.refresh_from_db()
        assert not submission.is_public and not submission.events.exists()

    # "Amina" alone is part of no whole word that identifies her here, "Yusufs" is not her name.
    response = handle(
        admin_client,
        submission,
        answer=ANSWER,
        is_public="on",
        public_message="Abendkurse für Berufstätige, wie im Aminahaus",
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.is_public


def test_the_public_text_starts_as_the_message_and_is_edited_apart_from_it(
    client, admin_client, feedback_page
):
    submission = submission_of(send(client, feedback_page, message="Kurse <abends>", publish="on"))
    page = BeautifulSoup(admin_client.get(submission_url(submission)).content, "html.parser")
    assert page.find("textarea", {"name": "public_message"}).get_text().strip() == "Kurse <abends>"
    handle(admin_client, submission, answer=ANSWER, is_public="on", public_message="Abendkurse")
    submission.refresh_from_db()
    assert submission.public_message == "Abendkurse"
    assert submission.form_data["message"] == "Kurse <abends>"  # what the resident wrote stays


def test_an_editor_links_the_suggestion_to_measures_of_the_concept(
    client, admin_client, feedback_page, concept_tree
):
    submission = submission_of(send(client, feedback_page))
    measure = concept_tree["measures"][0]
    page = BeautifulSoup(admin_client.get(submission_url(submission)).content, "html.parser")
    offered = {int(box["value"]) for box in page.select("input[name=measures]")}
    assert offered == {m.pk for m in [*concept_tree["measures"], concept_tree["phase_measure"]]}
    handle(admin_client, submission, measures=[measure.pk])
    assert list(submission.measures.all()) == [measure.specific]
    refused = handle(admin_client, submission, measures=[feedback_page.pk])  # not a measure
    assert refused.status_code == 200
    assert list(submission.measures.all()) == [measure.specific]


def test_the_status_api_carries_the_answer(client, admin_client, feedback_page):
    response = post_api(client, feedback_page, valid_values(email="a@example.org", notify=True))
    assert response.status_code == 201, response.content
    token = token_of(response.json()["status_url"])
    url = f"/api/standalone/integration/feedback/status/{token}/"
    before = client.get(url).json()
    assert before["answer"] is None and before["status"] == "new"
    submission = FeedbackSubmission.objects.get()
    assert submission.notify_consent
    handle(admin_client, submission, answer=ANSWER, answer_language="de")
    after = client.get(url).json()
    assert after["status"] == "answered"
    assert 'href="https://example.org/kurse"' in after["answer"]
    assert after["answer_language"] == "de"
    assert after["answered_at"]
    schema = client.get("/api/standalone/openapi.json").json()
    assert "answer" in str(schema["components"]["schemas"])


def test_the_api_refuses_notify_without_an_address(client, feedback_page):
    response = post_api(client, feedback_page, valid_values(notify=True))
    assert response.status_code == 422
    assert "email" in str(response.json()).lower()
    assert not FeedbackSubmission.objects.exists()


def test_deleting_the_submission_deletes_its_answer_and_history(
    client, admin_client, feedback_page
):
    link = send(client, feedback_page, publish="on")
    submission = submission_of(link)
    handle(admin_client, submission, answer=ANSWER, is_public="on", public_message="Abendkurse")
    assert FeedbackSubmissionEvent.objects.count() == 3  # status, answer, published
    response = client.post(link + "delete/")
    assert response.status_code == 200
    assert not FeedbackSubmission.objects.exists()
    assert not FeedbackSubmissionEvent.objects.exists()
    assert client.get(link).status_code == 404


def test_hostile_answers_and_public_texts_are_refused_or_shown_escaped(
    client, admin_client, feedback_page
):
    link = send(client, feedback_page, publish="on")
    submission = submission_of(link)
    hostile_answer = '<p>Hallo <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>'
    refused = handle(
        admin_client,
        submission,
        answer=hostile_answer,
        is_public="on",
        public_message="Kurse\x07",
    )
    assert refused.status_code == 200
    assert "cannot be stored, such as a control character" in refused.content.decode()
    submission.refresh_from_db()
    assert not submission.is_public and submission.answer == ""

    handle(
        admin_client,
        submission,
        answer=hostile_answer,
        is_public="on",
        public_message="<img src=x onerror=alert(3)> \u202eumgedreht",
    )
    submission.refresh_from_db()
    assert submission.is_public
    for html in (
        client.get(link).content.decode(),
        admin_client.get(submission_url(submission)).content.decode(),
    ):
        assert "<script>alert(1)" not in html and 'href="javascript:' not in html
        assert "<img src=x" not in html


def test_the_purge_removes_answered_submissions_with_their_history(
    client, admin_client, feedback_page
):
    from datetime import timedelta

    from django.utils import timezone

    from wagtail_integration.feedback.retention import purge_expired_submissions

    link = send(client, feedback_page, publish="on")
    handle(
        admin_client,
        submission_of(link),
        answer=ANSWER,
        is_public="on",
        public_message="Abendkurse",
    )
    assert FeedbackSubmissionEvent.objects.exists()
    FeedbackSubmission.objects.update(submit_time=timezone.now() - timedelta(days=400))
    assert purge_expired_submissions() == 1
    assert not FeedbackSubmission.objects.exists()
    assert not FeedbackSubmissionEvent.objects.exists()
    assert "Abendkurse" not in client.get(f"{feedback_page.url}answers/").content.decode()
