"""The board's handling of a submission: its status, the answer, emailing the answer to the
resident, publishing it ("you said, we did") and the measures it led to.

Every step is recorded twice: in the submission's own history (``FeedbackSubmissionEvent``,
with the answer as it was written then, deleted with the submission) and in Wagtail's audit
log against the form page (the submission's number only: the audit log is kept when the
resident or the purge deletes the submission, and must keep nothing of what was written).
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import audit_log
from .models import FeedbackStatus, FeedbackSubmissionEvent, SubmissionEventKind
from .notifications import resident_address, schedule_answer
from .public_suggestions import forget_published
from .rich_text import answer_as_text

# What the public list and the measure pages show of a published suggestion.
PUBLISHED_FIELDS = {"is_public", "answer", "answer_language", "public_message", "measures"}
# The statuses an answer moves a submission on from, unless the editor chose another.
UNANSWERED = (FeedbackStatus.NEW, FeedbackStatus.IN_PROGRESS)


def has_answer(submission) -> bool:
    """Whether the submission's answer has any text (an empty paragraph is no answer)."""
    return bool(answer_as_text(submission.answer).strip())


def can_send_answer(submission) -> bool:
    """The answer may be emailed: there is one, the resident gave a valid address and asked
    to be told."""
    return (
        submission.notify_consent and bool(resident_address(submission)) and has_answer(submission)
    )


def record(submission, kind: str, user=None, **fields) -> FeedbackSubmissionEvent:
    """Add a step to the submission's history and to Wagtail's audit log."""
    action = {
        SubmissionEventKind.STATUS: audit_log.STATUS_CHANGE_ACTION,
        SubmissionEventKind.ANSWER: audit_log.ANSWER_ACTION,
        SubmissionEventKind.ANSWER_SENT: audit_log.ANSWER_SENT_ACTION,
        SubmissionEventKind.PUBLISHED: audit_log.PUBLISH_ACTION,
        SubmissionEventKind.UNPUBLISHED: audit_log.UNPUBLISH_ACTION,
    }[kind]
    data = {"submission": submission.pk}
    if kind == SubmissionEventKind.STATUS:
        data.update(old=fields["old_status"], new=fields["new_status"])
    log(submission.page, action, user=user, data=data)
    return FeedbackSubmissionEvent.objects.create(
        submission=submission, kind=kind, user=user, **fields
    )


def save_handling(form, user, send_answer: bool = False) -> list[str]:
    """Save the admin's handling form of a submission; return the kinds of steps taken.

    A new answer moves a new or in-progress submission to "answered" unless the editor set
    another status in the same save. With `send_answer`, the answer is emailed once the
    save is committed (the form has checked that it may be).
    """
    submission = form.instance
    changed = set(form.changed_data)
    old_status = form.initial.get("status", submission.status)
    was_public = bool(form.initial.get("is_public", submission.is_public))
    old_measures = list(submission.measures.all())
    steps = []
    with transaction.atomic():
        if "answer" in changed:
            submission.answered_at = timezone.now()
            if "status" not in changed and old_status in UNANSWERED and has_answer(submission):
                submission.status = FeedbackStatus.ANSWERED
        submission = form.save()
        if submission.status != old_status:
            record(
                submission,
                SubmissionEventKind.STATUS,
                user,
                old_status=old_status,
                new_status=submission.status,
            )
            steps.append(SubmissionEventKind.STATUS)
        if "answer" in changed:
            record(submission, SubmissionEventKind.ANSWER, user, answer=submission.answer)
            steps.append(SubmissionEventKind.ANSWER)
        if "is_public" in changed:
            kind = (
                SubmissionEventKind.PUBLISHED
                if submission.is_public
                else SubmissionEventKind.UNPUBLISHED
            )
            record(submission, kind, user)
            steps.append(kind)
        if (was_public or submission.is_public) and changed & PUBLISHED_FIELDS:
            forget_published(submission.page, [*old_measures, *submission.measures.all()])
        if send_answer:
            schedule_answer(submission, user)
    return steps
