"""Editors handle feedback in Wagtail's admin: listing, status, export, and permissions."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from wagtail_integration.feedback.models import FeedbackFormPage, FeedbackSubmission

from .admin_helpers import (
    export_csv_rows,
    export_xlsx_cells,
    export_xlsx_rows,
    listing_url,
    submit,
)

pytestmark = pytest.mark.django_db

HOSTILE_MESSAGE = "مرحبا Akşam 🙏🏽 <script>alert('x')</script>"
FORMULA = '=HYPERLINK("http://x")'


def test_listing_shows_submissions_escaped_with_status_and_language(admin_client, feedback_page):
    submit(feedback_page, message=HOSTILE_MESSAGE, language="ar")

    response = admin_client.get(listing_url(feedback_page))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert('x')</script>" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert "مرحبا Akşam 🙏🏽" in content
    assert "Arabic" in content
    assert ">New<" in content.replace("\n", "").replace(" ", "")


def test_listing_filters_by_status(admin_client, feedback_page):
    submit(feedback_page, message="noch offen", status="new")
    submit(feedback_page, message="schon beantwortet", status="answered")

    content = admin_client.get(listing_url(feedback_page, status="answered")).content.decode()

    assert "schon beantwortet" in content
    assert "noch offen" not in content


def test_editor_changes_the_status_on_the_submission_page(admin_client, feedback_page):
    submission = submit(feedback_page, message=HOSTILE_MESSAGE)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    page = admin_client.get(url)
    response = admin_client.post(url, {"status": "in_progress"})

    assert page.status_code == 200
    assert "&lt;script&gt;" in page.content.decode()
    assert "<script>alert" not in page.content.decode()
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "in_progress"


def test_submission_page_has_wagtails_breadcrumbs_and_header(admin_client, feedback_page):
    submission = submit(feedback_page)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")

    breadcrumbs = soup.select("[data-w-breadcrumbs] nav li")
    labels = [item.get_text(" ", strip=True) for item in breadcrumbs]
    assert labels[-3:] == ["Forms", feedback_page.title, f"Submission {submission.pk}"]
    links = [link["href"] for item in breadcrumbs for link in item.select("a")]
    assert reverse("wagtailforms:list_submissions", args=[feedback_page.pk]) in links
    assert soup.title.get_text(strip=True).startswith(f"Feedback: {feedback_page.title}")


def test_status_change_is_in_the_audit_log_and_the_page_history(admin_client, feedback_page):
    submission = submit(feedback_page)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    admin_client.post(url, {"status": "answered"})
    admin_client.post(url, {"status": "answered"})  # no change, no entry

    (entry,) = PageLogEntry.objects.filter(action="wagtail_integration_feedback.status_change")
    assert entry.page_id == feedback_page.pk
    assert entry.user.username == "admin"
    assert entry.data == {"submission": submission.pk, "old": "new", "new": "answered"}
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[feedback_page.pk]))
    assert history.status_code == 200
    text = BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    assert (
        f"Changed the status of feedback submission {submission.pk} from 'New' to 'Answered'"
        in text
    )


def test_audit_log_entry_reads_in_the_editors_language(admin_client, admin_user, feedback_page):
    submission = submit(feedback_page)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])
    admin_client.post(url, {"status": "closed"})

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[feedback_page.pk]))

    text = BeautifulSoup(history.content, "html.parser").get_text(" ", strip=True)
    assert f"Status der Rückmeldung {submission.pk} von „Neu“ auf „Abgeschlossen“ geändert" in text


def test_invalid_status_is_refused(admin_client, feedback_page):
    submission = submit(feedback_page)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    response = admin_client.post(url, {"status": "deleted"})

    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == "new"


def test_unknown_submission_is_a_404(admin_client, feedback_page):
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[999999])
    # LocaleMiddleware first redirects an unknown path to its language-prefixed form.
    assert admin_client.get(url, follow=True).status_code == 404


def test_exports_keep_every_script_exactly(admin_client, feedback_page):
    submit(feedback_page, message=HOSTILE_MESSAGE, name="Çağla")

    csv_rows = export_csv_rows(admin_client, feedback_page)
    xlsx_rows = export_xlsx_rows(admin_client, feedback_page)

    assert csv_rows[0][:5] == ["Submission date", "Status", "Language", "Topic", "Message"]
    assert HOSTILE_MESSAGE in csv_rows[1]
    assert "Çağla" in csv_rows[1]
    assert HOSTILE_MESSAGE in xlsx_rows[1]


def test_exports_neutralise_spreadsheet_formulas(admin_client, feedback_page):
    submit(feedback_page, message=FORMULA, name="+49 651 123")

    csv_row = export_csv_rows(admin_client, feedback_page)[1]
    xlsx_cells = {cell.value: cell for cell in export_xlsx_cells(admin_client, feedback_page)[1]}

    assert "'" + FORMULA in csv_row
    assert FORMULA not in csv_row
    assert "'+49 651 123" in csv_row
    # In XLSX the text stays as written, in a cell typed as text, never as a formula.
    assert xlsx_cells[FORMULA].data_type == "s"
    assert xlsx_cells["+49 651 123"].data_type == "s"


@pytest.fixture
def editor_without_form_permission(django_user_model):
    user = django_user_model.objects.create_user(username="editor", password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_user_without_page_permission_cannot_see_or_export_submissions(
    client, feedback_page, editor_without_form_permission
):
    submission = submit(feedback_page, message="vertraulich")
    client.force_login(editor_without_form_permission)

    responses = [
        client.get(listing_url(feedback_page)),
        client.get(listing_url(feedback_page, export="csv")),
        client.get(listing_url(feedback_page, export="xlsx")),
        client.get(
            reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])
        ),
        client.post(
            reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk]),
            {"status": "closed"},
        ),
    ]

    for response in responses:
        assert response.status_code in (302, 403)
        assert b"vertraulich" not in response.content
    submission.refresh_from_db()
    assert submission.status == "new"


def test_user_with_permission_on_the_concept_sees_its_submissions(
    client, feedback_page, concept_tree, editor_without_form_permission
):
    submit(feedback_page, message="sichtbar")
    group = Group.objects.create(name="Beirat")
    GroupPagePermission.objects.create(
        group=group, page=concept_tree["concept"], permission_type="change"
    )
    editor_without_form_permission.groups.add(group)
    client.force_login(editor_without_form_permission)

    response = client.get(listing_url(feedback_page))

    assert response.status_code == 200
    assert b"sichtbar" in response.content


def test_anonymous_visitor_is_sent_to_the_login(client, feedback_page):
    submission = submit(feedback_page)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    assert client.get(url).status_code == 302
    assert client.get(listing_url(feedback_page)).status_code == 302


def add_feedback_page_with_field(client, concept, label: str):
    """Post the page editor's form for a new feedback page with one added field."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_integration_feedback", "feedbackformpage", concept.pk],
    )
    field = {
        "label": label,
        "help_text": "",
        "required": "on",
        "field_type": "singleline",
        "choices": "",
        "default_value": "",
    }
    data = {
        "title": "Feedback",
        "slug": "feedback",
        "intro": rich_text(""),
        "thank_you_text": rich_text(""),
        "form_fields": inline_formset([field]),
        "to_address": "",
        "from_address": "",
        "subject": "",
    }
    return client.post(url, nested_form_data(data))


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Message", "message"),
        ("Status", "status"),
        ("Language", "language"),
        ("Submit time", "submit_time"),
        ("csrfmiddlewaretoken", "csrfmiddlewaretoken"),
    ],
)
def test_editor_cannot_add_a_field_named_like_a_built_in_field_or_column(
    admin_client, concept_tree, label, name
):
    response = add_feedback_page_with_field(admin_client, concept_tree["concept"], label)

    assert response.status_code == 200
    errors = response.context["form"].formsets["form_fields"].forms[0].errors["label"]
    assert f"built-in field named '{name}'" in errors[0]
    assert not FeedbackFormPage.objects.exists()


def test_deleting_a_working_group_keeps_its_submissions(feedback_page, concept_tree):
    group = concept_tree["groups"][0]
    submission = submit(feedback_page, topic=group)

    group.delete()

    submission.refresh_from_db()
    assert submission.topic is None
    assert submission.form_data["message"] == "Hallo"


def test_submission_page_shows_a_local_date_and_dashes_for_empty_values(
    admin_client, feedback_page, settings
):
    settings.TIME_ZONE = "Pacific/Kiritimati"  # UTC+14: noon on 1 March in UTC is 2 March here
    submission = submit(feedback_page, name="")
    sent = datetime.datetime(2024, 3, 1, 12, 30, tzinfo=datetime.timezone.utc)
    FeedbackSubmission.objects.filter(pk=submission.pk).update(submit_time=sent)
    url = reverse("wagtail_integration_feedback:feedback_submission", args=[submission.pk])

    content = admin_client.get(url).content.decode()

    assert "+00:00" not in content
    assert "March 2, 2024" in content
    assert "March 1, 2024" not in content
    assert "–" in content
