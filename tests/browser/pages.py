"""Where the example site's pages are: found through its API v2, as a headless client would."""

import hashlib
import json
import sqlite3
import urllib.request
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

PAGE_TYPES = {
    "concept": "wagtail_integration.IntegrationConceptPage",
    "phase": "wagtail_integration.ConceptPhasePage",
    "working_group": "wagtail_integration.WorkingGroupPage",
    "measure": "wagtail_integration.MeasurePage",
    "feedback_form": "wagtail_integration_feedback.FeedbackFormPage",
}


# Sub-pages of a page of PAGE_TYPES: kind -> (the page's kind, the path below it).
SUB_PAGES = {
    "overview": ("concept", "measures/"),
    "public_suggestions": ("feedback_form", "answers/"),
}
# Every kind of page the browser tests open.
PAGE_KINDS = [*PAGE_TYPES, *SUB_PAGES]


# The pages of sites that have no API v2 to ask (the `wagtail start` host):
# {site URL: {kind: {language: path}}}.
KNOWN_PAGES: dict[str, dict[str, dict[str, str]]] = {}
# The SQLite database file of each site under test: {site URL: path}.
SITE_DATABASES: dict[str, Path] = {}


@cache
def first_page(site: str, page_type: str, language: str, slug: str = "") -> dict:
    """The API v2 item of the first live page of a type in a language (with that slug, when
    given)."""
    query = f"type={page_type}&locale={language}&limit=1" + (f"&slug={slug}" if slug else "")
    with urllib.request.urlopen(f"{site}/api/v2/pages/?{query}") as response:
        (item,) = json.load(response)["items"]
    return item


def page_url_of_type(site: str, page_type: str, language: str, slug: str = "") -> str:
    """The address of the first live page of a type in a language (see `first_page`)."""
    item = first_page(site, page_type, language, slug)
    # The demo's site says port 8000; the test server runs on another one.
    return site + urlsplit(item["meta"]["html_url"]).path


def page_url(site: str, kind: str, language: str, slug: str = "") -> str:
    """The first page of a kind of `PAGE_KINDS` ("concept", "measure", "overview", ...) in a
    language, or the one with `slug`."""
    if kind in SUB_PAGES:
        parent_kind, path = SUB_PAGES[kind]
        return page_url(site, parent_kind, language, slug) + path
    if site in KNOWN_PAGES:
        return site + KNOWN_PAGES[site][kind][language]
    return page_url_of_type(site, PAGE_TYPES[kind], language, slug)


def new_page(chromium, width: int = 375, client_address: str | None = None):
    """A page in a fresh browser context (its own cookies), `width` CSS px wide. Its posts
    come from `client_address` when given (as X-Forwarded-For), for the rate limit."""
    headers = {"X-Forwarded-For": client_address} if client_address else {}
    context = chromium.new_context(
        viewport={"width": width, "height": 800}, extra_http_headers=headers
    )
    return context.new_page()


def answer_in_database(site: str, status_url: str, answer: str, language: str) -> None:
    """Give the submission behind `status_url` the board's answer, as an editor's save on its
    admin page leaves it (answer, its language and date, status "answered"), by writing to
    the site's database: the browser tests look at what the resident sees, and the admin's
    rich-text editor is tested in tests/test_feedback_answers.py."""
    token = status_url.rstrip("/").rsplit("/", 1)[-1]
    token_hash = hashlib.sha256(token.encode("ascii")).hexdigest()
    with sqlite3.connect(SITE_DATABASES[site]) as database:
        changed = database.execute(
            "UPDATE wagtail_integration_feedback_feedbacksubmission SET answer = ?, "
            "answer_language = ?, answered_at = ?, status = 'answered' "
            "WHERE status_token_hash = ?",
            (answer, language, datetime.now(timezone.utc).isoformat(), token_hash),
        ).rowcount
    assert changed == 1, status_url


# The example site's local admin user (`load_integration_demo`); its admin is in German.
ADMIN = ("admin", "integration-demo")


def admin_login(chromium, site: str, width: int = 1400):
    """A browser page in a fresh context, logged into the site's admin as `ADMIN`."""
    page = new_page(chromium, width=width)
    page.goto(f"{site}/admin/login/")
    page.fill("input[name=username]", ADMIN[0])
    page.fill("input[name=password]", ADMIN[1])
    with page.expect_navigation():
        page.click("button[type=submit]")
    return page
