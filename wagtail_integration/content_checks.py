"""The package's plain-language checks in Wagtail's content checker: the editor's checks
panel beside the preview, and the userbar's checks on a page.

The findings are made on the server (`plain_language.py`) while Wagtail renders the preview:
the templates mark a paragraph with ``data-wi-plain-language="long-sentence long-word"``,
and the axe rules below report the marked paragraphs with axe-core's own
``attr-non-space-content`` check. So the checks need no JavaScript of their own and work
under a Content-Security-Policy that forbids ``eval``; the public pages carry no markers.
"""

import copy
import re
import warnings
from functools import cache

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.userbar import ContentCheckerItem

from . import conf
from .plain_language import LONG_SENTENCE, LONG_WORD, MARKER_ATTRIBUTE

TAG = "wagtail-integration-plain-language"
SENTENCE_RULE = "wi-plain-language-long-sentence"
WORD_RULE = "wi-plain-language-long-word"
_CHECK = "wi-plain-language-marked"

# axe-core's tags look like these; Wagtail's `axe_run_only` is either tags or rule ids.
_AXE_TAG = re.compile(r"^(wcag|cat\.|section508|best-practice|experimental|ACT|EN-|TT|RGAA)")


def _rule(rule_id: str, finding: str) -> dict:
    return {
        "id": rule_id,
        "impact": "moderate",
        "selector": f'[{MARKER_ATTRIBUTE}~="{finding}"]',
        "tags": [TAG],
        "none": [_CHECK],
        "enabled": True,
    }


class PlainLanguageChecksMixin:
    """Adds the plain-language rules to a `ContentCheckerItem` (Wagtail's or a host's own
    subclass of it) and keeps everything the item already checks."""

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if not run_only:
            return run_only  # every enabled rule runs, these included
        if all(_AXE_TAG.match(entry) for entry in run_only):
            return [*run_only, TAG]
        return [*run_only, SENTENCE_RULE, WORD_RULE]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            _rule(SENTENCE_RULE, LONG_SENTENCE),
            _rule(WORD_RULE, LONG_WORD),
        ]

    def get_axe_custom_checks(self, request):
        return [
            *super().get_axe_custom_checks(request),
            {
                "id": _CHECK,
                "evaluate": "attr-non-space-content-evaluate",
                "options": {"attribute": MARKER_ATTRIBUTE},
            },
        ]

    def get_axe_messages(self, request):
        words = conf.plain_language_max_sentence_words()
        letters = conf.plain_language_max_word_letters()
        return {
            **super().get_axe_messages(request),
            SENTENCE_RULE: {
                "error_name": ngettext(
                    "Sentence with more than %(words)d word",
                    "Sentence with more than %(words)d words",
                    words,
                )
                % {"words": words},
                "help_text": _(
                    "Split it into shorter sentences: many readers are still learning the "
                    "language."
                ),
            },
            WORD_RULE: {
                "error_name": ngettext(
                    "Word with more than %(letters)d letter",
                    "Word with more than %(letters)d letters",
                    letters,
                )
                % {"letters": letters},
                "help_text": _(
                    "Use a shorter word, or split the compound with a hyphen "
                    "(Arbeitsmarkt-Integration)."
                ),
            },
        }


@cache
def _checked_class(item_class: type) -> type:
    with warnings.catch_warnings():
        # Subclassing Wagtail's deprecated AccessibilityItem, which Wagtail itself still puts
        # into the userbar, warns; the warning is meant for a host's own code, not for this.
        warnings.simplefilter("ignore")
        return type(
            f"PlainLanguage{item_class.__name__}", (PlainLanguageChecksMixin, item_class), {}
        )


def with_plain_language_checks(item: ContentCheckerItem) -> ContentCheckerItem:
    """A copy of `item` that also runs the plain-language checks.

    Wagtail's documented way is to replace the item with an instance of a subclass; a host
    may have replaced it with its own subclass already, so the copy keeps the item's class
    (and its settings) and puts the mixin in front of it.
    """
    if isinstance(item, PlainLanguageChecksMixin):
        return item
    checked = copy.copy(item)
    checked.__class__ = _checked_class(type(item))
    return checked
