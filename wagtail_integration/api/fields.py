"""Serializers for the pages' ``api_fields``, shared by Wagtail's API v2 and v3.

Wagtail's v3 API reads these DRF serializer fields through its v2 compatibility layer, so one
declaration serves both.
"""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html


class RichTextHTMLField(serializers.CharField):
    """Rich text as display HTML, with links to pages and documents resolved."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class RelatedIdField(serializers.IntegerField):
    """The id of a related object, read from the foreign key column: no query per item."""

    def __init__(self, foreign_key: str, **kwargs):
        super().__init__(source=f"{foreign_key}_id", read_only=True, allow_null=True, **kwargs)


class TreeIdField(serializers.IntegerField):
    """The id of a page above this one (a measure's group or phase), derived from the tree."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)
