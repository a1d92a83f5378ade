"""Publish the demo integration concept in German and translate it; a second run changes nothing.

The translations take wagtail-localize's own path, as an editor's would: a translation is
created for each page, the translated strings are imported from the PO catalogs in
``home/demo_translations/`` and the translation is published.
"""

import datetime
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import polib
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from home import demo_content
from home.demo_pdf import make_pdf
from home.models import ContentPage, HomePage
from wagtail_integration.feedback.models import (
    FeedbackFormPage,
    FeedbackSettings,
    FeedbackSubmission,
)
from wagtail_integration.models import (
    ConceptPhasePage,
    Indicator,
    IndicatorValue,
    IntegrationConceptPage,
    MeasureHistoryEntry,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupMember,
    WorkingGroupPage,
)

TRANSLATION_LANGUAGES = ["en", "ar", "tr", "uk"]
CATALOG_DIR = Path(__file__).resolve().parents[2] / "demo_translations"

MEASURE_FIELDS = [
    "title",
    "summary",
    "status",
    "progress",
    "start_date",
    "end_date",
    "responsible_body",
    "decision_body",
    "decision_date",
    "decision_reference",
    "decision_url",
]


def raw_stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """StreamField data in its stored (raw) form, which Wagtail reads like editor input."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


@contextmanager
def index_updates_deferred():
    """Skip the search and reference index updates that Wagtail runs after every save.

    The loader saves about 1,100 pages, revisions and translations; indexing each one took
    half of its time. The caller indexes once at the end. Neither Wagtail nor modelsearch
    offers a switch for the search index, so its signal handler is disconnected by hand.
    """
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


class Command(BaseCommand):
    help = (
        "Publish the demo integration concept (German) under the home page and create a local "
        "admin user. Pages that already exist are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--admin-password",
            default="integration-demo",
            help="Password of the local admin user, if it has to be created.",
        )

    def handle(self, *args, admin_username: str, admin_password: str, **options):
        self.created = 0
        with index_updates_deferred():
            with transaction.atomic():
                home, concept = self.ensure_german_content()
            for language_code in TRANSLATION_LANGUAGES:
                self.ensure_translations(home, language_code)
            with transaction.atomic():
                self.ensure_suggestions(concept)
                self.ensure_indicators(concept)
            for language_code in TRANSLATION_LANGUAGES:
                self.ensure_indicator_translations(concept, language_code)
        if self.created:
            call_command("wagtail_update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
        self.ensure_admin_user(admin_username, admin_password)
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Published {self.created} demo pages."))
        else:
            self.stdout.write("The demo content is already there; nothing changed.")
        self.stdout.write(f"Concept: {concept.url}")

    def ensure_german_content(self) -> tuple[HomePage, IntegrationConceptPage]:
        home = self.ensure_home_page()
        download = self.ensure_download()
        concept = self.ensure_page(
            home,
            IntegrationConceptPage,
            slug=demo_content.CONCEPT["slug"],
            title=demo_content.CONCEPT["title"],
            intro=demo_content.CONCEPT["intro"],
            body=raw_stream(demo_content.CONCEPT["body"]),
            downloads=raw_stream(
                [
                    (
                        "document",
                        {
                            "document": download.pk,
                            "title": "",
                            "description": demo_content.CONCEPT["download"]["description"],
                        },
                    )
                ]
            ),
            show_in_menus=True,
        )
        for phase_data in demo_content.PHASES:
            self.ensure_phase(concept, phase_data, download)
        self.ensure_feedback(home, concept)
        return home, concept

    def ensure_home_page(self) -> HomePage:
        """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
        site = Site.objects.get(is_default_site=True)
        if isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        welcome = site.root_page
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=demo_content.HOME["title"],
                slug="start",
                intro=demo_content.HOME["intro"],
            )
        )
        home.save_revision().publish()
        site.root_page = home
        site.site_name = "Stadtportal"
        site.hostname, site.port = "127.0.0.1", 8000  # where `make demo` serves it
        site.save()
        if type(welcome) is Page and welcome.is_leaf():
            welcome.delete()  # Wagtail's placeholder page, created by its migrations
        self.created += 1
        return home

    def ensure_download(self):
        Document = get_document_model()
        data = demo_content.CONCEPT["download"]
        document = Document.objects.filter(title=data["title"]).first()
        if document is None:
            document = Document(title=data["title"])
            pdf = make_pdf(data["pdf_lines"])
            document.file.save(
                "integrationskonzept-zweite-phase.pdf", ContentFile(pdf), save=False
            )
            document.file_size = len(pdf)
            document.save()
        return document

    def ensure_page(self, parent: Page, model: type[Page], *, slug: str, **fields) -> Page:
        """The child of `parent` with `slug`; created and published only if it is missing."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        self.created += 1
        return page

    def ensure_phase(self, concept, data: dict, download) -> None:
        phase = self.ensure_page(
            concept,
            ConceptPhasePage,
            slug=data["slug"],
            title=data["title"],
            number=data["number"],
            status=data["status"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            summary=data["summary"],
            body=raw_stream(data["body"]),
            milestones=[
                PhaseMilestone(
                    document=download if milestone["kind"] == "publication" else None,
                    **milestone,
                )
                for milestone in data["milestones"]
            ],
        )
        for group_data in data["working_groups"]:
            group = self.ensure_page(
                phase,
                WorkingGroupPage,
                slug=group_data["slug"],
                title=group_data["title"],
                goal=group_data["goal"],
                description=group_data["description"],
                lead=group_data["lead"],
                contact_name=group_data["contact_name"],
                contact_email=group_data["contact_email"],
                show_contact_email=group_data["show_contact_email"],
                members=[WorkingGroupMember(**member) for member in group_data["members"]],
            )
            for measure_data in group_data["measures"]:
                self.ensure_measure(group, measure_data)
        for measure_data in data["measures"]:
            self.ensure_measure(phase, measure_data)

    def ensure_measure(self, parent: Page, data: dict) -> None:
        created_before = self.created
        measure = self.ensure_page(
            parent,
            MeasurePage,
            slug=data["slug"],
            body=raw_stream(data["body"]),
            **{field: data[field] for field in MEASURE_FIELDS},
        )
        steps = demo_content.HISTORY.get(data["slug"])
        if steps and self.created > created_before:
            # The demo's earlier steps, instead of the one entry its publication recorded.
            MeasureHistoryEntry.objects.filter(measure=measure).delete()
            for day, status, progress, note in steps:
                MeasureHistoryEntry.objects.create(
                    measure=measure, date=day, status=status, progress=progress, note=note
                )

    def ensure_feedback(self, home: HomePage, concept: IntegrationConceptPage) -> None:
        """The feedback form under the concept, a privacy page, and the site's settings."""
        privacy = self.ensure_page(
            home,
            ContentPage,
            slug=demo_content.PRIVACY["slug"],
            title=demo_content.PRIVACY["title"],
            body=demo_content.PRIVACY["body"],
        )
        data = demo_content.FEEDBACK
        self.ensure_page(
            concept,
            FeedbackFormPage,
            slug=data["slug"],
            title=data["title"],
            intro=data["intro"],
            thank_you_text=data["thank_you_text"],
            subject=data["subject"],
            to_address=data["to_address"],
            from_address=data["from_address"],
        )
        site = Site.objects.get(is_default_site=True)
        FeedbackSettings.objects.get_or_create(
            site=site,
            defaults={
                "default_recipient": data["to_address"],
                "default_sender": data["from_address"],
                "privacy_page": privacy,
            },
        )

    def ensure_suggestions(self, concept: IntegrationConceptPage) -> None:
        """Published, answered suggestions ("you said, we did"), each sent through the form
        in its language, if the form has none yet."""
        form = concept.get_children().type(FeedbackFormPage).first()
        if (
            form is None
            or FeedbackSubmission.objects.filter(
                page__translation_key=form.translation_key, is_public=True
            ).exists()
        ):
            return
        for data in demo_content.SUGGESTIONS:
            locale = Locale.objects.filter(language_code=data["language"]).first()
            page = (form.get_translation_or_none(locale) if locale else None) or form
            topic = (
                WorkingGroupPage.objects.filter(slug=data["topic"], locale=form.locale).first()
                if data["topic"]
                else None
            )
            answered = timezone.now() - datetime.timedelta(days=data["answered_days_ago"])
            submission = FeedbackSubmission.objects.create(
                page=page,
                form_data={"message": data["text"], "topic": "", "name": "", "email": ""},
                language=data["language"],
                topic=topic,
                status="answered",
                publish_consent=True,
                is_public=True,
                public_message=data["text"],
                answer=data["answer"],
                answer_language=data["answer_language"],
                answered_at=answered,
            )
            FeedbackSubmission.objects.filter(pk=submission.pk).update(
                submit_time=answered - datetime.timedelta(days=10)
            )
            submission.measures.set(
                MeasurePage.objects.filter(slug__in=data["measures"], locale=form.locale)
            )
        self.stdout.write(f"Published {len(demo_content.SUGGESTIONS)} answered suggestions.")

    def ensure_indicators(self, concept: IntegrationConceptPage) -> None:
        """One indicator per working group with eight to ten years of invented values, if
        the concept has none yet (in German; other languages show them until translated)."""
        groups = {
            group.slug: group
            for group in WorkingGroupPage.objects.descendant_of(concept).filter(
                locale=concept.locale
            )
        }
        if Indicator.objects.filter(owner__in=groups.values()).exists():
            return
        for data in demo_content.INDICATORS:
            indicator = Indicator(
                owner=groups[data["group"]],
                title=data["title"],
                definition=data["definition"],
                unit=data["unit"],
                direction=data["direction"],
                code=data["code"],
                source=demo_content.EXAMPLE_SOURCE,
                baseline_period=data["baseline"][0],
                baseline_value=Decimal(data["baseline"][1]),
                target_period=data["target"][0],
                target_value=Decimal(data["target"][1]),
                comparison_label=data["comparison_label"],
                locale=concept.locale,
            )
            indicator.full_clean()
            indicator.save()
            indicator.measures.set(
                MeasurePage.objects.filter(slug__in=data["measures"], locale=concept.locale)
            )
            indicator.save()
            IndicatorValue.objects.bulk_create(
                IndicatorValue(
                    indicator=indicator,
                    period=period,
                    value=Decimal(value),
                    comparison_value=Decimal(comparison) if comparison else None,
                    locale=concept.locale,
                    sort_order=order,
                )
                for order, (period, value, comparison) in enumerate(data["values"])
            )
        self.stdout.write(f"Published {len(demo_content.INDICATORS)} indicators (example data).")

    def ensure_translations(self, home: HomePage, language_code: str) -> None:
        """Translate every page of the demo that has no translation in this language yet."""
        locale, _ = Locale.objects.get_or_create(language_code=language_code)
        catalog = load_catalog(language_code)
        # Fresh from the database, parents first: an instance held since its children were
        # added would carry a stale child count into its translation.
        pages = Page.objects.filter(path__startswith=home.path, locale=home.locale).order_by(
            "path"
        )
        translated = 0
        for page in pages:
            if page.has_translation(locale):
                continue
            # One transaction per page: wagtail-localize publishes a translation when its
            # transaction commits, and must do so before the page's children are translated.
            with transaction.atomic():
                translate_object(page, locale, catalog)
            translated += 1
        if translated:
            self.created += translated
            self.stdout.write(f"Translated {translated} pages into '{language_code}'.")

    def ensure_indicator_translations(
        self, concept: IntegrationConceptPage, language_code: str
    ) -> None:
        """Translate the demo's indicators (title, definition, source, comparison series)
        that have no translation in this language yet; the numbers stay the source's."""
        locale = Locale.objects.get(language_code=language_code)
        catalog = load_catalog(language_code)
        indicators = Indicator.objects.filter(
            locale=concept.locale, owner__path__startswith=concept.path
        )
        translated = 0
        for indicator in indicators:
            if indicator.has_translation(locale):
                continue
            with transaction.atomic():
                translate_object(indicator, locale, catalog)
            translated += 1
        if translated:
            self.stdout.write(f"Translated {translated} indicators into '{language_code}'.")

    def ensure_admin_user(self, username: str, password: str) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin user '{username}' exists already; its password is unchanged."
            )
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the local admin user: username '{username}', password '{password}'. "
                "Log in at /admin/."
            )
        )


def load_catalog(language_code: str) -> dict[str, str]:
    """The demo's translations into `language_code`: German text -> translated text."""
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(CATALOG_DIR / f"{language_code}.po"))
        if entry.msgstr
    }


def translate_object(instance, locale: Locale, catalog: dict[str, str]) -> None:
    """Create the translation of a page or snippet, fill in the catalog's strings and
    publish (or save) it, through wagtail-localize as an editor would."""
    TranslationCreator(user=None, target_locales=[locale]).create_translations(instance)
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalog.get(entry.msgid, "")
    translation.import_po(po, tool_name="load_integration_demo")
    translation.save_target(publish=True)
