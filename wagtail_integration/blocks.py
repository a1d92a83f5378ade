"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.rich_text import expand_db_html

from .api.fields import WAGTAIL_SERIALIZES_RICH_TEXT

# Headings inside a body start at h2: the page title is the only h1.
RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


class APIRichTextBlock(blocks.RichTextBlock):
    """Rich text in the API: on Wagtail 8 in the format the request or
    ``WAGTAILAPI_RICH_TEXT_FORMAT`` asks for (Wagtail's own block does it); on Wagtail 7.4 as
    display HTML with internal links resolved, rather than Wagtail's database HTML.

    One class for both versions, so that migrations name the same block.
    """

    if not WAGTAIL_SERIALIZES_RICH_TEXT:

        def get_api_representation(self, value, context=None):
            return expand_db_html(value.source) if value else ""


class DocumentBlock(blocks.StructBlock):
    """A downloadable document with an optional title and a short description."""

    document = DocumentChooserBlock(label=pgettext_lazy("document block", "Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Link text"),
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(
        required=False,
        label=pgettext_lazy("document block", "Description"),
        help_text=_("One or two sentences on what the document contains."),
    )

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("document block", "Document")
        template = "wagtail_integration/blocks/document.html"


class DocumentListBlock(blocks.StreamBlock):
    """An ordered list of documents, rendered as one list of downloads."""

    document = DocumentBlock()

    class Meta:
        template = "wagtail_integration/blocks/document_list.html"


class BodyBlock(blocks.StreamBlock):
    """Free text of a page: headings, paragraphs, quotes and documents."""

    heading = blocks.CharBlock(
        max_length=255,
        label=_("Heading"),
        form_classname="title",
        template="wagtail_integration/blocks/heading.html",
    )
    paragraph = APIRichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    document = DocumentBlock()
