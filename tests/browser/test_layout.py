"""What axe cannot see: reflow at 320 px, text spacing, target size, mirroring and forced
colours.

Each check runs on every page type of the example site, in German and in Arabic; reflow and
mirroring also in a `wagtail start` host, inside its own layout and with the package's own
base template.
"""

import pytest

from .flows import open_page
from .pages import PAGE_KINDS, new_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGUAGES = ["de", "ar"]
PAGES = [(kind, language) for kind in PAGE_KINDS for language in LANGUAGES]


def opened(chromium, url: str, width: int):
    page = new_page(chromium, width)
    page.goto(url)
    return page


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_page_reflows_without_sideways_scrolling(chromium, site, kind, language, width):
    """WCAG 1.4.10: 320 CSS px is 1280 px at 400 % zoom; long German compounds must wrap."""
    page = opened(chromium, page_url(site, kind, language), width)
    try:
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        wider = page.evaluate(
            """() => [...document.querySelectorAll("main *")]
                .filter(el => el.getBoundingClientRect().right > innerWidth + 1)
                .map(el => el.tagName + "." + el.className + ": " + el.textContent.slice(0, 40))
                .slice(0, 5)"""
        )
    finally:
        page.context.close()

    scroll_width, client_width = sizes
    assert scroll_width <= client_width, wider


TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
CLIPPED = """() => [...document.querySelectorAll("body *")]
    .filter(el => {
        const style = getComputedStyle(el);
        const cut = (el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0
                     && /hidden|clip/.test(style.overflowY))
            || (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
                && /hidden|clip/.test(style.overflowX));
        return cut && el.textContent.trim() !== "";
    })
    .map(el => el.tagName + "." + el.className)"""


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_user_text_spacing_clips_nothing(chromium, example_site, kind, language):
    """WCAG 1.4.12: with the criterion's spacing applied, no text is cut off."""
    page = opened(chromium, page_url(example_site, kind, language), 375)
    try:
        before = set(page.evaluate(CLIPPED))
        page.add_style_tag(content=TEXT_SPACING)
        after = set(page.evaluate(CLIPPED))
    finally:
        page.context.close()

    assert after - before == set()


# Links in running text are exempt from 2.5.8 (the "inline" exception).
SMALL_TARGETS = """() => [...document.querySelectorAll(
        "a[href], button, input:not([type=hidden]), select, textarea, summary")]
    .filter(el => {
        if (el.closest("[aria-hidden=true], .wi-skip-link")) return false;
        if (el.tagName === "A" && el.closest("p, dd, td, blockquote, label")) return false;
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.width < 24 || box.height < 24);
    })
    .map(el => {
        const box = el.getBoundingClientRect();
        return `${el.tagName} "${el.textContent.trim().slice(0, 30)}" ` +
            `${Math.round(box.width)}x${Math.round(box.height)}`;
    })"""


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_every_link_and_control_is_at_least_24_px(chromium, example_site, kind, language):
    """WCAG 2.5.8 (2.2): targets outside running text are at least 24 by 24 CSS px."""
    page = opened(chromium, page_url(example_site, kind, language), 375)
    try:
        small = page.evaluate(SMALL_TARGETS)
    finally:
        page.context.close()

    assert small == []


@pytest.mark.parametrize("kind", ["phase", "working_group", "measure", "overview"])
def test_arabic_pages_mirror_their_breadcrumbs(chromium, site, kind):
    """Right to left: the first breadcrumb stands at the right of the second (compared with
    the second, not the last: a long trail wraps, and the last may start a line of its own)."""
    positions = {}
    for language in LANGUAGES:
        page = opened(chromium, page_url(site, kind, language), 1280)
        try:
            items = page.locator("nav.wi-breadcrumbs li")
            first, second = items.nth(0).bounding_box(), items.nth(1).bounding_box()
            assert first["y"] == second["y"], "the first two breadcrumbs share a line"
            positions[language] = (first["x"], second["x"])
            content_dir = page.evaluate(
                "() => getComputedStyle(document.querySelector('.wi-content')).direction"
            )
        finally:
            page.context.close()
        assert content_dir == ("rtl" if language == "ar" else "ltr")

    assert positions["de"][0] < positions["de"][1]
    assert positions["ar"][0] > positions["ar"][1]


