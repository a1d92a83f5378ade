"""Plain-language findings in a text: sentences with too many words, long words without a
hyphen. Written by hand: neither Django, Wagtail nor the libraries they bring count these.

The rules are deliberately simple and err towards silence: a full stop ends a sentence, so an
abbreviation ("z. B.") makes a sentence look shorter, never longer.
"""

import re

from . import conf

# The attribute with which the editor's preview marks an element that has findings.
MARKER_ATTRIBUTE = "data-wi-plain-language"
LONG_SENTENCE = "long-sentence"
LONG_WORD = "long-word"

# A sentence ends at . ! ? … or the Arabic question mark, followed by white space.
_SENTENCE_END = re.compile(r"(?<=[.!?…؟])\s+|\n+")
# Hyphen-minus, soft hyphen, hyphen and non-breaking hyphen: any of them splits a compound.
_HYPHENS = frozenset("-\u00ad\u2010\u2011")


def _is_address(token: str) -> bool:
    return "://" in token or "@" in token or token.lower().startswith("www.")


def _letters(token: str) -> int:
    return sum(character.isalpha() for character in token)


def long_sentences(text: str, max_words: int | None = None) -> list[str]:
    """The sentences of `text` with more than `max_words` words (default: the setting)."""
    limit = conf.plain_language_max_sentence_words() if max_words is None else max_words
    found = []
    for sentence in _SENTENCE_END.split(text):
        words = [token for token in sentence.split() if any(c.isalnum() for c in token)]
        if len(words) > limit:
            found.append(" ".join(sentence.split()))
    return found


def long_words(text: str, max_letters: int | None = None) -> list[str]:
    """The words of `text` with more than `max_letters` letters and no hyphen (default: the
    setting); web and email addresses are not words."""
    limit = conf.plain_language_max_word_letters() if max_letters is None else max_letters
    return [
        token.strip(".,;:!?()[]{}«»„“”\"'…؟،")
        for token in text.split()
        if _letters(token) > limit and not _HYPHENS.intersection(token) and not _is_address(token)
    ]


def findings(text: str) -> list[str]:
    """Which of `LONG_SENTENCE` and `LONG_WORD` apply to `text`."""
    return [
        finding
        for finding, found in [
            (LONG_SENTENCE, long_sentences(text)),
            (LONG_WORD, long_words(text)),
        ]
        if found
    ]
