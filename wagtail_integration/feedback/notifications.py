"""The emails about a new submission, sent by background tasks: the notification to the
board, and the private status link to the resident who gave an address.

The task runs after the submission's transaction has committed. Whatever the mail server
does, the submission is already stored; a failure is logged and marks the task as failed.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from .text import one_line, safe_text

logger = logging.getLogger(__name__)


def schedule(submission) -> None:
    """Send the notification for `submission`: queued with it, or once it is committed.

    A backend that keeps its tasks in the site's database (django-tasks-db) queues the task
    in the submission's own transaction, so that the two are stored together or not at all:
    no crash between them can lose a notification. Any other backend (the immediate one runs
    the task at once) is called once the submission is committed.
    """
    submission_id = submission.pk
    tasks = [send_notification]
    if resident_address(submission):
        tasks.append(send_status_link)
    if stores_tasks_in_the_database(send_notification.get_backend()):
        try:
            for each in tasks:
                each.enqueue(submission_id)
        except DatabaseError:
            raise
        except Exception as error:  # a misconfigured backend: store nothing, say "try again"
            logger.exception("The notification of a feedback submission could not be queued.")
            raise DatabaseError("the notification could not be queued") from error
        return
    # robust: if the task backend fails, the submission is stored already; log, don't raise.
    for each in tasks:
        transaction.on_commit(lambda each=each: each.enqueue(submission_id), robust=True)


def resident_address(submission) -> str:
    """The resident's email address if they gave a valid one, else an empty string."""
    addresses = reply_to_addresses((submission.form_data or {}).get("email"))
    return addresses[0] if addresses else ""


def stores_tasks_in_the_database(backend) -> bool:
    """Whether `backend` writes its tasks as rows of the database (django-tasks-db's backend,
    or a subclass of it); django-tasks has no flag that says so."""
    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:  # not installed: no backend of it can be configured
        return False
    return isinstance(backend, DatabaseBackend)


@task()
def send_notification(submission_id: int) -> None:
    """Email the right recipients about one submission."""
    submission_model = apps.get_model("wagtail_integration_feedback", "FeedbackSubmission")
    submission = (
        submission_model.objects.select_related("page", "topic").filter(pk=submission_id).first()
    )
    if submission is None:  # deleted before the task ran
        return
    message = build_email(submission)
    if not message.to:
        logger.warning(
            "Feedback submission %s has no recipient: set an address on the form page "
            "or a default recipient in the feedback settings.",
            submission_id,
        )
        return
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the email about feedback submission %s.", submission_id)
        raise


@task()
def send_status_link(submission_id: int) -> None:
    """Email the resident who gave an address their private status link, once, in the
    language they wrote in."""
    from . import status

    submission_model = apps.get_model("wagtail_integration_feedback", "FeedbackSubmission")
    submission = submission_model.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None or not submission.token_hash:
        return
    address = resident_address(submission)
    if not address:
        return
    page = submission.page.specific
    feedback_settings = page.get_feedback_settings()
    link = status.status_url(page, status.token_for(submission.token_hash))
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        body = render_to_string(
            "wagtail_integration_feedback/emails/status_link.txt",
            {"page_title": one_line(page.title), "link": link},
        )
        subject = gettext("Your message: your private link")
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or feedback_settings.default_sender or None,
        to=[address],
    )
    try:
        message.send()
    except Exception:
        logger.exception(
            "Could not send the status link of feedback submission %s.", submission_id
        )
        raise


def schedule_answer(submission, user=None) -> None:
    """Email the board's answer to the resident once the handling is committed."""
    submission_id, user_id = submission.pk, getattr(user, "pk", None)
    transaction.on_commit(lambda: send_answer.enqueue(submission_id, user_id), robust=True)


@task()
def send_answer(submission_id: int, user_id: int | None = None) -> None:
    """Email the board's answer to the resident who asked to be told, in the language they
    wrote in, with their status link; record in the submission's history that it went out."""
    from django.contrib.auth import get_user_model

    from . import handling, status
    from .models import SubmissionEventKind
    from .rich_text import answer_as_text

    submission_model = apps.get_model("wagtail_integration_feedback", "FeedbackSubmission")
    submission = submission_model.objects.select_related("page").filter(pk=submission_id).first()
    # Checked again here: the resident may have deleted it, the editor changed it since.
    if submission is None or not handling.can_send_answer(submission):
        return
    page = submission.page.specific
    site = page.get_site()
    feedback_settings = page.get_feedback_settings()
    link = (
        status.status_url(page, status.token_for(submission.token_hash))
        if submission.token_hash
        else ""
    )
    with translation.override(submission.language or settings.LANGUAGE_CODE):
        body = render_to_string(
            "wagtail_integration_feedback/emails/answer.txt",
            {
                "page_title": one_line(page.title),
                "answer": answer_as_text(submission.answer, site.root_url if site else ""),
                "link": link,
            },
        )
        subject = gettext("The answer to your message")
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or feedback_settings.default_sender or None,
        to=[resident_address(submission)],
    )
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the answer to feedback submission %s.", submission_id)
        raise
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    handling.record(submission, SubmissionEventKind.ANSWER_SENT, user)


def recipients(submission, page, feedback_settings) -> list[str]:
    """The chosen group's contact; else the page's addresses; else the site's default."""
    if submission.topic and submission.topic.contact_email:
        return [submission.topic.contact_email]
    page_addresses = [address.strip() for address in page.to_address.split(",")]
    page_addresses = [address for address in page_addresses if address]
    if page_addresses:
        return page_addresses
    if feedback_settings.default_recipient:
        return [feedback_settings.default_recipient]
    return []


def build_email(submission) -> EmailMessage:
    """The plain-text notification; only the validated address reaches a header (Reply-To).

    Every value a resident typed is read through ``text.safe_text``, and each one except the
    message is put on a single line, so that no stored value can add lines of its own (a
    fake "Email:" line) or break the encoding. The message is indented as a block.
    """
    page = submission.page.specific
    feedback_settings = page.get_feedback_settings()
    data = page.get_display_data(submission)
    reply_to = reply_to_addresses(data.get("email"))
    with translation.override(settings.LANGUAGE_CODE):
        extra_fields = [
            (one_line(label), one_line(data[name]))
            for name, label in page.get_added_data_fields()
            if name in data
        ]
        message = safe_text(data.get("message")) or ""
        body = render_to_string(
            "wagtail_integration_feedback/emails/feedback_notification.txt",
            {
                "page": page,
                "submission": submission,
                "topic": one_line(data.get("topic")),
                "name": one_line(data.get("name")),
                "email": one_line(data.get("email")),
                "message_lines": [f"    {line}".rstrip() for line in str(message).split("\n")],
                "language": submission.language_name,
                "extra_fields": extra_fields,
                "listing_url": admin_listing_url(page),
                "can_reply": bool(reply_to),
            },
        )
        subject = page.subject or gettext("New feedback: %(page)s") % {"page": page.title}
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=page.from_address or feedback_settings.default_sender or None,
        to=recipients(submission, page, feedback_settings),
        reply_to=reply_to,
    )


def reply_to_addresses(address) -> list[str]:
    """The resident's address for Reply-To, only if it is a valid address on its own."""
    if not isinstance(address, str) or not address:
        return []
    try:
        validate_email(address)
    except ValidationError:
        return []
    return [address]


def admin_listing_url(page) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("wagtailforms:list_submissions", args=[page.pk])