def test_arabic_pages_mirror_status_badges_and_the_timeline(chromium, site):
    """A measure's badge follows its title on the reading side; the timeline's line stands
    at the start: left in German, right in Arabic."""
    found = {}
    for language in LANGUAGES:
        page = opened(chromium, page_url(site, "phase", language), 1280)
        try:
            item = page.locator(".wi-measure-list__item").first
            title = item.locator(".wi-measure-list__title").bounding_box()
            badge = item.locator(".wi-status").bounding_box()
            timeline = page.locator(".wi-timeline")
            border = timeline.evaluate(
                "el => [getComputedStyle(el).borderLeftWidth,"
                " getComputedStyle(el).borderRightWidth]"
            )
            first_milestone = page.locator(".wi-timeline__item").first.bounding_box()
            line = timeline.bounding_box()
        finally:
            page.context.close()
        found[language] = (title, badge, border, first_milestone, line)

    title, badge, border, milestone, line = found["de"]
    assert title["x"] < badge["x"]
    assert border[0] != "0px" and border[1] == "0px"
    assert milestone["x"] > line["x"]
    title, badge, border, milestone, line = found["ar"]
    assert title["x"] > badge["x"]
    assert border[1] != "0px" and border[0] == "0px"
    assert milestone["x"] + milestone["width"] < line["x"] + line["width"]


