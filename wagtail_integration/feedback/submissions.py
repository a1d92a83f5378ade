"""Receiving feedback: the one code path that the HTML form and the API both go through.

Order matters: size and rate are checked before anything is parsed or validated, spam is
recognised before validation (so a bot learns nothing from error messages), and a submission
is stored before any email is attempted.
"""

import enum
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .. import conf, i18n
from . import notifications, ratelimit, spam


class Outcome(enum.Enum):
    STORED = "stored"
    SPAM = "spam"  # answered like STORED, so a bot cannot tell the difference
    INVALID = "invalid"
    RATE_LIMITED = "rate_limited"


@dataclass
class FeedbackResult:
    outcome: Outcome
    form: object = None
    submission: object = None


EXPIRED_MESSAGE = _(
    "This form was open for a long time, so we could not accept it yet. "
    "Please check your message and send it again."
)


def request_too_large(request: HttpRequest) -> bool:
    """True when the body is larger than the feedback cap; checked before it is read."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > conf.feedback_max_request_bytes()


def receive_feedback(page, request: HttpRequest, data) -> FeedbackResult:
    """Check, validate and store one feedback post for `page`; schedule its notification."""
    if ratelimit.is_rate_limited(request):
        return FeedbackResult(Outcome.RATE_LIMITED)

    token = spam.token_state(data.get(spam.TOKEN_FIELD), page)
    if spam.honeypot_filled(data) or token in (spam.TokenState.FORGED, spam.TokenState.TOO_FAST):
        ratelimit.count_post(request)
        return FeedbackResult(Outcome.SPAM)

    if token is spam.TokenState.EXPIRED:
        # Not spam: a resident who left the form open. Keep the message and ask again.
        data = data.copy()
        data[spam.TOKEN_FIELD] = spam.make_token(page, ready=True)  # nothing is lost
        form = page.get_form(data, page=page, user=request.user)
        form.is_valid()
        form.add_error(None, EXPIRED_MESSAGE)
        return FeedbackResult(Outcome.INVALID, form=form)

    form = page.get_form(data, page=page, user=request.user)
    if not form.is_valid():
        return FeedbackResult(Outcome.INVALID, form=form)

    with transaction.atomic():
        submission = store_submission(page, form)
        notifications.schedule(submission)
    ratelimit.count_post(request)
    return FeedbackResult(Outcome.STORED, form=form, submission=submission)


def store_submission(page, form):
    """Save the validated form of `page` as a FeedbackSubmission."""
    return page.get_submission_class().objects.create(
        page=page,
        form_data=form.submission_data(),
        language=i18n.page_language(page),
        topic=form.cleaned_data["topic"],
    )
