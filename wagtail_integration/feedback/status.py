"""The private status link of a submission: a token that lets the resident who sent it read
what became of it, and delete it, without an account or a cookie.

The token is an HMAC (SHA-256, keyed with the site's SECRET_KEY) of the form token the
submission was sent with: 256 bits nobody can guess or derive without the key. Only its
SHA-256 is stored, with the submission. Deriving it from the form token, rather than drawing
it at random, gives the same link to a resident whose browser sends the form twice (the
second post is not stored again), and a link of the same shape to a post caught as spam, so
that a bot cannot tell from the answer whether it was stored.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

_SALT = "wagtail_integration.feedback.status_link"
# 32 bytes in URL-safe base64 without padding.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")
PATH = "status"
TOO_MANY_LOOKUPS = _(
    "You have opened several links that lead nowhere in a short time. Please wait a while "
    "and try again."
)


def token_for(form_token_hash: str) -> str:
    """The status token of the submission sent with the form token of this hash."""
    digest = salted_hmac(_SALT, form_token_hash, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def token_hash(token: str) -> str:
    """What is stored of a status token."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def is_well_formed(token: str) -> bool:
    return isinstance(token, str) and TOKEN_PATTERN.fullmatch(token) is not None


def find_submission(page, token: str):
    """The submission with this status token (sent to `page` or to any language version of
    it, when `page` is given), or None: for a malformed, changed or unknown token, and for a
    deleted submission alike."""
    if not is_well_formed(token):
        return None
    from .models import FeedbackSubmission

    submissions = FeedbackSubmission.objects.filter(status_token_hash=token_hash(token))
    if page is not None:
        submissions = submissions.filter(page__translation_key=page.translation_key)
    return submissions.select_related("page", "topic").first()


@dataclass
class Lookup:
    """What a status link found: its submission, or nothing; `retry_after` > 0 when the
    client has looked up too many links that found nothing and must wait."""

    submission: object = None
    retry_after: int = 0


def lookup(request, token: str, page=None) -> Lookup:
    """Find the submission of `token`, within the client's limit of lookups that find
    nothing (``ratelimit.STATUS_LOOKUPS``); a lookup that finds nothing takes one."""
    from . import ratelimit

    refusal = ratelimit.exhausted(request, ratelimit.STATUS_LOOKUPS)
    if refusal is not None:
        return Lookup(retry_after=refusal.retry_after)
    submission = find_submission(page, token)
    if submission is None:
        ratelimit.reserve(request, ratelimit.STATUS_LOOKUPS)
    return Lookup(submission=submission)


def status_path(page, token: str, request=None) -> str:
    """The status page's address below the feedback page, relative to the site."""
    return f"{(page.get_url(request) or '').rstrip('/')}/{PATH}/{token}/"


def status_url(page, token: str, request=None) -> str:
    """The status page's full address, for emails and the API."""
    return f"{(page.get_full_url(request) or '').rstrip('/')}/{PATH}/{token}/"


def kept_until(request, submission) -> datetime:
    """When the retention purge deletes `submission` (the site's retention period)."""
    from .models import FeedbackSettings

    settings = FeedbackSettings.for_request(request)
    return submission.submit_time + timedelta(days=settings.retention_days)


def delete_by_resident(submission) -> None:
    """Delete `submission` at its resident's request (the page's form or the API), and
    record in Wagtail's audit log that they did (its number only)."""
    from .audit_log import log_resident_deletion

    with transaction.atomic():
        log_resident_deletion(submission)
        submission.delete()
