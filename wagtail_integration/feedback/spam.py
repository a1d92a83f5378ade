"""Spam defences that need no third-party service: a honeypot, a signed fill time, and
single use of each signed form.

Django's signing module does the cryptography; the timing rules are ours.
"""

import enum
import hashlib
import logging
import time

from django.core import signing
from django.core.cache import cache

from .. import conf

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
_SALT = "wagtail_integration.feedback.token"
logger = logging.getLogger(__name__)


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
    if not token or not isinstance(token, str) or len(token) > 500:
        return TokenState.FORGED
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


def _used_token_key(token: str) -> str:
    digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
    return f"wagtail_integration:feedback:used_token:{digest}"


def claim_token(token: str) -> bool:
    """Mark `token` as used for a stored submission; False if it was used already.

    Only a hash of the token is kept, in the shared cache, until the token would have expired
    anyway. ``cache.add`` is atomic on every cache backend, so of two posts sent at once with
    one token only one can claim it. If the cache fails, the post is accepted: losing a
    resident's message is worse than a rare duplicate.
    """
    try:
        return cache.add(_used_token_key(token), 1, timeout=conf.feedback_max_seconds() + 60)
    except Exception:
        logger.exception("The feedback form could not record a used token in the cache.")
        return True


def release_token(token: str) -> None:
    """Make `token` usable again, because the post that claimed it could not be stored."""
    try:
        cache.delete(_used_token_key(token))
    except Exception:
        logger.exception("The feedback form could not release a token in the cache.")
