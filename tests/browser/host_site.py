"""A `wagtail start` host for the browser tests, set up from the README's recipes
(installation, languages, the host-layout base template), with one page of each type in
German and its Arabic translation made with wagtail-localize, as an editor would make them."""

import json
import sys
import textwrap
from pathlib import Path

from ..host_helpers import make_readme_host, start_wagtail_project
from ..process_helpers import run

# What the browser tests need on top, as in example_site_settings.py.
TEST_SETTINGS = textwrap.dedent(
    """
    WAGTAIL_INTEGRATION_FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    WAGTAIL_INTEGRATION_FEEDBACK_RATE_LIMIT = "2/h"
    WAGTAIL_INTEGRATION_FEEDBACK_MIN_SECONDS = 0
    WAGTAIL_INTEGRATION_FEEDBACK_MAX_REQUEST_BYTES = 16 * 1024
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    """
)

# Prints {kind: {language: path}} of the pages it makes.
CONTENT_SCRIPT = textwrap.dedent(
    """
    import datetime
    import json
    from wagtail.models import Locale, Site
    from wagtail_localize.models import Translation
    from wagtail_localize.operations import TranslationCreator
    from wagtail_integration.feedback.models import FeedbackFormPage
    from wagtail_integration.models import (
        ConceptPhasePage, IntegrationConceptPage, MeasurePage, WorkingGroupPage,
    )
    from wagtail_integration.models.phases import PhaseMilestone

    ARABIC = {
        "Integrationskonzept": "مفهوم الاندماج",
        "Phase 2 (seit 2015)": "المرحلة الثانية (منذ 2015)",
        "Arbeit und Ausbildung": "العمل والتدريب",
        "Stellenanzeigen ermutigen Zugewanderte": "إعلانات الوظائف تشجع القادمين الجدد",
        "Wegweiser für neu Zugewanderte": "دليل للقادمين الجدد",
        "Ihre Anregungen": "اقتراحاتكم",
        "Stadtrat beschließt die Fortschreibung": "مجلس المدينة يقرر التحديث",
    }
    home = Site.objects.get(is_default_site=True).root_page
    concept = home.add_child(instance=IntegrationConceptPage(
        title="Integrationskonzept", slug="konzept",
        intro="<p>Die Stadt plant gemeinsam mit vielen Partnern, wie alle gut hier leben.</p>",
    ))
    phase = concept.add_child(instance=ConceptPhasePage(
        title="Phase 2 (seit 2015)", slug="phase-2", number=2, status="in_implementation",
        start_date=datetime.date(2015, 1, 1), summary="Die zweite Phase setzt Maßnahmen um.",
    ))
    PhaseMilestone.objects.create(
        page=phase, date=datetime.date(2015, 3, 10), kind="council_resolution",
        title="Stadtrat beschließt die Fortschreibung",
    )
    PhaseMilestone.objects.create(
        page=phase, date=datetime.date(2019, 6, 1), kind="evaluation",
        title="Zwischenbericht",
    )
    group = phase.add_child(instance=WorkingGroupPage(
        title="Arbeit und Ausbildung", slug="arbeit", goal="Mehr Menschen finden Arbeit.",
    ))
    measure = group.add_child(instance=MeasurePage(
        title="Stellenanzeigen ermutigen Zugewanderte", slug="stellenanzeigen",
        status="implemented", progress=100, summary="Die Stadt schreibt Stellen offen aus.",
        decision_url="https://ratsinfo.example.org/vorlage/12-2016",
    ))
    phase_measure = phase.add_child(instance=MeasurePage(
        title="Wegweiser für neu Zugewanderte", slug="wegweiser", status="in_progress",
        summary="Ein Heft erklärt die wichtigsten Ämter.",
    ))
    form = concept.add_child(instance=FeedbackFormPage(
        title="Ihre Anregungen", slug="anregungen", to_address="beirat@city.example",
        from_address="web@city.example",
    ))
    arabic = Locale.objects.create(language_code="ar")
    pages = {"concept": concept, "phase": phase, "working_group": group,
             "measure": measure, "feedback_form": form}
    urls = {}
    for page in [concept, phase, group, measure, phase_measure, form]:
        page.save_revision().publish()
        TranslationCreator(user=None, target_locales=[arabic]).create_translations(page)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=arabic
        )
        po = translation.export_po()
        for entry in po:
            entry.msgstr = ARABIC.get(entry.msgid, "")
        translation.import_po(po)
        translation.save_target(publish=True)
    # A suggestion the board answered and published, linked to the measure.
    from django.utils import timezone
    from wagtail_integration.feedback.models import FeedbackSubmission
    published = FeedbackSubmission.objects.create(
        page=form, form_data={"message": "Mehr Abendkurse", "name": "", "email": ""},
        language="de", topic=group, status="answered", publish_consent=True, is_public=True,
        public_message="Bitte mehr Sprachkurse am Abend, für Menschen, die tagsüber arbeiten.",
        answer="<p>Ab Herbst gibt es zwei Abendkurse in der Volkshochschule.</p>",
        answer_language="de", answered_at=timezone.now(),
    )
    published.measures.set([measure])
    # Indicators with charts: the group's (translated into Arabic) and a cross-cutting one of
    # the concept (not translated: shown in German, marked so, on the Arabic page).
    from decimal import Decimal
    from wagtail_integration.models import Indicator, IndicatorValue
    employment = Indicator.objects.create(
        owner=group, title="Beschäftigungsquote", unit="percent", code="E1a",
        definition="Anteil der Beschäftigten an den 15- bis 64-Jährigen.",
        baseline_period="2015", baseline_value=Decimal(44), target_period="2026",
        target_value=Decimal(58), comparison_label="Gesamtbevölkerung",
    )
    for year, value, comparison in [(2015, 44, 61), (2017, 47, 62), (2018, 48, 63),
                                    (2020, 46, 62), (2024, 55, 65)]:
        IndicatorValue.objects.create(indicator=employment, period=str(year),
                                      value=Decimal(value), comparison_value=Decimal(comparison))
    employment.measures.set([measure])
    employment.save()
    residents = Indicator.objects.create(
        owner=concept, title="Einbürgerungen je 1.000 Einwohnerinnen und Einwohner",
        unit="rate_per_1000", direction="higher", definition="Einbürgerungen im Jahr.",
    )
    for year, value in [(2019, "1.8"), (2020, "1.2"), (2021, "2.1"), (2022, "2.6")]:
        IndicatorValue.objects.create(indicator=residents, period=str(year), value=Decimal(value))
    TranslationCreator(user=None, target_locales=[arabic]).create_translations(employment)
    translation = Translation.objects.get(
        source__object_id=employment.translation_key, target_locale=arabic
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = {"Beschäftigungsquote": "معدل التوظيف"}.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(publish=True)
    for kind, page in pages.items():
        page.refresh_from_db()
        urls[kind] = {"de": page.url, "ar": page.get_translation(arabic).url}
    print(json.dumps(urls))
    """
)


def build_host(wagtail_start: Path, project: Path) -> dict:
    """Make the host in `project` from the `wagtail start` project in `wagtail_start`; the
    paths of its pages, {kind: {language: path}}."""
    settings_file, env = make_readme_host(start_wagtail_project(wagtail_start), project)
    settings_file.write_text(settings_file.read_text() + TEST_SETTINGS)
    made = run(
        sys.executable, "manage.py", "shell", "-v0", "-c", CONTENT_SCRIPT, cwd=project, env=env
    )
    return json.loads(made.stdout.strip().splitlines()[-1])
