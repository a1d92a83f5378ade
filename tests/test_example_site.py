"""The example site: system checks pass and the demo loader is idempotent."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"

COUNT_SCRIPT = """
import json
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail_integration.models import (
    ConceptPhasePage,
    IntegrationConceptPage,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupMember,
    WorkingGroupPage,
)
from wagtail_integration.feedback.models import FeedbackFormPage
german = dict(locale__language_code="de")
concepts = IntegrationConceptPage.objects.live().select_related("locale")
client = Client()
rendered = {}
for concept in concepts:
    soup = BeautifulSoup(client.get(concept.url).content, "html.parser")
    rendered[concept.locale.language_code] = {
        "url": concept.url, "dir": soup.html["dir"], "lang": soup.html["lang"],
        "h1": soup.h1.get_text(), "switcher": len(soup.select(".wi-languages a")),
    }
import importlib.util
api = "/api/v3" if importlib.util.find_spec("wagtail.api.v3") else "/api"
demo = client.get("/headless-demo/")
arabic_measures = client.get(f"{api}/integration/measures/?locale=ar&limit=500").json()
v2_measures = client.get("/api/v2/pages/?type=wagtail_integration.MeasurePage&locale=uk").json()
from wagtail_integration.feedback.models import FeedbackSubmission
form = FeedbackFormPage.objects.live().get(locale__language_code="de")
arabic_form = form.get_translation(form.locale.__class__.objects.get(language_code="ar"))
answers = BeautifulSoup(client.get(form.url + "answers/").content, "html.parser")
arabic_answers = BeautifulSoup(client.get(arabic_form.url + "answers/").content, "html.parser")
from wagtail_integration.models import Indicator
group_page = WorkingGroupPage.objects.live().filter(**german, slug="arbeit-und-ausbildung").get()
group_soup = BeautifulSoup(client.get(group_page.url).content, "html.parser")
arabic_group = group_page.get_translation(form.locale.__class__.objects.get(language_code="ar"))
arabic_group_soup = BeautifulSoup(client.get(arabic_group.url).content, "html.parser")
arabic_chart = arabic_group_soup.select_one("figure.wi-indicator")
print(json.dumps({
    "indicators": Indicator.objects.filter(**german).count(),
    "indicator_languages": sorted(set(Indicator.objects.values_list(
        "locale__language_code", flat=True))),
    "arabic_chart_title": arabic_chart.select_one("h3").get_text(" ", strip=True),
    "arabic_chart_title_lang": arabic_chart.select_one("h3").get("lang"),
    "arabic_chart_summary_digits": "٢٠١٥" in arabic_chart.get_text(),
    "arabic_chart_measures": len(arabic_chart.select(".wi-indicator__measures a")),
    "measure_links_to_indicators": sum(1 for i in Indicator.objects.filter(**german)
        if i.measures.exists()),
    "indicator_values": sorted({len(i.values.all()) for i in Indicator.objects.all()}),
    "group_charts": len(group_soup.select("figure.wi-indicator svg")),
    "suggestions": FeedbackSubmission.objects.filter(is_public=True).count(),
    "answers_shown": len(answers.select(".wi-suggestion")),
    "arabic_answers_dir": arabic_answers.select_one(".wi-content")["dir"],
    "arabic_answers_rtl_answer": len(arabic_answers.select(".wi-answer[dir=rtl]")),
    "headless_demo": [demo.status_code, "headless-demo.js" in demo.content.decode()],
    "api_arabic_measures": arabic_measures["count"],
    "api_arabic_labels": sorted({m["status_label"] for m in arabic_measures["items"]}),
    "api_v2_ukrainian_measures": v2_measures["meta"]["total_count"],
    "pages": Page.objects.count(),
    "live_pages": Page.objects.live().count(),
    "revisions": Revision.objects.count(),
    "phases": ConceptPhasePage.objects.live().filter(**german).count(),
    "groups": WorkingGroupPage.objects.live().filter(**german).count(),
    "measures": MeasurePage.objects.live().filter(**german).count(),
    "all_measures": MeasurePage.objects.live().count(),
    "measure_statuses": sorted(set(MeasurePage.objects.values_list("status", flat=True))),
    "milestones": PhaseMilestone.objects.filter(**german).count(),
    "members": WorkingGroupMember.objects.filter(**german).count(),
    "feedback_languages": sorted(FeedbackFormPage.objects.live().values_list(
        "locale__language_code", flat=True)),
    "documents": get_document_model().objects.count(),
    "users": get_user_model().objects.count(),
    "titles": list(MeasurePage.objects.filter(**german).values_list("title", flat=True)),
    "rendered": rendered,
}))
"""


def manage(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "example_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE_SITE,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_example_site_system_checks_and_migrations_are_clean(tmp_path):
    assert "System check identified no issues" in manage(tmp_path, "check").stdout
    assert (
        "No changes detected" in manage(tmp_path, "makemigrations", "--check", "--dry-run").stdout
    )


def test_demo_loader_publishes_the_concept_and_a_second_run_changes_nothing(tmp_path):
    manage(tmp_path, "migrate", "--noinput", "-v0")

    first = manage(tmp_path, "load_integration_demo")
    counts = json.loads(manage(tmp_path, "shell", "-v0", "-c", COUNT_SCRIPT).stdout)
    second = manage(tmp_path, "load_integration_demo")
    counts_again = json.loads(manage(tmp_path, "shell", "-v0", "-c", COUNT_SCRIPT).stdout)

    assert "username 'admin', password 'integration-demo'" in first.stdout
    assert "nothing changed" in second.stdout
    assert counts_again == counts
    assert counts["phases"] == 2
    assert counts["groups"] == 6
    assert counts["measures"] >= 12
    assert counts["measure_statuses"] == [
        "discontinued",
        "implemented",
        "in_progress",
        "planned",
        "proposed",
    ]
    assert counts["milestones"] >= 4
    assert counts["members"] >= 6
    assert counts["documents"] == 1
    assert counts["users"] == 1
    assert counts["all_measures"] == 5 * counts["measures"]  # de, en, ar, tr, uk
    assert counts["feedback_languages"] == ["ar", "de", "en", "tr", "uk"]
    assert counts["revisions"] >= counts["live_pages"] - 1  # every page but the tree root
    assert counts["headless_demo"] == [200, True]
    assert counts["suggestions"] == counts["answers_shown"] == 5
    assert counts["indicators"] == 6 and counts["group_charts"] == 1
    assert counts["indicator_languages"] == ["ar", "de", "en", "tr", "uk"]
    assert counts["arabic_chart_title"] == "معدل توظيف القادمين من الخارج (E1a)"
    assert counts["arabic_chart_title_lang"] is None  # translated: the page's own language
    assert counts["arabic_chart_summary_digits"]
    assert counts["arabic_chart_measures"] == 2  # in Arabic, linked to the Arabic measures
    assert counts["measure_links_to_indicators"] == 6
    assert min(counts["indicator_values"]) >= 3 and max(counts["indicator_values"]) == 10
    assert counts["arabic_answers_dir"] == "rtl"
    assert counts["arabic_answers_rtl_answer"] == 1  # the one answered in Arabic
    assert counts["api_arabic_measures"] == counts["measures"]
    assert "Proposed" not in counts["api_arabic_labels"]  # labels in the page's language
    assert counts["api_v2_ukrainian_measures"] == counts["measures"]
    rendered = counts["rendered"]
    assert sorted(rendered) == ["ar", "de", "en", "tr", "uk"]
    assert rendered["ar"]["dir"] == "rtl"
    assert rendered["ar"]["lang"] == "ar"
    assert rendered["de"]["dir"] == "ltr"
    assert all(page["switcher"] == 5 for page in rendered.values())
    assert rendered["de"]["url"] == "/integrationskonzept/"  # the default language: no prefix
    assert rendered["ar"]["url"].startswith("/ar/")
    assert rendered["ar"]["h1"] != rendered["de"]["h1"]  # translated, not a copy
    titles = " ".join(counts["titles"])
    assert "Stellenanzeigen" in titles
    assert "Deutschkurse für Frauen" in titles
