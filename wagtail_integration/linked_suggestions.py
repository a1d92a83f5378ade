"""Residents' suggestions that led to a measure ("you said, we did"), as the measure page, its
API fields and the open-data exports show them.

The suggestions live in the feedback app, which the content app never imports (a site may
run the content app alone). The content app asks through a Wagtail hook instead: every
function registered for ``HOOK_NAME`` takes a list of measure translation keys and returns
``{translation key: [LinkedSuggestion, ...]}`` for the public suggestions linked to any
language version of those measures. Without the feedback app, no measure has suggestions.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from wagtail import hooks

HOOK_NAME = "wagtail_integration_suggestions_for_measures"


@dataclass(frozen=True)
class LinkedSuggestion:
    """A published suggestion: its text without the sender's name, and the board's answer."""

    id: int
    text: str
    # The language the resident wrote in (the language of the form they used).
    language: str
    # The answer as display HTML (paragraphs and links, Wagtail's links resolved).
    answer: str
    answer_language: str
    answered_at: datetime | None

    def as_data(self) -> dict:
        """The suggestion for the API and the JSON export."""
        return {
            "id": self.id,
            "text": self.text,
            "language": self.language,
            "answer": self.answer,
            "answer_language": self.answer_language,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
        }


def suggestions_by_measure_key(keys: Iterable[UUID]) -> dict[UUID, list[LinkedSuggestion]]:
    """The public suggestions linked to the measures with these translation keys, newest
    answer first (one query per registered hook)."""
    keys = list(set(keys))
    found: dict[UUID, list[LinkedSuggestion]] = {}
    if not keys:
        return found
    for hook in hooks.get_hooks(HOOK_NAME):
        for key, suggestions in hook(keys).items():
            found.setdefault(key, []).extend(suggestions)
    return found


def attach_suggestions(measures) -> None:
    """Read the suggestions of `measures` at once, as ``measure.linked_suggestions``."""
    by_key = suggestions_by_measure_key(measure.translation_key for measure in measures)
    for measure in measures:
        measure.linked_suggestions = by_key.get(measure.translation_key, [])


def suggestions_of(measure) -> list[LinkedSuggestion]:
    """The suggestions of one measure: those attached to it, else read now."""
    attached = getattr(measure, "linked_suggestions", None)
    if attached is not None:
        return attached
    return suggestions_by_measure_key([measure.translation_key]).get(measure.translation_key, [])
