"""The feedback app's entries in Wagtail's audit log.

A status change is logged against the form page (a ``PageLogEntry``), so Wagtail's page
history and its site history report show it with Wagtail's own actions.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter

from .models import status_label

STATUS_CHANGE_ACTION = "wagtail_integration_feedback.status_change"


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


def submission_number(log_entry):
    return (log_entry.data or {}).get("submission", "?")


class HandlingStepFormatter(LogFormatter):
    """A step in the handling of a submission (``handling.py``). Only the submission's
    number is logged, never the answer's text: the purge and the resident's deletion must
    remove that with the submission, and the audit log is kept."""

    # Formatted with the submission's number, in the admin user's language.
    message = ""

    def format_message(self, log_entry) -> str:
        return str(self.message) % {"submission": submission_number(log_entry)}


ANSWER_ACTION = "wagtail_integration_feedback.answer"
ANSWER_SENT_ACTION = "wagtail_integration_feedback.answer_sent"
PUBLISH_ACTION = "wagtail_integration_feedback.publish"
UNPUBLISH_ACTION = "wagtail_integration_feedback.unpublish"


class AnswerFormatter(HandlingStepFormatter):
    label = gettext_lazy("Answer feedback")
    message = gettext_lazy("Wrote the answer to feedback submission %(submission)s")


class AnswerSentFormatter(HandlingStepFormatter):
    label = gettext_lazy("Send answer to feedback")
    message = gettext_lazy("Sent the answer to feedback submission %(submission)s to its sender")


class PublishFormatter(HandlingStepFormatter):
    label = gettext_lazy("Publish feedback")
    message = gettext_lazy(
        "Published feedback submission %(submission)s without the sender's name"
    )


class UnpublishFormatter(HandlingStepFormatter):
    label = gettext_lazy("Withdraw published feedback")
    message = gettext_lazy("Withdrew feedback submission %(submission)s from publication")


# Registered in wagtail_hooks.py: action -> formatter.
HANDLING_ACTIONS = {
    ANSWER_ACTION: AnswerFormatter,
    ANSWER_SENT_ACTION: AnswerSentFormatter,
    PUBLISH_ACTION: PublishFormatter,
    UNPUBLISH_ACTION: UnpublishFormatter,
}


RESIDENT_DELETION_ACTION = "wagtail_integration_feedback.deleted_by_resident"


class ResidentDeletionFormatter(LogFormatter):
    """A submission deleted by its resident through the private status link (only its id is
    kept: nothing of what they wrote)."""

    label = gettext_lazy("Feedback deleted by its sender")

    def format_message(self, log_entry) -> str:
        submission = submission_number(log_entry)
        return _(
            "The sender deleted feedback submission %(submission)s through its status link"
        ) % {"submission": submission}


def log_resident_deletion(submission) -> None:
    """Record against the form page that the resident deleted `submission`."""
    from wagtail.log_actions import log

    log(submission.page, RESIDENT_DELETION_ACTION, data={"submission": submission.pk})
