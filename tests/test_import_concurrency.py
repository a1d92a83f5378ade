"""An import (of measures, of indicator values) applied by many submits at once (a double
click, a reused form) is applied once, in a real server with four processes: on SQLite, and
on PostgreSQL when the suite runs there."""

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from benchmarks.stack import NoRedirects, free_port

from .test_feedback_concurrency import (
    database_copy,
    run_python,
    seeded_database,
    server_env,
    start_server,
)

pytestmark = pytest.mark.slow

# The fixtures come from the feedback concurrency tests (each test a copy of their seed).
__all__ = ["database_copy", "seeded_database"]

SUBMITS = 12
CSRF = "a" * 32  # a CSRF secret: the cookie and the form field carry the same one

PREPARE = """
import django; django.setup()
import csv, io
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from wagtail_integration import measure_import
from wagtail_integration.models import IntegrationConceptPage, MeasureImport
from wagtail_integration.views.exports import measures_csv
from django.test import RequestFactory

user = get_user_model().objects.create_superuser("importer", password="x")
concept = IntegrationConceptPage.objects.get()  # the seed's, with its measures
request = RequestFactory().get("/")
text = measures_csv(request, concept).content.decode("utf-8-sig")
rows = list(csv.DictReader(io.StringIO(text)))
rows[0]["status"] = "implemented" if rows[0]["status"] != "implemented" else "planned"
out = io.StringIO()
writer = csv.DictWriter(out, list(rows[0]))
writer.writeheader()
writer.writerows(rows)
upload = MeasureImport.objects.create(concept=concept, user=user, file_name="m.csv",
                                      content=out.getvalue())
plan = measure_import.plan(concept, upload.content, user)
assert len(plan.updates) == 1
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key, concept.pk, upload.pk, plan.fingerprint())
"""

COUNT = """
import django; django.setup()
from wagtail.models import Revision
from wagtail_integration.models import MeasureImport
print(Revision.objects.filter(user__username="importer").count(),
      MeasureImport.objects.filter(applied_at__isnull=False).count())
"""


def post(url: str, session_key: str, fields: dict) -> int | str:
    """The answer's status; for a redirect, "302 <where to>"."""
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, **fields}).encode()
    request = urllib.request.Request(
        url,
        data=data,
        headers={"Cookie": f"sessionid={session_key}; csrftoken={CSRF}"},
    )
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 302:
            return f"302 {error.headers['Location']}"
        return error.code


def submit_at_once(server, url: str, session_key: str, fields: dict) -> list:
    """POST `fields` to `url` SUBMITS times at the same moment, then stop `server`; the
    answers (see `post`)."""
    barrier = threading.Barrier(SUBMITS)
    statuses: list = [0] * SUBMITS

    def submit(index: int) -> None:
        barrier.wait()
        statuses[index] = post(url, session_key, fields)

    try:
        threads = [threading.Thread(target=submit, args=(i,)) for i in range(SUBMITS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        server.terminate()
        server.wait(20)
    return statuses


def test_twelve_simultaneous_applies_of_one_import_apply_it_once(database_copy):
    database, _page_id = database_copy
    env = server_env(database, "database")
    session_key, concept_id, import_id, fingerprint = run_python(PREPARE, env).split()
    port = free_port()
    server = start_server(env, port, workers=4)
    url = f"http://127.0.0.1:{port}/admin/integration/measures-import/{concept_id}/{import_id}/"
    statuses = submit_at_once(
        server, url, session_key, {"fingerprint": fingerprint, "publish": "1"}
    )

    revisions, applied = (int(n) for n in run_python(COUNT, env).split())
    # One submit applies and is sent on to the concept in the explorer. The others are
    # refused (Wagtail's admin turns the refusal into a redirect to the dashboard), find the
    # import applied already (404), or, having read it before it was applied, find the
    # measures changed since the preview and show it again (200).
    applied_answers = [s for s in statuses if s == f"302 /admin/pages/{concept_id}/"]
    assert len(applied_answers) == 1, statuses
    allowed = {f"302 /admin/pages/{concept_id}/", "302 /admin/", 404, 200}
    assert set(statuses) <= allowed, statuses
    assert revisions == 1 and applied == 1


PREPARE_VALUES = """
import django; django.setup()
from decimal import Decimal
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from wagtail_integration import indicator_import
from wagtail_integration.models import (
    Indicator, IndicatorValue, IndicatorValuesImport, IntegrationConceptPage,
)

user = get_user_model().objects.create_superuser("importer", password="x")
concept = IntegrationConceptPage.objects.get()
indicator = Indicator.objects.create(owner=concept, title="Quote", definition="Anteil.",
                                     unit="percent", locale=concept.locale)
IndicatorValue.objects.create(indicator=indicator, period="2023", value=Decimal(50),
                              locale=concept.locale)
rows = [f"{indicator.pk},2023,51", f"{indicator.pk},2024,52"]
content = "\\r\\n".join(["indicator_id,period,value", *rows]) + "\\r\\n"
upload = IndicatorValuesImport.objects.create(concept=concept, user=user, file_name="i.csv",
                                              content=content)
plan = indicator_import.plan(concept, upload.content)
assert len(plan.updates) == 1 and len(plan.creations) == 1, plan.rows
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key, concept.pk, upload.pk, plan.fingerprint())
"""

COUNT_VALUES = """
import django; django.setup()
from wagtail.models import ModelLogEntry
from wagtail_integration.models import IndicatorValue, IndicatorValuesImport
print(IndicatorValue.objects.count(),
      sorted(str(v) for v in IndicatorValue.objects.values_list("value", flat=True)),
      ModelLogEntry.objects.filter(user__username="importer").count(),
      IndicatorValuesImport.objects.filter(applied_at__isnull=False).count())
"""


def test_twelve_simultaneous_applies_of_one_values_import_apply_it_once(database_copy):
    database, _page_id = database_copy
    env = server_env(database, "database")
    session_key, concept_id, import_id, fingerprint = run_python(PREPARE_VALUES, env).split()
    port = free_port()
    server = start_server(env, port, workers=4)
    url = (
        f"http://127.0.0.1:{port}/admin/integration/indicator-values-import/"
        f"{concept_id}/{import_id}/"
    )
    statuses = submit_at_once(server, url, session_key, {"fingerprint": fingerprint})

    counted = run_python(COUNT_VALUES, env)
    # One submit applies and is sent on to the indicators; the others are refused, find the
    # import applied (404), or find the values changed since the preview (200).
    listing = "302 /admin/snippets/wagtail_integration/indicator/"
    assert len([s for s in statuses if s == listing]) == 1, statuses
    assert set(statuses) <= {listing, "302 /admin/", 404, 200}, statuses
    assert counted.split()[0] == "2", counted  # 2023 changed, 2024 added: two values
    assert "'51.0000'" in counted and "'52.0000'" in counted, counted
    assert counted.split()[-2:] == ["1", "1"], counted  # one log entry, applied once
