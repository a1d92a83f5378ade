"""Template tags of the package's templates: the content wrapper with its language and printed
list of references, breadcrumbs, the language switcher, alternate links, the
stale-translation notice and the plain-language markers of the editor's preview."""

import json
import re
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Page
from wagtail.templatetags.wagtailcore_tags import richtext

from .. import i18n, plain_language
from ..models import IntegrationConceptPage

register = template.Library()


@register.filter
def text_direction(language_code: str) -> str:
    """``dir`` for a text in the language `language_code`, e.g. a resident's message."""
    return i18n.text_direction(language_code or "")


@register.simple_tag
def indicator_value(value, indicator) -> str:
    """An indicator's value with its unit and period, for the active language: "61 % (2024)"."""
    from django.utils.translation import get_language

    from ..indicator_charts import localized_period, with_unit

    language = get_language() or "en"
    return (
        f"{with_unit(value.value, indicator.unit, language)} "
        f"({localized_period(value.period, language)})"
    )


@register.inclusion_tag("wagtail_integration/includes/breadcrumbs.html", takes_context=True)
def integration_breadcrumbs(context, page: Page) -> dict:
    """The trail of live pages from the integration concept down to the page (one query)."""
    ancestors = list(Page.objects.ancestor_of(page).filter(depth__gt=1).live().order_by("depth"))
    concept_type_id = ContentType.objects.get_for_model(IntegrationConceptPage).id
    concept_depths = [a.depth for a in ancestors if a.content_type_id == concept_type_id]
    if concept_depths:
        ancestors = [a for a in ancestors if a.depth >= concept_depths[-1]]
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


class _LinkCollector(HTMLParser):
    # Django and Wagtail have no helper that lists the links of rendered HTML; the standard
    # library's tolerant parser is enough, as we only read our own, escaped output.
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self._open: dict | None = None
        self._navigation_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        href = attributes.get("href") if tag == "a" else None
        if tag == "nav":
            self._navigation_depth += 1
        # Navigation (breadcrumbs, the language switcher) is not printed, so neither are its
        # addresses.
        if self._navigation_depth or "data-wi-skip-reference" in attributes:
            return
        if href and not href.startswith(("#", "javascript:")):
            self._open = {"href": href, "text": ""}
            self.links.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None
        elif tag == "nav" and self._navigation_depth:
            self._navigation_depth -= 1


WITHOUT_LINKS = re.compile(r"<!--wi:no-links-->.*?<!--/wi:no-links-->|<svg\b.*?</svg>", re.DOTALL)


class PageContentNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> SafeString:
        content = self.nodelist.render(context)
        request = context.get("request")
        listing = render_to_string(
            "wagtail_integration/includes/references.html",
            {"references": _references(content, request)},
            request=request,
        )
        language = integration_page_language(context, context.get("page"))
        # The host's base template may say <html lang="en"> or nothing: the content carries
        # its own language and direction, so that an Arabic page reads right to left anyway.
        return format_html(
            '<div class="wi-content" lang="{}" dir="{}">{}{}</div>',
            language["code"],
            "rtl" if language["bidi"] else "ltr",
            mark_safe(content),  # a rendered, escaped template
            listing,
        )


def _references(content: str, request) -> list[dict]:
    collector = _LinkCollector()
    # Inline drawings (status bars) and the regions a template marks as holding no links
    # (an indicator's drawing and table) are most of a page's markup with ten charts: the
    # parser, which reads the page character by character, skips them.
    collector.feed(WITHOUT_LINKS.sub("", content))
    references, seen = [], set()
    for link in collector.links:
        url = request.build_absolute_uri(link["href"]) if request else link["href"]
        if url in seen:
            continue
        seen.add(url)
        references.append({"url": url, "text": " ".join(link["text"].split())})
    return references


@register.tag
def integration_page(parser, token):
    """Wrap the page's content in an element with the page's ``lang`` and ``dir``, and append
    the list of its links, shown only in print. Every base template must use it.

    Usage: ``{% integration_page %}...{% endintegration_page %}``, around
    ``{% block integration_content %}{% endblock %}``.
    """
    nodelist = parser.parse(("endintegration_page",))
    parser.delete_first_token()
    return PageContentNode(nodelist)


