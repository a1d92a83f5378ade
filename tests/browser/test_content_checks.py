"""Wagtail's content checker in the page editor (the checks panel beside the preview) on the
package's page types: clean on the demo's pages, and the plain-language checks report what
an editor types."""

import pytest

from .pages import PAGE_TYPES, admin_login, first_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CONTENT_PAGE_TYPES = [kind for kind in PAGE_TYPES if kind != "feedback_form"]
LONG_SENTENCE = (
    "Wir wollen in den kommenden Jahren gemeinsam mit allen Trägern, Vereinen und Ämtern "
    "der Stadt viel mehr Sprachkurse am Abend und am Wochenende für Berufstätige anbieten."
)
LONG_WORD = "Die Arbeitsmarktintegrationsmaßnahmen beginnen im Mai."


@pytest.fixture(scope="module")
def editor(chromium, example_site):
    """A browser page logged into the example site's admin."""
    page = admin_login(chromium, example_site)
    # The editor reopens the side panel that was open on the page before: start closed.
    page.context.add_init_script("localStorage.removeItem('wagtail:side-panel-open')")
    yield page
    page.context.close()


def open_editor(editor, site: str, kind: str) -> None:
    """Open the editor of the demo's first page of a kind."""
    page_id = first_page(site, PAGE_TYPES[kind], "de")["id"]
    editor.goto(f"{site}/admin/pages/{page_id}/edit/")


def run_checks(editor) -> list[str]:
    """Open the checks panel, wait until the checker has run on the preview of the form as it
    is, and return the names of the issues it lists."""
    editor.click('[data-side-panel-toggle="checks"]')
    editor.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)",
        timeout=30_000,
    )
    return editor.locator("[data-checks-panel] [data-content-checker-name]").all_inner_texts()


@pytest.mark.parametrize("kind", CONTENT_PAGE_TYPES)
def test_content_checker_finds_no_issue_on_the_demo_pages(editor, example_site, kind):
    """Wagtail's own checks and the package's run in the editor's preview of each page type,
    and the demo's plain German passes them."""
    open_editor(editor, example_site, kind)

    issues = run_checks(editor)

    words = editor.locator("[data-content-word-count]").inner_text()
    assert int(words) > 0  # the checker read the page's main content
    assert issues == []


def test_content_checker_reports_a_long_sentence_and_a_long_word_as_typed(editor, example_site):
    open_editor(editor, example_site, "measure")
    editor.fill("#id_summary", f"{LONG_SENTENCE} {LONG_WORD}")

    issues = run_checks(editor)

    assert sorted(issues) == ["Satz mit mehr als 20 Wörtern", "Wort mit mehr als 20 Buchstaben"]
    help_texts = editor.locator("[data-checks-panel] [data-content-checker-help]")
    assert any("Bindestrich" in text for text in help_texts.all_inner_texts())
