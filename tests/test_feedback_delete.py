"""Deleting submissions from the listing of all language versions of a feedback form."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import GroupPagePermission

from wagtail_integration.feedback.models import FeedbackSubmission

from .admin_helpers import listing_url, submit
from .factories import make_feedback_page
from .i18n_helpers import translate

pytestmark = pytest.mark.django_db


def delete_url(page) -> str:
    return reverse("wagtail_integration_feedback:feedback_delete_submissions", args=[page.pk])


def selecting(*submissions) -> dict:
    return {"selected-submissions": [submission.pk for submission in submissions]}


@pytest.fixture
def versions(
    home_page, concept_tree, feedback_page, german, arabic, django_capture_on_commit_callbacks
):
    """The feedback form with a German and an Arabic translation, each in its own subtree.

    Only the form and the pages above it are translated: the tests need no more, and each
    translation costs a third of a second.
    """
    pages = {"en": feedback_page}
    for locale in (german, arabic):
        for page in (home_page.specific, concept_tree["concept"], feedback_page):
            translated = translate(page, locale, {}, django_capture_on_commit_callbacks)
        pages[locale.language_code] = translated
    return pages


@pytest.fixture
def rows(versions) -> dict[str, list[FeedbackSubmission]]:
    return {
        "de": [submit(versions["de"], "Mehr Abendkurse"), submit(versions["de"], "Kita-Plätze")],
        "ar": [submit(versions["ar"], "دروس لغة مسائية")],
    }


def editor(django_user_model, name: str, *pages):
    """A user of the admin whose group may change the given pages and the pages below them."""
    user = django_user_model.objects.create_user(username=name, password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name=name)
    for page in pages:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    user.groups.add(group)
    return user


@pytest.fixture
def german_editor(django_user_model, versions):
    """May see the German version (through its concept), not the English or Arabic one."""
    german_concept = versions["de"].get_parent()
    return editor(django_user_model, "redaktion-de", german_concept)


def test_listing_delete_form_points_at_the_feedback_delete_view(admin_client, versions, rows):
    response = admin_client.get(listing_url(versions["de"]))

    form = BeautifulSoup(response.content, "html.parser").select_one(
        "form[data-controller=w-bulk]"
    )
    assert form["action"] == delete_url(versions["de"])
    assert form["method"] == "get"


def test_deleting_from_the_listing_deletes_the_selected_rows_of_every_language_version(
    admin_client, versions, rows
):
    listing = BeautifulSoup(admin_client.get(listing_url(versions["de"])).content, "html.parser")
    form = listing.select_one("form[data-controller=w-bulk]")
    selected = [box["value"] for box in form.select("input[name=selected-submissions]")]
    assert len(selected) == 3  # the listing of the German version shows the Arabic row too

    confirm = admin_client.get(
        form["action"],
        {"selected-submissions": selected, "next": form.select_one("input[name=next]")["value"]},
    )
    confirm_form = BeautifulSoup(confirm.content, "html.parser").select_one("form[method=POST]")
    response = admin_client.post(
        confirm_form["action"],
        {"next": confirm_form.select_one("input[name=next]")["value"]},
        follow=True,
    )

    assert not FeedbackSubmission.objects.exists()
    assert response.redirect_chain[-1][0].startswith(listing_url(versions["de"]))
    content = response.content.decode()
    assert "3 submissions have been deleted." in content
    assert "There have been no submissions" in content


def test_confirm_page_names_every_selected_row_and_their_count(admin_client, versions, rows):
    response = admin_client.get(delete_url(versions["de"]), selecting(*rows["de"], *rows["ar"]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Are you sure you want to delete these 3 submissions?" in content
    for message in ["Mehr Abendkurse", "Kita-Plätze", "دروس لغة مسائية"]:
        assert message in content
    assert FeedbackSubmission.objects.count() == 3  # a GET deletes nothing


def test_user_deletes_only_the_selected_rows_of_versions_they_may_see(
    client, versions, rows, german_editor
):
    other_form = make_feedback_page(versions["de"].get_parent(), title="Andere Umfrage")
    other_row = submit(other_form, "Zu einer anderen Umfrage")
    client.force_login(german_editor)
    everything = selecting(*rows["de"], *rows["ar"], other_row)

    confirm = client.get(delete_url(versions["de"]), everything)
    response = client.post(
        delete_url(versions["de"]) + "?" + confirm.wsgi_request.GET.urlencode(), follow=True
    )

    assert "Are you sure you want to delete these 2 submissions?" in confirm.content.decode()
    assert "دروس لغة مسائية" not in confirm.content.decode()
    assert "2 submissions have been deleted." in response.content.decode()
    remaining = set(FeedbackSubmission.objects.values_list("pk", flat=True))
    assert remaining == {rows["ar"][0].pk, other_row.pk}


def assert_refused_like_wagtail(client, method: str, url: str) -> None:
    """Wagtail's admin answers PermissionDenied with a 403 to scripts, else a redirect home."""
    send = getattr(client, method)
    assert send(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = send(url, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    content = response.content.decode()
    assert "Sorry, you do not have permission to access this area." in content
    assert "Mehr Abendkurse" not in content


@pytest.mark.parametrize("method", ["get", "post"])
def test_user_who_may_see_no_version_is_refused(client, django_user_model, versions, rows, method):
    outsider = editor(django_user_model, "aussen")
    client.force_login(outsider)

    assert_refused_like_wagtail(
        client,
        method,
        delete_url(versions["de"]) + "?" + urlencode(selecting(*rows["de"]), doseq=True),
    )

    assert FeedbackSubmission.objects.count() == 3


def test_user_who_may_see_only_another_version_is_refused_on_this_one(
    client, django_user_model, versions, rows
):
    arabic_editor = editor(django_user_model, "redaktion-ar", versions["ar"].get_parent())
    client.force_login(arabic_editor)

    url = (
        delete_url(versions["de"])
        + "?"
        + urlencode(selecting(*rows["de"], *rows["ar"]), doseq=True)
    )

    assert_refused_like_wagtail(client, "post", url)

    assert FeedbackSubmission.objects.count() == 3


# "\u0661" is an Arabic-Indic one, which Python's int() would read as 1.
@pytest.mark.parametrize(
    "value", ["abc", "99999999999999999999999999", "-1", "", "\u0661", "1.0", "0x1"]
)
def test_selected_values_that_are_no_submission_ids_are_ignored(
    admin_client, versions, rows, value
):
    url = f"{delete_url(versions['de'])}?selected-submissions={value}"
    url += f"&selected-submissions={rows['ar'][0].pk}"

    confirm = admin_client.get(url)
    response = admin_client.post(url)

    assert confirm.status_code == 200
    assert "Are you sure you want to delete this submission?" in confirm.content.decode()
    assert response.status_code == 302
    remaining = set(FeedbackSubmission.objects.values_list("pk", flat=True))
    assert remaining == {row.pk for row in rows["de"]}


def test_deleting_needs_a_post_with_the_csrf_token(admin_user, versions, rows):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(admin_user)
    url = delete_url(versions["de"]) + "?selected-submissions=" + str(rows["ar"][0].pk)

    confirm = browser.get(url)
    refused = browser.post(url)
    token = BeautifulSoup(confirm.content, "html.parser").select_one(
        "input[name=csrfmiddlewaretoken]"
    )["value"]
    accepted = browser.post(url, {"csrfmiddlewaretoken": token})

    assert confirm.status_code == 200
    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert FeedbackSubmission.objects.count() == 2
