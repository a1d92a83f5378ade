"""Keyboard alone: the skip link, visible focus everywhere, and the feedback form sent with
Tab, Shift+Tab, Space and Enter (and typing), errors first."""

import pytest

from .flows import open_page
from .pages import PAGE_KINDS, new_page, page_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ACTIVE = "() => document.activeElement"
# What the focused element is, for messages and checks.
DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    return {tag: el.tagName, name: el.name || "", id: el.id || "", text:
            (el.textContent || "").trim().slice(0, 40),
            inMain: !!el.closest("main"), inSummary: !!el.closest(".wi-error-summary"),
            href: el.getAttribute("href") || ""};
}"""
# A focus indicator: an outline or a box shadow that the element shows while focused.
FOCUS_IS_VISIBLE = """() => {
    const style = getComputedStyle(document.activeElement);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return outline || style.boxShadow !== "none";
}"""


def press_tab_until(page, check, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until the focused element passes `check` (a function of DESCRIBE_FOCUS)."""
    for _ in range(limit):
        page.keyboard.press(key)
        focus = page.evaluate(DESCRIBE_FOCUS)
        if check(focus):
            return focus
    raise AssertionError(f"{key} never reached the element; the last focus was {focus}")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_skip_link_comes_first_and_leads_into_the_main_content(chromium, example_site, language):
    page = new_page(chromium, client_address="198.51.100.201")
    try:
        page.goto(page_url(example_site, "measure", language))
        page.keyboard.press("Tab")
        first = page.evaluate(DESCRIBE_FOCUS)
        first_visible = page.evaluate(FOCUS_IS_VISIBLE)
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        after = page.evaluate(DESCRIBE_FOCUS)
    finally:
        page.context.close()

    assert first["tag"] == "A" and not first["inMain"], first
    assert first_visible
    assert after["inMain"], after


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_focusable_element_shows_its_focus(chromium, example_site, kind):
    page = new_page(chromium, client_address="198.51.100.202")
    invisible = []
    try:
        page.goto(page_url(example_site, kind, "de"))
        seen = set()
        for _ in range(150):
            page.keyboard.press("Tab")
            focus = page.evaluate(DESCRIBE_FOCUS)
            key = (focus["tag"], focus["id"], focus["name"], focus["text"])
            if focus["tag"] == "BODY" or key in seen:
                break
            seen.add(key)
            if not page.evaluate(FOCUS_IS_VISIBLE):
                invisible.append(focus)
    finally:
        page.context.close()

    assert len(seen) > 3
    assert invisible == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_feedback_form_is_sent_with_the_keyboard_alone(chromium, example_site, language):
    page = new_page(chromium, client_address=f"198.51.100.{210 if language == 'de' else 211}")
    try:
        page.goto(page_url(example_site, "feedback_form", language))
        # Send it empty: the error summary takes the focus, its first link leads to the field.
        press_tab_until(page, lambda focus: focus["tag"] == "BUTTON" and focus["inMain"])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        on_errors = page.evaluate(DESCRIBE_FOCUS)
        press_tab_until(page, lambda focus: focus["inSummary"] and focus["tag"] == "A")
        page.keyboard.press("Enter")
        on_field = page.evaluate(DESCRIBE_FOCUS)
        # Write the message there, go back and forth once, tick the consent, send.
        page.keyboard.type("Mehr Sprachkurse am Abend.")
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")
        back = page.evaluate(DESCRIBE_FOCUS)
        press_tab_until(page, lambda focus: focus["name"] == "consent")
        page.keyboard.press("Space")
        press_tab_until(page, lambda focus: focus["tag"] == "BUTTON" and focus["inMain"])
        with page.expect_navigation() as sent:
            page.keyboard.press("Enter")
        status, url = sent.value.status, page.url
        thanks = page.locator("h1").inner_text()
    finally:
        page.context.close()

    assert on_errors["id"] == "wi-error-summary", on_errors
    assert on_field["name"] == "message", on_field
    assert back["name"] == "message"
    assert status == 200 and "?sent=1&link=" in url
    assert thanks


@pytest.mark.parametrize("language", ["de", "ar"])
def test_measures_overview_is_filtered_with_the_keyboard_alone(chromium, example_site, language):
    """Tab to the status filter, choose a status with the arrow keys, send with Enter: the
    results say how many measures match, and the address holds the filter."""
    page = new_page(chromium, client_address=f"198.51.100.{220 if language == 'de' else 221}")
    try:
        page.goto(page_url(example_site, "overview", language))
        before = page.locator("[role=status]").inner_text()
        press_tab_until(page, lambda focus: focus["name"] == "status")
        page.keyboard.press("ArrowDown")  # the first status after "any status"
        press_tab_until(page, lambda focus: focus["tag"] == "BUTTON" and focus["inMain"])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        after = page.locator("[role=status]").inner_text()
        url = page.url
        shown = page.locator(".wi-results .wi-status").all_inner_texts()
        chosen = page.locator("#wi-filter-status option:checked").inner_text()
    finally:
        page.context.close()

    assert "status=" in url and url.endswith("#wi-results-heading")
    assert before != after
    assert shown and set(shown) == {chosen}


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_resident_deletes_their_message_with_the_keyboard_alone(
    chromium, example_site, language
):
    """From the thank-you page, by Tab and Enter: the status link, "delete", the confirmation,
    the page that says it is gone."""
    page = new_page(chromium, client_address=f"198.51.100.{240 if language == 'de' else 241}")
    try:
        page.goto(page_url(example_site, "feedback_form", language))
        page.fill("textarea[name=message]", "Bitte wieder löschen.")
        page.check("input[name=consent]")
        with page.expect_navigation():
            page.click("form.wi-form button[type=submit]")
        press_tab_until(page, lambda focus: "/status/" in focus["href"])
        with page.expect_navigation():
            page.keyboard.press("Enter")
        status_url = page.url
        press_tab_until(page, lambda focus: focus["href"].endswith("/delete/"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        press_tab_until(page, lambda focus: focus["tag"] == "BUTTON" and focus["inMain"])
        with page.expect_navigation() as deleted:
            page.keyboard.press("Enter")
        after = page.goto(status_url).status
    finally:
        page.context.close()

    assert deleted.value.status == 200
    assert after == 404


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_link_in_the_boards_answer_is_reached_by_tab(chromium, example_site, language):
    """On the answered status page, Tab reaches the link inside the answer, with its focus
    visible, before the page's own delete link."""
    page, _status = open_page(chromium, example_site, "status_page_answered", language)
    try:
        page.goto(page.url)
        reached = press_tab_until(page, lambda focus: focus["href"] == "https://example.org/kurse")
        visible = page.evaluate(FOCUS_IS_VISIBLE)
        after = press_tab_until(page, lambda focus: focus["href"].endswith("/delete/"))
    finally:
        page.context.close()

    assert reached["inMain"] and visible
    assert after["inMain"]


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_measure_is_opened_from_the_public_list_with_the_keyboard(
    chromium, example_site, language
):
    page = new_page(chromium)
    try:
        page.goto(page_url(example_site, "public_suggestions", language))
        focus = press_tab_until(
            page,
            lambda f: (
                f["inMain"]
                and "/" in f["href"]
                and bool(
                    page.evaluate(
                        "() => !!document.activeElement.closest('.wi-suggestion__measures')"
                    )
                )
            ),
        )
        with page.expect_navigation() as opened_measure:
            page.keyboard.press("Enter")
        heading = page.locator("h1").inner_text()
    finally:
        page.context.close()

    assert opened_measure.value.status == 200
    assert heading == focus["text"]