# What a badge and the current phase show when the system's colours replace the page's.
FORCED_COLOURS_MEANING = """() => {
    const shown = el => el && el.getClientRects().length > 0 && el.innerText.trim() !== "";
    const edge = (el, side) => {
        const style = getComputedStyle(el);
        return style[`border${side}Style`] !== "none"
            && parseFloat(style[`border${side}Width`]) >= 1;
    };
    const badges = [...document.querySelectorAll(".wi-status")].map(badge => ({
        status: [...badge.classList].find(name => name.startsWith("wi-status--")),
        labelled: shown(badge),
        framed: ["Top", "Right", "Bottom", "Left"].every(side => edge(badge, side)),
        marker: getComputedStyle(badge.querySelector(".wi-status__marker"), "::before").content,
    }));
    const current = document.querySelector(".wi-phase-timeline__phase--current");
    const start = document.querySelector(".wi-content").dir === "rtl" ? "Right" : "Left";
    return {
        forced: matchMedia("(forced-colors: active)").matches,
        badges,
        current: current && {
            marked: shown(current.querySelector(".wi-current-marker")),
            framed: edge(current, start),
        },
    };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["concept", "phase", "working_group"])
def test_status_badges_and_the_current_phase_keep_their_meaning_in_forced_colours(
    chromium, example_site, kind, language
):
    """With `forced-colors: active` (Windows high contrast) colours are gone: each status is
    still written out in a framed badge with its marker, and the current phase still
    says so in words and keeps its rule."""
    page = opened(chromium, page_url(example_site, kind, language), 1280)
    try:
        page.emulate_media(forced_colors="active")
        found = page.evaluate(FORCED_COLOURS_MEANING)
    finally:
        page.context.close()

    assert found["forced"]
    assert found["badges"], "the page shows status badges"
    assert all(badge["labelled"] and badge["framed"] for badge in found["badges"]), found
    markers = {}
    for badge in found["badges"]:
        markers.setdefault(badge["status"], set()).add(badge["marker"])
    assert all(len(shapes) == 1 and shapes != {"none"} for shapes in markers.values()), markers
    if kind == "concept":
        assert found["current"] == {"marked": True, "framed": True}


def test_arabic_concept_mirrors_the_phase_timeline_and_the_status_bars(chromium, site):
    """Right to left: the phases' line stands at the right, and the status bar starts at the
    right (its first segment right of its second)."""
    found = {}
    for language in LANGUAGES:
        page = opened(chromium, page_url(site, "concept", language), 1280)
        try:
            phase = page.locator(".wi-phase-timeline__phase").first
            borders = phase.evaluate(
                "el => [getComputedStyle(el).borderLeftWidth,"
                " getComputedStyle(el).borderRightWidth]"
            )
            segments = page.locator("#wi-chart-concept .wi-chart__segment")
            first, second = segments.nth(0).bounding_box(), segments.nth(1).bounding_box()
            today = page.locator(".wi-timeline-today").count()
        finally:
            page.context.close()
        found[language] = (borders, first["x"], second["x"], today)

    assert found["de"][0][0] != "0px" and found["de"][0][1] == "0px"
    assert found["ar"][0][1] != "0px" and found["ar"][0][0] == "0px"
    assert found["de"][1] < found["de"][2]
    assert found["ar"][1] > found["ar"][2]
    assert found["de"][3] == found["ar"][3] == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_private_status_page_reflows_at_320_px_and_follows_the_language(
    chromium, site, language
):
    """The page a resident reaches by their status link: no sideways scrolling at 320 px,
    right to left in Arabic."""
    page = new_page(chromium, 320, client_address=f"198.51.100.{230 if language == 'de' else 231}")
    try:
        page.goto(page_url(site, "feedback_form", language))
        page.fill("textarea[name=message]", "Mehr Sprachkurse am Abend, bitte. " * 5)
        page.check("input[name=consent]")
        with page.expect_navigation():
            page.click("form.wi-form button[type=submit]")
        with page.expect_navigation():
            page.click(".wi-status-link__url a")
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        direction = page.evaluate(
            "() => getComputedStyle(document.querySelector('.wi-content')).direction"
        )
        heading = page.locator("h1").inner_text()
    finally:
        page.context.close()

    assert sizes[0] <= sizes[1]
    assert direction == ("rtl" if language == "ar" else "ltr")
    assert heading


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_answered_status_page_reflows_and_sets_the_answers_direction(chromium, site, language):
    """The resident's page with the board's answer: no sideways scrolling at 320 px, and the
    answer reads in its own language and direction (right to left in Arabic)."""
    page, status = open_page(chromium, site, "status_page_answered", language)
    try:
        page.set_viewport_size({"width": 320, "height": 800})
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        answer = page.locator(".wi-answer")
        answer_lang = answer.get_attribute("lang")
        answer_direction = answer.evaluate("el => getComputedStyle(el).direction")
        box, content = answer.bounding_box(), page.locator(".wi-content").bounding_box()
    finally:
        page.context.close()

    assert status == 200
    assert sizes[0] <= sizes[1]
    assert answer_lang == language
    assert answer_direction == ("rtl" if language == "ar" else "ltr")
    assert (
        box["x"] >= content["x"] - 1
        and box["x"] + box["width"] <= content["x"] + content["width"] + 1
    )


def test_the_public_list_mirrors_in_arabic(chromium, site):
    """The list of published suggestions: its headings start at the right in Arabic, and each
    quotation is marked at the start of its own text's direction (a German suggestion keeps
    its rule at the left on the Arabic page, an Arabic one has it at the right)."""
    QUOTES = """() => [...document.querySelectorAll(".wi-suggestion__text, .wi-answer")]
        .map(el => { const style = getComputedStyle(el);
                     return [style.direction, style.borderLeftWidth, style.borderRightWidth]; })"""
    found = {}
    for language in LANGUAGES:
        page = opened(chromium, page_url(site, "public_suggestions", language), 1280)
        try:
            heading = page.locator(".wi-public-suggestions h2").first.bounding_box()
            content = page.locator(".wi-content").bounding_box()
            found[language] = (heading, content, page.evaluate(QUOTES))
        finally:
            page.context.close()

    for language, (heading, content, quotes) in found.items():
        if language == "ar":
            assert abs(heading["x"] + heading["width"] - (content["x"] + content["width"])) < 40
        else:
            assert abs(heading["x"] - content["x"]) < 40
        assert quotes
        for direction, left, right in quotes:
            marked, unmarked = (right, left) if direction == "rtl" else (left, right)
            assert marked != "0px" and unmarked == "0px", (language, direction, left, right)
