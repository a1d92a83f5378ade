"""Helpers that act like an editor on the submissions listing and its exports."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from wagtail_integration.feedback.models import FeedbackSubmission


def submit(
    page, message: str = "Hallo", *, name="", status="new", topic=None, language=None
) -> FeedbackSubmission:
    """A stored submission, as the feedback package writes it (in the page's language)."""
    return FeedbackSubmission.objects.create(
        page=page,
        form_data={"message": message, "topic": "General", "name": name, "email": ""},
        language=language or page.locale.language_code,
        status=status,
        topic=topic,
    )


def listing_url(page, **params) -> str:
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{url}?{query}" if query else url


def export_csv_rows(client, page) -> list[list[str]]:
    response = client.get(listing_url(page, export="csv"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def export_xlsx_cells(client, page) -> list[tuple]:
    response = client.get(listing_url(page, export="xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows())


def export_xlsx_rows(client, page) -> list[tuple]:
    return [tuple(cell.value for cell in row) for row in export_xlsx_cells(client, page)]


def editor_of(user_model, username: str, page, *codenames: str):
    """A user who may use the admin and has these page permissions (``add_page``,
    ``change_page``, ``publish_page``, ...) on `page` and below it, and no other."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    user = user_model.objects.create_user(username, password="pw")
    group = Group.objects.create(name=f"Editors of {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    user.groups.add(group)
    return user
