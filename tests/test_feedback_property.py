"""Property: whatever Unicode a resident (or a bot) sends, through either path, the editors'
listing, submission pages, both exports and the email survive it, and every accepted post
appears in every export exactly once."""

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_integration.feedback import spam
from wagtail_integration.feedback.models import FeedbackSubmission

from .feedback_helpers import api_url
from .test_feedback_text import render_everything

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Every code point, lone surrogates and every control character included.
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=60)
# A browser's form post is UTF-8: it cannot carry a lone surrogate.
FORM_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
MARKERS = itertools.count()


def marker() -> str:
    return f"MARK{next(MARKERS):06d}X"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    api_posts=st.lists(st.tuples(ANY_TEXT, ANY_TEXT), min_size=1, max_size=3),
    form_posts=st.lists(st.tuples(FORM_TEXT, FORM_TEXT), min_size=1, max_size=3),
)
def test_random_unicode_never_breaks_the_editors_tools(
    client, admin_client, feedback_page, api_posts, form_posts, django_settings
):
    accepted = []
    before = FeedbackSubmission.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for message, name in api_posts:
        mark = marker()
        body = json.dumps(
            {
                "token": spam.make_token(feedback_page),
                "values": {"message": mark + message, "name": name, "consent": True},
            }
        )
        response = client.post(api_url(feedback_page), body, content_type="application/json")
        assert response.status_code in (201, 422), response.content
        if response.status_code == 201:
            accepted.append(mark)
    for message, name in form_posts:
        mark = marker()
        data = {
            spam.TOKEN_FIELD: spam.make_token(feedback_page),
            "message": mark + message,
            "name": name,
            "topic": "general",
            "consent": "on",
        }
        response = client.post(feedback_page.url, data)
        assert response.status_code in (200, 303), response.content
        if response.status_code == 303:
            accepted.append(mark)

    new_rows = FeedbackSubmission.objects.filter(pk__gt=before)
    assert sorted(row.form_data["message"][:11] for row in new_rows) == sorted(accepted)
    rendered = render_everything(admin_client, feedback_page, new_rows)

    csv_text = "\n".join(",".join(row) for row in rendered["csv"])
    xlsx_text = "\n".join(",".join(str(cell) for cell in row) for row in rendered["xlsx"])
    for mark in accepted:
        assert csv_text.count(mark) == 1
        assert xlsx_text.count(mark) == 1


@pytest.fixture
def django_settings(settings):
    settings.WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    settings.WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "1000/h"
    return settings
