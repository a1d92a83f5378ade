"""Receiving feedback: the one code path that the HTML form and the API both go through.

Order matters: size and rate are checked before anything is validated, spam is recognised
before validation (so a bot learns nothing from error messages), a signed form is stored
once at most (its hash is a unique column of the submission), and a submission is stored
before any email is attempted. A post that could not be stored is never answered as a
success, and gives back the rate-limit slot it took.
"""

import enum
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail_integration import i18n

from . import conf, notifications, ratelimit, spam, status

logger = logging.getLogger(__name__)


class Outcome(enum.Enum):
    STORED = "stored"
    SPAM = "spam"  # answered like STORED, so a bot cannot tell the difference
    DUPLICATE = "duplicate"  # the signed form was already used for a stored submission
    EXPIRED = "expired"  # shown again with the values kept and a fresh token
    INVALID = "invalid"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"  # the database could not store it; nothing was kept


@dataclass
class FeedbackResult:
    outcome: Outcome
    form: object = None
    submission: object = None
    retry_after: int = 0
    # The private status link's token: for a stored post, a repeated one, and (leading
    # nowhere, but of the same shape) a post caught as spam.
    status_token: str = ""


EXPIRED_MESSAGE = _(
    "This form was open for a long time, so we could not accept it yet. "
    "Please check your message and send it again."
)


@dataclass(frozen=True)
class Refusal:
    """A post refused without being stored: its HTTP status and what the resident reads.

    The HTML view and the API answer with the same status and the same words.
    """

    status: int
    message: str


TOO_LARGE = Refusal(413, _("Your message is too long to send. Please shorten it and try again."))
RATE_LIMITED = Refusal(
    429,
    _(
        "You have sent several messages in a short time. "
        "Please wait a while, then send your message again."
    ),
)
UNAVAILABLE = Refusal(
    503,
    _(
        "Your message could not be saved just now, because of a problem on our side. "
        "Nothing has been sent. Please try again in a minute."
    ),
)
# How long a client should wait after the database failed, in seconds.
UNAVAILABLE_RETRY_AFTER = 60


def request_too_large(request: HttpRequest) -> bool:
    """True when the declared body is larger than the feedback cap or than Django reads.

    Checked before the body is read, from the Content-Length header.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    django_limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return length > conf.feedback_max_request_bytes() or (
        django_limit is not None and length > django_limit
    )


def receive_feedback(page, request: HttpRequest, data) -> FeedbackResult:
    """Check, validate and store one feedback post for `page`; schedule its notification."""
    reservation = ratelimit.reserve(request)
    if not reservation.granted:
        return FeedbackResult(Outcome.RATE_LIMITED, retry_after=reservation.retry_after)
    try:
        result = check_and_store(page, request, data)
    except DatabaseError:
        logger.exception("A feedback post for page %s could not be handled.", page.pk)
        result = FeedbackResult(Outcome.UNAVAILABLE, retry_after=UNAVAILABLE_RETRY_AFTER)
    if result.outcome in (Outcome.INVALID, Outcome.UNAVAILABLE):
        reservation.release()  # nothing was accepted: the client may send it again
    return result


def check_and_store(page, request: HttpRequest, data) -> FeedbackResult:
    token = data.get(spam.TOKEN_FIELD)
    token_state = spam.token_state(token, page)
    if spam.honeypot_filled(data) or token_state in (
        spam.TokenState.FORGED,
        spam.TokenState.TOO_FAST,
    ):
        # Counts against the limit (the slot is kept), and is answered like a stored post.
        return FeedbackResult(
            Outcome.SPAM, status_token=status.token_for(spam.token_hash(str(token or "")))
        )

    if token_state is spam.TokenState.EXPIRED:
        # Not spam: a resident who left the form open. Keep the message and ask again. This
        # post keeps its slot, so an old token cannot be turned into fresh ones for free.
        data = data.copy()
        data[spam.TOKEN_FIELD] = spam.make_token(page, ready=True)  # nothing is lost
        form = page.get_form(data, page=page, user=request.user)
        form.is_valid()
        form.add_error(None, EXPIRED_MESSAGE)
        return FeedbackResult(Outcome.EXPIRED, form=form)

    form = page.get_form(data, page=page, user=request.user)
    if not form.is_valid():
        return FeedbackResult(Outcome.INVALID, form=form)

    token_hash = spam.token_hash(token)
    status_token = status.token_for(token_hash)
    submissions = page.get_submission_class().objects
    try:
        with transaction.atomic():
            submission = store_submission(page, form, token_hash)
            notifications.schedule(submission)
    except IntegrityError:
        if submissions.filter(token_hash=token_hash).exists():
            # Stored once already: the same link.
            return FeedbackResult(Outcome.DUPLICATE, form=form, status_token=status_token)
        raise
    except DatabaseError:
        logger.exception("A feedback submission for page %s could not be stored.", page.pk)
        return FeedbackResult(Outcome.UNAVAILABLE, form=form, retry_after=UNAVAILABLE_RETRY_AFTER)
    return FeedbackResult(
        Outcome.STORED, form=form, submission=submission, status_token=status_token
    )


def store_submission(page, form, token_hash: str):
    """Save the validated form of `page` as a FeedbackSubmission."""
    return page.get_submission_class().objects.create(
        page=page,
        form_data=form.submission_data(),
        language=i18n.page_language(page),
        topic=form.cleaned_data["topic"],
        token_hash=token_hash,
        status_token_hash=status.token_hash(status.token_for(token_hash)),
        **form.consents(),
    )
