"""The feedback app's entries in Wagtail's audit log.

A status change is logged against the form page (a ``PageLogEntry``), so Wagtail's page
history and its site history report show it with Wagtail's own actions.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from .models import FeedbackStatus

STATUS_CHANGE_ACTION = "wagtail_integration_feedback.status_change"


def status_label(value: str) -> str:
    """The label of a stored status, or the value itself if the status no longer exists."""
    try:
        return str(FeedbackStatus(value).label)
    except ValueError:
        return value


class StatusChangeFormatter(LogFormatter):
    """Formats the entry in the admin user's language, from the values stored with it."""

    label = gettext_lazy("Change feedback status")

    def format_message(self, log_entry) -> str:
        data = log_entry.data or {}
        try:
            return _(
                "Changed the status of feedback submission %(submission)s "
                "from '%(old)s' to '%(new)s'"
            ) % {
                "submission": data["submission"],
                "old": status_label(data["old"]),
                "new": status_label(data["new"]),
            }
        except (KeyError, TypeError):
            return _("Changed the status of a feedback submission")


RESIDENT_DELETION_ACTION = "wagtail_integration_feedback.deleted_by_resident"


class ResidentDeletionFormatter(LogFormatter):
    """A submission deleted by its resident through the private status link (only its id is
    kept: nothing of what they wrote)."""

    label = gettext_lazy("Feedback deleted by its sender")

    def format_message(self, log_entry) -> str:
        submission = (log_entry.data or {}).get("submission", "?")
        return _(
            "The sender deleted feedback submission %(submission)s through its status link"
        ) % {"submission": submission}


def log_resident_deletion(submission) -> None:
    """Record against the form page that the resident deleted `submission`."""
    from wagtail.log_actions import log

    log(submission.page, RESIDENT_DELETION_ACTION, data={"submission": submission.pk})
