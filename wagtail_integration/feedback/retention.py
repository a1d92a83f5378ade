"""Deleting submissions older than the retention period of their form page's site."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site

from ..models.feedback import FeedbackSubmission
from ..models.settings import DEFAULT_RETENTION_DAYS, FeedbackSettings


def retention_days_by_site_root() -> list[tuple[str, int]]:
    """(root page path, retention days) per site, deepest root first (two queries)."""
    days = dict(FeedbackSettings.objects.values_list("site_id", "retention_days"))
    sites = Site.objects.select_related("root_page")
    return sorted(
        ((site.root_page.path, days.get(site.pk, DEFAULT_RETENTION_DAYS)) for site in sites),
        key=lambda item: len(item[0]),
        reverse=True,
    )


def expired_submissions():
    """Submissions older than the retention period of the site their form page belongs to.

    A page in nested sites belongs to the innermost one; a page outside every site keeps the
    default period of 365 days. Nothing is written while this is worked out.
    """
    now = timezone.now()
    condition = Q()
    claimed = Q()
    for root_path, days in retention_days_by_site_root():
        in_site = Q(page__path__startswith=root_path) & ~claimed
        condition |= in_site & Q(submit_time__lt=now - timedelta(days=days))
        claimed |= Q(page__path__startswith=root_path)
    condition |= ~claimed & Q(submit_time__lt=now - timedelta(days=DEFAULT_RETENTION_DAYS))
    return FeedbackSubmission.objects.filter(condition)


def purge_expired_submissions(*, dry_run: bool = False) -> int:
    """Delete the expired submissions (unless `dry_run`) and return how many there are."""
    expired = expired_submissions()
    count = expired.count()
    if not dry_run and count:
        expired.delete()
    return count
