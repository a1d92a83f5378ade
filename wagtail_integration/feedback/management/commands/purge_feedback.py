"""Delete feedback submissions older than the retention period; run it daily from cron."""

from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from ...retention import purge_expired_submissions


class Command(BaseCommand):
    help = (
        "Delete feedback submissions older than the retention period set in each site's "
        "feedback settings (default 365 days). Run it once a day, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the submissions that would be deleted.",
        )

    def handle(self, *args, dry_run: bool, **options):
        count = purge_expired_submissions(dry_run=dry_run)
        if dry_run:
            message = ngettext(
                "%(count)d feedback submission would be deleted.",
                "%(count)d feedback submissions would be deleted.",
                count,
            )
        else:
            message = ngettext(
                "%(count)d feedback submission deleted.",
                "%(count)d feedback submissions deleted.",
                count,
            )
        self.stdout.write(message % {"count": count})
