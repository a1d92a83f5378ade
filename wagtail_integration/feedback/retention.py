"""Deleting submissions older than the retention period of their form page's site."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Site

from .models import DEFAULT_RETENTION_DAYS, FeedbackSettings, FeedbackSubmission


def retention_days_by_site_root() -> list[tuple[str, int]]:
    """(root page path, retention days) per site and language, deepest root first.

    A site's pages in other languages (wagtail-localize, Wagtail i18n) live below the
    translations of its root page, so each translation is a root of the same site too. Where
    several sites claim one root (one site per language, each rooted at a translation of the
    others' roots), the site it is the root of comes first, then the default site, as in
    Wagtail's own choice of a page's site. Three queries.
    """
    days = dict(FeedbackSettings.objects.values_list("site_id", "retention_days"))
    sites = list(Site.objects.select_related("root_page"))
    paths_by_key = defaultdict(list)
    translated_roots = Page.objects.filter(
        translation_key__in={site.root_page.translation_key for site in sites}
    ).values_list("translation_key", "path")
    for translation_key, path in translated_roots:
        paths_by_key[translation_key].append(path)
    roots = [
        (
            path,
            (len(path), path == site.root_page.path, site.is_default_site),
            days.get(site.pk, DEFAULT_RETENTION_DAYS),
        )
        for site in sites
        for path in paths_by_key[site.root_page.translation_key]
    ]
    roots.sort(key=lambda root: root[1], reverse=True)
    return [(path, retention) for path, _precedence, retention in roots]


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
