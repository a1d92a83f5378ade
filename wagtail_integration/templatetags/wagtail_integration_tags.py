"""Template tags of the package's templates: breadcrumbs and the printed list of references."""

from html.parser import HTMLParser

from django import template
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from ..models import IntegrationConceptPage

register = template.Library()


@register.inclusion_tag("wagtail_integration/includes/breadcrumbs.html", takes_context=True)
def integration_breadcrumbs(context, page: Page) -> dict:
    """The trail from the integration concept down to the page's parent (one query)."""
    ancestors = list(Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth"))
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

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href and not href.startswith(("#", "javascript:")):
            self._open = {"href": href, "text": ""}
            self.links.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None


class ReferencesNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> SafeString:
        content = self.nodelist.render(context)
        collector = _LinkCollector()
        collector.feed(content)
        request = context.get("request")
        references, seen = [], set()
        for link in collector.links:
            url = request.build_absolute_uri(link["href"]) if request else link["href"]
            if url in seen:
                continue
            seen.add(url)
            references.append({"url": url, "text": " ".join(link["text"].split())})
        listing = render_to_string(
            "wagtail_integration/includes/references.html",
            {"references": references},
            request=request,
        )
        return mark_safe(content + listing)  # both parts are rendered, escaped templates


@register.tag
def integration_references(parser, token):
    """Render the enclosed content and append the list of its links, shown only in print.

    Usage: ``{% integration_references %}...{% endintegration_references %}``
    """
    nodelist = parser.parse(("endintegration_references",))
    parser.delete_first_token()
    return ReferencesNode(nodelist)
