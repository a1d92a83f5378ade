"""Submissions are deleted after the retention period set in the site settings."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from wagtail_integration.feedback.models import FeedbackSubmission

from .factories import make_feedback_page

pytestmark = pytest.mark.django_db


def submission_aged(page, days: float) -> FeedbackSubmission:
    submission = FeedbackSubmission.objects.create(
        page=page, form_data={"message": f"{days} days old"}, language="de"
    )
    FeedbackSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - timedelta(days=days)
    )
    return submission


def purge(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("purge_feedback", *args, stdout=out)
    return out.getvalue()


def test_purge_deletes_exactly_the_submissions_older_than_the_retention_period(
    feedback_page, feedback_settings
):
    feedback_settings.retention_days = 30
    feedback_settings.save()
    kept = [submission_aged(feedback_page, days) for days in (0, 1, 29.9)]
    submission_aged(feedback_page, 30.1)
    submission_aged(feedback_page, 400)

    output = purge()

    assert output.strip() == "2 feedback submissions deleted."
    assert set(FeedbackSubmission.objects.values_list("pk", flat=True)) == {s.pk for s in kept}


def test_dry_run_counts_and_deletes_nothing(feedback_page, feedback_settings):
    submission_aged(feedback_page, 366)
    submission_aged(feedback_page, 10)

    output = purge("--dry-run")

    assert output.strip() == "1 feedback submission would be deleted."
    assert FeedbackSubmission.objects.count() == 2


def test_default_retention_is_365_days_without_site_settings(feedback_page):
    submission_aged(feedback_page, 364)
    submission_aged(feedback_page, 366)

    assert purge().strip() == "1 feedback submission deleted."
    assert FeedbackSubmission.objects.get().form_data["message"] == "364 days old"


def test_form_page_outside_every_site_uses_the_default_period(feedback_settings):
    from wagtail.models import Page

    orphan_parent = Page.get_first_root_node().add_child(
        instance=Page(title="Not in a site", slug="elsewhere")
    )
    page = make_feedback_page(orphan_parent)
    feedback_settings.retention_days = 1
    feedback_settings.save()
    submission_aged(page, 2)
    submission_aged(page, 366)

    assert purge().strip() == "1 feedback submission deleted."


def test_inner_site_keeps_its_own_longer_period(feedback_settings, home_page):
    from wagtail.models import Site

    from wagtail_integration.feedback.models import FeedbackSettings

    feedback_settings.retention_days = 30
    feedback_settings.save()
    inner_root = make_feedback_page(home_page, title="Inner site root")
    inner_site = Site.objects.create(hostname="inner.example.org", root_page=inner_root)
    FeedbackSettings.objects.create(site=inner_site, retention_days=365)
    outer_page = make_feedback_page(home_page, title="Outer form")
    submission_aged(inner_root, 60)
    submission_aged(outer_page, 60)

    assert purge().strip() == "1 feedback submission deleted."
    assert FeedbackSubmission.objects.get().page_id == inner_root.pk


def test_purge_and_dry_run_create_no_settings(feedback_page):
    from wagtail_integration.feedback.models import FeedbackSettings

    purge("--dry-run")
    purge()

    assert FeedbackSettings.objects.count() == 0


@pytest.fixture
def feedback_page_in_three_languages(
    home_page, german, arabic, django_capture_on_commit_callbacks
):
    """A form page of the default site in English, and its translations under the translated
    roots of the site (separate trees at the root's depth, as wagtail-localize makes them)."""
    from .i18n_helpers import translate

    capture = django_capture_on_commit_callbacks
    page = make_feedback_page(home_page, title="Feedback")
    pages = [page]
    for locale in (german, arabic):
        translate(home_page.specific, locale, {}, capture)
        pages.append(translate(page, locale, {}, capture))
    assert {p.get_parent().depth for p in pages} == {home_page.depth}
    assert len({p.get_parent().pk for p in pages}) == 3
    return pages


def test_retention_follows_the_site_of_every_language_version(
    feedback_page_in_three_languages, feedback_settings, django_assert_max_num_queries
):
    feedback_settings.retention_days = 30
    feedback_settings.save()
    kept = []
    for page in feedback_page_in_three_languages:
        submission_aged(page, 40)
        submission_aged(page, 364)
        kept.append(submission_aged(page, 10))

    with django_assert_max_num_queries(4):
        dry_run = purge("--dry-run")
    assert dry_run.strip() == "6 feedback submissions would be deleted."
    assert FeedbackSubmission.objects.count() == 9

    assert purge().strip() == "6 feedback submissions deleted."
    assert set(FeedbackSubmission.objects.values_list("pk", flat=True)) == {s.pk for s in kept}


def test_a_site_per_language_keeps_its_own_period_for_its_own_root(
    feedback_page_in_three_languages, feedback_settings, home_page, german
):
    """A German site whose root is the translation of the English site's root keeps its own
    period for the German pages; the Arabic pages, claimed by both, go to the default site."""
    from wagtail.models import Site

    from wagtail_integration.feedback.models import FeedbackSettings

    german_page = feedback_page_in_three_languages[1]
    feedback_settings.retention_days = 30
    feedback_settings.save()
    german_site = Site.objects.create(
        hostname="de.example.org", root_page=home_page.get_translation(german)
    )
    FeedbackSettings.objects.create(site=german_site, retention_days=365)
    for page in feedback_page_in_three_languages:
        submission_aged(page, 40)

    assert purge().strip() == "2 feedback submissions deleted."
    assert FeedbackSubmission.objects.get().page_id == german_page.pk
