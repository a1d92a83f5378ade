"""The board's answer (rich text with paragraphs and links) as plain text, for the email to
the resident and for checks of what it says.

Neither Django nor Wagtail turns rich text into readable plain text with its links kept
(``strip_tags`` drops the addresses), so this small converter does: paragraphs become blocks
separated by a blank line, a link becomes "its text (its address)".
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

from wagtail.rich_text import expand_db_html

BLOCK_TAGS = {"p", "div", "li", "h2", "h3", "h4", "blockquote"}


class _PlainText(HTMLParser):
    def __init__(self, base_url: str):
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.end_block()
        elif tag == "br":
            self.current.append("\n")
        elif tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.end_block()
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.current.append(f" ({urljoin(self.base_url, href)})")

    def handle_data(self, data):
        self.current.append(data)

    def end_block(self):
        text = " ".join("".join(self.current).replace("\xa0", " ").split(" "))
        lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            self.blocks.append(block)
        self.current = []


def answer_as_text(answer: str, base_url: str = "") -> str:
    """`answer` (rich text as stored) as plain text; links to pages and documents resolved
    and made absolute against `base_url`."""
    if not answer:
        return ""
    parser = _PlainText(base_url)
    parser.feed(expand_db_html(answer))
    parser.close()
    parser.end_block()
    return "\n\n".join(parser.blocks)


# Draftail gives every block a fresh random key on each save; the key is no part of the text.
_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def same_answer(first: str, second: str) -> bool:
    """Whether two stored answers say the same, whatever block keys the editor gave them."""

    def normalised(answer: str) -> str:
        return _BLOCK_KEY.sub("", answer or "").strip() if answer_as_text(answer).strip() else ""

    return normalised(first) == normalised(second)
