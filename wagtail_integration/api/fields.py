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
