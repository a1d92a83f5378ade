"""Serializers for the pages' ``api_fields``, shared by Wagtail's API v2 and v3.

Wagtail's v3 API reads these DRF serializer fields through its v2 compatibility layer, so one
declaration serves both.
"""

import importlib.util

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

# Wagtail 8 serializes rich text itself, in the format that ``WAGTAILAPI_RICH_TEXT_FORMAT``
# or the request's ``?rich_text_format=`` asks for; Wagtail 7.4 returns the database HTML.
WAGTAIL_SERIALIZES_RICH_TEXT = importlib.util.find_spec("wagtail.api.rich_text") is not None


class RichTextHTMLField(serializers.CharField):
    """Rich text as display HTML, with links to pages and documents resolved (Wagtail 7.4)."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


def rich_text_api_field(name: str) -> APIField:
    """A ``RichTextField`` in the API: Wagtail's own serializer where it has one (Wagtail 8),
    else display HTML, which a headless client can show without knowing Wagtail's link markup.
    """
    if WAGTAIL_SERIALIZES_RICH_TEXT:
        return APIField(name)
    return APIField(name, serializer=RichTextHTMLField())


def related_id_api_field(name: str) -> APIField:
    """A foreign key in the API as the related object's id, read from the key column.

    DRF's primary key field reads ``<name>_id`` without loading the related row.
    """
    return APIField(name, serializer=serializers.PrimaryKeyRelatedField(read_only=True))


class TreeIdField(serializers.IntegerField):
    """The id of a page above this one (a measure's group or phase), derived from the tree."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)


class HistoryField(serializers.Field):
    """A measure's history (``models.history``): its published changes, oldest first, with
    labels in the measure's language. Listings read the histories of all their measures at
    once (``attach_histories``); a single measure reads its own (one query)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, measure):
        from django.utils import translation

        from .. import i18n
        from ..models.history import history_of

        request = self.context.get("request")
        entries = getattr(measure, "history_entries_read", None)
        if entries is None:
            entries = history_of(measure)
        with translation.override(i18n.page_language(measure)):
            return [entry.as_data(request) for entry in entries]


def attach_histories(measures) -> None:
    """Read the histories of `measures` in one query, for `HistoryField` and the package's
    v3 list."""
    from ..models.history import MeasureHistoryEntry

    keys = [measure.translation_key for measure in measures]
    by_key = MeasureHistoryEntry.objects.filter(measure_key__in=keys).by_measure_key()
    for measure in measures:
        measure.history_entries_read = by_key.get(measure.translation_key, [])


class SuggestionsField(serializers.Field):
    """The residents' published suggestions that led to a measure, with the board's answers
    (``linked_suggestions``); never a name or an address. Listings read them for all their
    measures at once (``attach_suggestions``)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, measure):
        from ..linked_suggestions import suggestions_of

        return [suggestion.as_data() for suggestion in suggestions_of(measure)]


def attach_measure_data(measures) -> None:
    """Read the histories and suggestions of `measures` at once, for a listing's page."""
    from ..linked_suggestions import attach_suggestions

    attach_histories(measures)
    attach_suggestions(measures)


class IndicatorsField(serializers.Field):
    """The indicators of a working group or concept page (``models.indicators``), in the
    page's language, with their values, baseline, target and summary sentence. Listings
    read them for all their pages at once (``attach_indicators``)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        from .. import i18n
        from ..models.indicators import Indicator

        indicators = getattr(page, "indicators_read", None)
        if indicators is None:
            indicators = Indicator.of_page(page)
        language = i18n.page_language(page)
        return [indicator.as_data(language) for indicator in indicators]


def attach_indicators(pages) -> None:
    """Read the indicators of `pages` (groups and concepts) in two queries."""
    from ..models.indicators import Indicator

    by_page = Indicator.of_pages(pages)
    for page in pages:
        page.indicators_read = by_page.get(page.pk, [])
