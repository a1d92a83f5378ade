"""The suite makes the screenshots that the README shows: docs/screenshots/."""

import struct
from pathlib import Path

import pytest

from .pages import page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def png_width(path: Path) -> int:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", header[16:20])[0]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("kind", ["concept", "feedback_form"])
def test_screenshot_of_the_page_is_saved_for_the_docs(
    chromium, example_site, kind, language, width
):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    path = SCREENSHOTS / f"{kind.replace('_', '-')}-{language}-{width}.png"
    try:
        page.goto(page_url(example_site, kind, language))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=path, full_page=True)
    finally:
        context.close()

    assert png_width(path) == width
