"""Published suggestions ("you said, we did"): what residents suggested, without their names,
with the board's answer and the measures it led to.

A suggestion is public only when the resident agreed (``publish_consent``), an editor marked
it public with an answer (``admin_forms.SubmissionHandlingForm`` checks both) and its form
page is live. Everything here reads ``public_message`` (the text the editor approved) and
the answer: never the name, the email address or the message as it was sent.
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from wagtail_integration import i18n, page_cache
from wagtail_integration.linked_suggestions import LinkedSuggestion
from wagtail_integration.models import MeasurePage, WorkingGroupPage

from .models import FeedbackSubmission

# The public list's address below the form page: ``<form page>answers/``.
PATH = "answers"
PER_PAGE = 20
# A measure page shows at most this many, the newest answers first; the public list has all.
PER_MEASURE = 10
PUBLIC = (
    Q(is_public=True, publish_consent=True, page__live=True)
    & ~Q(answer="")
    & ~Q(public_message="")
)


def public_submissions() -> QuerySet:
    """Every published suggestion of every live feedback form."""
    return FeedbackSubmission.objects.filter(PUBLIC)


def linked(submission) -> LinkedSuggestion:
    return LinkedSuggestion(
        id=submission.pk,
        text=submission.public_message,
        language=submission.language,
        answer=expand_db_html(submission.answer),
        answer_language=submission.answer_language or submission.language,
        answered_at=submission.answered_at,
    )


def suggestions_for_measures(keys) -> dict:
    """The hook of ``wagtail_integration.linked_suggestions``: for each measure translation
    key, its published suggestions, newest answer first, at most ``PER_MEASURE`` (one query).
    """
    through = FeedbackSubmission.measures.through
    rows = (
        through.objects.filter(
            measurepage__translation_key__in=keys,
            feedbacksubmission__in=public_submissions(),
        )
        .annotate(
            measure_key=F("measurepage__translation_key"),
            rank=Window(
                RowNumber(),
                partition_by=F("measurepage__translation_key"),
                order_by=[F("feedbacksubmission__answered_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=PER_MEASURE)
        .select_related("feedbacksubmission")
        .order_by("-feedbacksubmission__answered_at", "-pk")
    )
    found: dict = {}
    seen: set = set()
    for row in rows:
        # A suggestion linked to two language versions of one measure counts once.
        if (row.measure_key, row.feedbacksubmission_id) in seen:
            continue
        seen.add((row.measure_key, row.feedbacksubmission_id))
        found.setdefault(row.measure_key, []).append(linked(row.feedbacksubmission))
    return found


def suggestions_of_form(form_page) -> QuerySet:
    """The published suggestions of `form_page`'s form (all its language versions), grouped
    by working group in tree order (general ones last), the newest answer first in a group,
    with their topics and live measures."""
    return (
        public_submissions()
        .filter(page__translation_key=form_page.translation_key)
        .select_related("topic")
        .prefetch_related(
            Prefetch("measures", queryset=MeasurePage.objects.live().public().order_by("path"))
        )
        .order_by(F("topic__path").asc(nulls_last=True), "-answered_at", "-pk")
    )


def show_in_locale(submissions: list, locale_id: int) -> list:
    """Give each of `submissions` ``group`` (its topic) and ``led_to`` (its measures) in the
    locale, where they are translated (two queries)."""
    groups = i18n.live_translations(
        [s.topic for s in submissions if s.topic], WorkingGroupPage, locale_id
    )
    measures = i18n.live_translations(
        [m for s in submissions for m in s.measures.all()], MeasurePage, locale_id
    )
    for submission in submissions:
        submission.group = groups.get(submission.topic_id)
        submission.led_to = [measures[measure.pk] for measure in submission.measures.all()]
    return submissions


def page_of_suggestions(form_page, number) -> PaginatorPage:
    """Page `number` (of ``PER_PAGE``) of the form's published suggestions, shown in
    `form_page`'s language. Five queries, however many suggestions there are."""
    page = Paginator(suggestions_of_form(form_page), PER_PAGE).get_page(number)
    page.object_list = show_in_locale(list(page.object_list), form_page.locale_id)
    return page


def has_public_suggestions(form_page) -> bool:
    """Whether the public list of `form_page` has anything to show: one query, then kept in
    the page cache until something published changes (``forget_published``)."""
    return page_cache.remember(
        f"feedback-has-public-suggestions:{form_page.translation_key}",
        lambda: (
            public_submissions().filter(page__translation_key=form_page.translation_key).exists()
        ),
    )


def answers_url(page, request: HttpRequest | None = None, *, full: bool = False) -> str | None:
    """The address of the public list below the form `page` (as Wagtail's: relative to the
    site, or with `full` the whole URL)."""
    url = page.get_full_url(request) if full else page.get_url(request)
    return f"{url}{PATH}/" if url else None


def forget_published(form_page, measures) -> None:
    """What is published changed (a suggestion published, withdrawn, edited, linked to
    other measures, or deleted): forget the kept pages that show it, in the server's page
    cache and, once committed, in a CDN (the public lists of every language version of the
    form, and the pages of `measures` in every language)."""
    page_cache.invalidate()
    measure_keys = {measure.translation_key for measure in measures}

    def purge() -> None:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        from wagtail_integration.frontend_cache import purge as purge_pages

        forms = Page.objects.filter(translation_key=form_page.translation_key).live()
        urls = [url for url in (answers_url(page, full=True) for page in forms) if url]
        if urls:
            purge_urls_from_cache(urls)
        if measure_keys:
            purge_pages(list(MeasurePage.objects.filter(translation_key__in=measure_keys).live()))

    transaction.on_commit(purge, robust=True)
