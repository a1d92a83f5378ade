"""How a resident gets to each page of the feedback form's flow in the browser: the form with
errors, the thank-you page, the status page (with and without an answer), the deletion, the
refusals. Shared by the browser tests."""

from itertools import count

from .pages import PAGE_KINDS, answer_in_database, new_page, page_url

CLIENTS = count(1)


def fill_valid_form(page, message: str = "Mehr Sprachkurse am Abend, bitte.") -> None:
    page.fill("textarea[name=message]", message)
    page.check("input[name=consent]")


def submit(page) -> int:
    """Send the page's feedback form; the status of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.click("form.wi-form button[type=submit]")
    return navigation.value.status


def open_page(chromium, site: str, kind: str, language: str):
    """Open the page of `kind` in a fresh browser page; return it and its HTTP status."""
    form_url = page_url(site, "feedback_form", language)
    page = new_page(chromium, client_address=f"198.51.100.{next(CLIENTS)}")
    if kind in PAGE_KINDS:
        return page, page.goto(page_url(site, kind, language)).status
    page.goto(form_url)
    if kind == "form_with_errors":
        return page, submit(page)
    fill_valid_form(page)
    if kind == "thank_you":
        status = submit(page)
        assert "?sent=1&link=" in page.url
        return page, status
    if kind == "status_page_answered":
        assert submit(page) == 200
        with page.expect_navigation():
            page.click(".wi-status-link__url a")
        answer_in_database(site, page.url, ANSWERS[language], language)
        return page, page.reload().status
    if kind in ("status_page", "status_delete_confirmation", "status_deleted"):
        assert submit(page) == 200
        # Each click opens a page: wait for it, or the checks that follow may run on a page
        # still being replaced (axe then finds no document).
        with page.expect_navigation():
            page.click(".wi-status-link__url a")  # the resident's private link
        if kind != "status_page":
            with page.expect_navigation():
                page.click("a[href$='/delete/']")
        if kind == "status_deleted":
            with page.expect_navigation() as navigation:
                page.click("form.wi-delete-form button[type=submit]")
            return page, navigation.value.status
        return page, 200
    if kind == "too_many_posts":
        for _ in range(2):  # the example's limit for the tests is 2 per hour
            assert submit(page) == 200
            page.goto(form_url)
            fill_valid_form(page)
        return page, submit(page)
    # Past the cap of the tests' settings (16 kB), around the textarea's own length limit.
    page.eval_on_selector("textarea[name=message]", "el => el.value = 'ب'.repeat(9000)")
    return page, submit(page)


# The board's answers the status page shows, as stored rich text, one with a link.
ANSWERS = {
    "de": '<p>Danke! Ab März gibt es einen <a href="https://example.org/kurse">Abendkurs</a>.</p>',
    "ar": '<p>شكرًا! تبدأ <a href="https://example.org/kurse">دورة مسائية</a> في مارس.</p>',
}