def _languages(page: Page, request=None) -> list:
    # The head's alternate links and the switcher both need them: query once per page.
    if not hasattr(page, "_wi_languages"):
        page._wi_languages = i18n.page_languages(page, request)
    return page._wi_languages


@register.inclusion_tag("wagtail_integration/includes/language_switcher.html", takes_context=True)
def integration_language_switcher(context, page: Page, subpage: str = "") -> dict:
    """Links to the live translations of the page, each in its own language; with
    `subpage`, to that sub-page of each (a route of a routable page, e.g. ``"measures"``)."""
    request = context.get("request")
    languages = _languages(page, request)
    suffix = page.reverse_subpage(subpage).lstrip("/") if subpage else ""
    links = [
        {"language": language, "url": (language.page.get_url(request) or "") + suffix}
        for language in languages
    ]
    return {"request": request, "links": links}


@register.inclusion_tag("wagtail_integration/includes/alternate_links.html", takes_context=True)
def integration_alternate_links(context, page: Page) -> dict:
    """``<link rel="alternate" hreflang>`` for every translation, for search engines."""
    request = context.get("request")
    languages = _languages(page, request)
    default_code = settings.LANGUAGE_CODE
    return {
        "links": [
            {"hreflang": lang.language_code, "href": lang.page.get_full_url(request)}
            for lang in languages
        ],
        "default_href": next(
            (
                lang.page.get_full_url(request)
                for lang in languages
                if lang.language_code == default_code
            ),
            None,
        ),
    }


@register.inclusion_tag("wagtail_integration/includes/stale_notice.html", takes_context=True)
def integration_stale_notice(context, page: Page) -> dict:
    """A notice when this translation is older than its source page's latest version."""
    request = context.get("request")
    return {"request": request, "source": i18n.stale_source(page, _languages(page, request))}


@register.simple_tag(takes_context=True)
def integration_page_language(context, page: Page | None = None) -> dict:
    """The language of the page (for ``lang`` and ``dir``), else the active language."""
    if page is None:
        code = get_language() or settings.LANGUAGE_CODE
        return {"code": code, "bidi": get_language_bidi()}
    return {"code": i18n.page_language(page), "bidi": i18n.page_language_is_bidi(page)}


def _in_preview(context) -> bool:
    return getattr(context.get("request"), "is_preview", False)


@register.simple_tag(takes_context=True)
def plain_language_marker(context, text: str) -> SafeString:
    """In Wagtail's preview, the marker attribute for an element whose `text` has
    plain-language findings (for the content checker); elsewhere nothing.

    Usage: ``<p class="wi-intro"{% plain_language_marker page.summary %}>``.
    """
    found = plain_language.findings(text or "") if _in_preview(context) else []
    if not found:
        return mark_safe("")
    return format_html(' {}="{}"', plain_language.MARKER_ATTRIBUTE, " ".join(found))


@register.simple_tag(takes_context=True)
def plain_language_richtext(context, value) -> SafeString:
    """The rich text as ``|richtext`` renders it; in Wagtail's preview, each paragraph and
    list item with plain-language findings carries the marker for the content checker."""
    html = str(richtext(value))
    if not _in_preview(context):
        return mark_safe(html)  # richtext's own output, already safe
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(["p", "li"]):
        found = plain_language.findings(element.get_text(" "))
        if found:
            element[plain_language.MARKER_ATTRIBUTE] = " ".join(found)
    return mark_safe(str(soup))  # the same escaped HTML, re-serialised with the markers


# Django's json_script escapes <, > and & so that the data cannot close the script element;
# its type is fixed to application/json, so the same escaping is applied here for JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def integration_json_ld(context, page: Page) -> SafeString:
    """``<script type="application/ld+json">`` with the page's schema.org data
    (``page.json_ld(request)``), escaped so that no value can end the script."""
    data = page.json_ld(context.get("request"))
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # escaped just above
    )
