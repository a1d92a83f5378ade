"""The resident's private status link: shown after sending, opens their message without an
account or cookie, deletes it on request; a wrong token looks like a deleted one and is
rate-limited."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from wagtail_integration.feedback import spam, status
from wagtail_integration.feedback.models import FeedbackSubmission

from .feedback_helpers import post_feedback
from .i18n_helpers import translate

pytestmark = pytest.mark.usefixtures("instant_feedback", "feedback_settings")


def send(client, page, **values) -> tuple[str, BeautifulSoup]:
    """Post feedback, follow the redirect; the status link and the thank-you page."""
    response = post_feedback(client, page, **values)
    assert response.status_code == 303
    thanks = client.get(response["Location"])
    assert thanks["Referrer-Policy"] == "no-referrer"
    soup = BeautifulSoup(thanks.content, "html.parser")
    link = soup.select_one(".wi-status-link__url a")["href"]
    return link, soup


def open_link(client, link: str, **extra):
    response = client.get(link, **extra)
    return response, BeautifulSoup(response.content, "html.parser")


def test_the_thank_you_page_shows_a_private_link_to_the_message(client, feedback_page):
    link, soup = send(client, feedback_page, message="Mehr Bänke im Park.")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert status.is_well_formed(token) and len(token) == 43  # 256 bits
    submission = FeedbackSubmission.objects.get()
    assert submission.status_token_hash == status.token_hash(token)
    assert token not in str(submission.__dict__)  # only its hash is stored
    assert soup.select_one(".wi-status-link__url a").get_text().startswith("http://")

    response, page = open_link(client, link)
    assert response.status_code == 200
    assert "Mehr Bänke im Park." in page.select_one(".wi-own-message").get_text()
    assert page.select_one(".wi-status").get_text(strip=True) == "New"
    assert "We delete your message and this page on" in page.get_text()
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert not response.cookies  # no cookie needed, none set


def test_the_status_shown_is_the_current_one(client, feedback_page):
    link, _soup = send(client, feedback_page)
    FeedbackSubmission.objects.update(status="in_progress")
    _response, page = open_link(client, link)
    assert page.select_one(".wi-status").get_text(strip=True) == "In progress"


def test_the_status_page_is_in_the_residents_language(
    client, feedback_page, home_page, arabic, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    translate(home_page.specific, arabic, {}, capture)
    translate(feedback_page.get_parent().specific, arabic, {}, capture)
    arabic_form = translate(feedback_page, arabic, {}, capture)
    link, _soup = send(client, arabic_form, message="المزيد من دورات اللغة")
    response, page = open_link(client, link)
    assert response.status_code == 200
    assert page.select_one(".wi-content")["lang"] == "ar"
    assert page.select_one(".wi-content")["dir"] == "rtl"
    assert "المزيد من دورات اللغة" in page.get_text()
    assert page.select_one(".wi-status").get_text(strip=True) not in ("", "New")  # in Arabic


def test_wrong_changed_foreign_and_deleted_tokens_answer_the_same_404(client, feedback_page):
    link, _soup = send(client, feedback_page, message="Erste Nachricht")
    other_link, _soup = send(client, feedback_page, message="Zweite Nachricht")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    base = link[: -len(token) - 1]
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    FeedbackSubmission.objects.get(
        status_token_hash=status.token_hash(other_link.rstrip("/").rsplit("/", 1)[-1])
    ).delete()
    bodies = set()
    for wrong in [
        base + changed + "/",
        base + "x" * 43 + "/",
        base + "short/",
        other_link,  # a deleted submission's
    ]:
        response = client.get(wrong)
        assert response.status_code == 404, wrong
        assert response["Referrer-Policy"] == "no-referrer"
        bodies.add(response.content)
    # Addresses that are no status link at all get Wagtail's own 404.
    for not_a_link in [base + "%3Cscript%3E/", base + token + "/extra/"]:
        assert client.get(not_a_link).status_code == 404
    assert len(bodies) == 1
    assert client.get(link).status_code == 200


def test_a_token_of_another_feedback_page_finds_nothing(client, feedback_page, concept_tree):
    from .factories import make_feedback_page

    other_page = make_feedback_page(concept_tree["concept"], title="Andere", slug="andere")
    link, _soup = send(client, feedback_page)
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert client.get(f"{other_page.url}status/{token}/").status_code == 404


def test_a_hundred_wrong_tokens_from_one_client_get_429(client, feedback_page, settings):
    link, _soup = send(client, feedback_page)
    statuses = [
        client.get(f"{feedback_page.url}status/{'Z' * 42}{n % 10}/").status_code
        for n in range(100)
    ]
    assert statuses[:30] == [404] * 30
    assert set(statuses[30:]) == {429}
    # Past the limit even the right link waits; another client is not affected.
    assert client.get(link).status_code == 429
    assert client.get(link, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_deleting_through_the_link_asks_first_then_removes_the_submission(
    admin_client, client, feedback_page
):
    link, _soup = send(client, feedback_page, message="Bitte löschen")
    submission = FeedbackSubmission.objects.get()
    response, page = open_link(client, link + "delete/")
    assert response.status_code == 200
    form = page.select_one("form.wi-delete-form")
    assert form["action"] == link + "delete/"
    assert FeedbackSubmission.objects.count() == 1  # asking deletes nothing
    csrf = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    response = client.post(link + "delete/", {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 200
    assert "has been deleted" in response.content.decode()
    assert not FeedbackSubmission.objects.exists()
    assert client.get(link).status_code == 404
    entry = PageLogEntry.objects.get(action="wagtail_integration_feedback.deleted_by_resident")
    assert entry.data == {"submission": submission.pk}
    # Gone from the editors' listing and export too.
    listing = admin_client.get(f"/admin/forms/submissions/{feedback_page.pk}/")
    assert "Bitte löschen" not in listing.content.decode()


def test_spam_gets_a_link_of_the_same_shape_that_leads_nowhere(client, feedback_page):
    response = post_feedback(client, feedback_page, **{spam.HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 303
    thanks = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    link = thanks.select_one(".wi-status-link__url a")["href"]
    assert status.is_well_formed(link.rstrip("/").rsplit("/", 1)[-1])
    assert client.get(link).status_code == 404
    assert not FeedbackSubmission.objects.exists()


def test_the_status_page_queries_do_not_grow_with_the_number_of_submissions(client, feedback_page):
    link, _soup = send(client, feedback_page)
    client.get(link)
    with CaptureQueriesContext(connection) as few:
        client.get(link)
    for number in range(30):
        post_feedback(client, feedback_page, client_address=f"10.0.1.{number}")
    with CaptureQueriesContext(connection) as many:
        client.get(link)
    assert len(many) == len(few)


def test_the_apis_201_answer_carries_the_status_link(client, feedback_page):
    url = f"/api/standalone/integration/feedback/{feedback_page.pk}/"
    token = client.get(url).json()["token"]
    response = client.post(
        url,
        {
            "token": token,
            "values": {"message": "Über die API", "topic": "general", "consent": True},
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    link = response.json()["status_url"]
    assert link.startswith("http://") and "/status/" in link
    page = client.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert page.status_code == 200
    assert "Über die API" in page.content.decode()


def test_the_api_reads_and_deletes_by_the_status_token(client, feedback_page):
    link, _soup = send(client, feedback_page, message="Per API lesen")
    token = link.rstrip("/").rsplit("/", 1)[-1]
    for prefix in ["/api/standalone"] + (["/api/v3"] if settings.WAGTAIL_HAS_API_V3 else []):
        url = f"{prefix}/integration/feedback/status/{token}/"
        response = client.get(url)
        assert response.status_code == 200, response.content
        assert response["Referrer-Policy"] == "no-referrer"
        assert "no-store" in response["Cache-Control"]
        body = response.json()
        assert body["message"] == "Per API lesen" and body["status"] == "new"
        assert "name" not in body and "email" not in body
        wrong = client.get(f"{prefix}/integration/feedback/status/{'Q' * 43}/")
        assert wrong.status_code == 404
    schema = client.get("/api/standalone/openapi.json").json()
    path = next(p for p in schema["paths"] if p.endswith("/feedback/status/{token}/"))
    assert {"get", "delete"} <= set(schema["paths"][path])
    assert (
        client.delete(f"/api/standalone/integration/feedback/status/{token}/").status_code == 204
    )
    assert not FeedbackSubmission.objects.exists()
    assert client.get(link).status_code == 404


def test_a_resident_who_gave_an_address_gets_the_link_once(
    client,
    feedback_page,
    home_page,
    arabic,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    with capture(execute=True):
        link, _soup = send(client, feedback_page, email="amina@example.org")
    board, resident = mailoutbox
    assert resident.to == ["amina@example.org"]
    assert "http://localhost" + link in resident.body
    assert "amina@example.org" not in board.to
    with capture(execute=True):
        send(client, feedback_page, client_address="10.9.9.8")
    assert len(mailoutbox) == 3  # no address: the board's notification only

    translate(home_page.specific, arabic, {}, capture)
    translate(feedback_page.get_parent().specific, arabic, {}, capture)
    arabic_form = translate(feedback_page, arabic, {}, capture)
    mailoutbox.clear()
    with capture(execute=True):
        send(client, arabic_form, email="amal@example.org", client_address="10.9.9.7")
    (resident,) = [mail for mail in mailoutbox if mail.to == ["amal@example.org"]]
    assert "/ar/" in resident.body and "/status/" in resident.body


def test_a_purged_submissions_link_answers_like_any_wrong_one(client, feedback_page):
    from datetime import timedelta

    from django.utils import timezone

    from wagtail_integration.feedback.retention import purge_expired_submissions

    link, _soup = send(client, feedback_page, message="Alt")
    wrong = client.get(f"{feedback_page.url}status/{'W' * 43}/")
    FeedbackSubmission.objects.update(submit_time=timezone.now() - timedelta(days=400))
    assert purge_expired_submissions() == 1
    purged = client.get(link)
    assert purged.status_code == wrong.status_code == 404
    assert purged.content == wrong.content


def test_hostile_stored_text_is_shown_safely_on_the_status_page_and_in_the_api(
    client, feedback_page
):
    """A row written by other code may hold anything: the page and the API still answer."""
    link, _soup = send(client, feedback_page)
    submission = FeedbackSubmission.objects.get()
    # PostgreSQL's jsonb refuses NUL and lone surrogates itself; SQLite stores them.
    odd = "\x1b\x7f" if connection.vendor == "postgresql" else "\ud800\x00"
    submission.form_data["message"] = f"<script>alert(1)</script>{odd}\r\nzweite Zeile"
    FeedbackSubmission.objects.filter(pk=submission.pk).update(form_data=submission.form_data)
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    token = link.rstrip("/").rsplit("/", 1)[-1]
    api = client.get(f"/api/standalone/integration/feedback/status/{token}/")
    assert api.status_code == 200
    assert "\ud800" not in api.json()["message"]
