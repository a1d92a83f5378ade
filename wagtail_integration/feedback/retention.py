"""Deleting submissions older than each site's retention period."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from ..models.feedback import FeedbackSubmission
from ..models.settings import DEFAULT_RETENTION_DAYS, FeedbackSettings


def expired_submissions():
    """Submissions older than the retention period of the site their form page belongs to.

    A form page outside every site keeps the default period of 365 days.
    """
    now = timezone.now()
    expired = FeedbackSubmission.objects.none()
    site_paths = []
    for site in Site.objects.select_related("root_page"):
        days = FeedbackSettings.for_site(site).retention_days
        site_paths.append(site.root_page.path)
        expired |= FeedbackSubmission.objects.filter(
            page__path__startswith=site.root_page.path,
            submit_time__lt=now - timedelta(days=days),
        )
    outside_sites = FeedbackSubmission.objects.filter(
        submit_time__lt=now - timedelta(days=DEFAULT_RETENTION_DAYS)
    )
    for path in site_paths:
        outside_sites = outside_sites.exclude(page__path__startswith=path)
    return expired | outside_sites


def purge_expired_submissions(*, dry_run: bool = False) -> int:
    """Delete the expired submissions (unless `dry_run`) and return how many there are."""
    expired = FeedbackSubmission.objects.filter(pk__in=expired_submissions().values("pk"))
    count = expired.count()
    if not dry_run and count:
        expired.delete()
    return count
