"""Spam defences that need no third-party service: a honeypot, a signed fill time, and
single use of each signed form.

Django's signing module does the cryptography; the timing rules are ours.
"""

import enum
import hashlib
import time

from django.core import signing

from . import conf

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
_SALT = "wagtail_integration.feedback.token"


class TokenState(enum.Enum):
    VALID = "valid"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    FORGED = "forged"


def make_token(page, *, ready: bool = False) -> str:
    """A signed token that records when the form of `page` was shown.

    A `ready` token counts as shown long enough ago: it replaces an expired one, whose holder
    has already filled in the form and may send it again at once.
    """
    shown = time.time() - (conf.feedback_min_seconds() if ready else 0)
    return signing.dumps({"page": page.pk, "shown": shown}, salt=_SALT, compress=True)


def token_state(token: str | None, page) -> TokenState:
    """Whether `token` was signed by us for `page` and was sent neither too soon nor too late."""
    if not token or not isinstance(token, str) or len(token) > 500 or not token.isascii():
        return TokenState.FORGED  # our tokens are short ASCII; signing cannot encode the rest
    try:
        payload = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return TokenState.FORGED
    if not isinstance(payload, dict) or payload.get("page") != page.pk:
        return TokenState.FORGED
    shown = payload.get("shown")
    if not isinstance(shown, (int, float)):
        return TokenState.FORGED
    age = time.time() - shown
    if age > conf.feedback_max_seconds():
        return TokenState.EXPIRED
    if age < conf.feedback_min_seconds():
        return TokenState.TOO_FAST
    return TokenState.VALID


def honeypot_filled(data) -> bool:
    """True when the field that people never see, and bots fill in, has a value."""
    return bool(str(data.get(HONEYPOT_FIELD, "") or "").strip())


def token_hash(token: str) -> str:
    """The SHA-256 of a form token, stored with the submission it was used for.

    A unique column on the submission makes "used once" part of storing it: of two posts with
    one token, only one row can be written, on every database and across server processes,
    and a post that could not be stored has used nothing.
    """
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
