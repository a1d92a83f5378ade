"""Conventions every model of the package keeps, and the system checks it registers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils.functional import Promise
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Orderable, Page, TranslatableMixin

from wagtail_integration.apps import WagtailIntegrationConfig, missing_apps
from wagtail_integration.feedback.apps import WagtailIntegrationFeedbackConfig
from wagtail_integration.feedback.models import (
    FeedbackFormPage,
    FeedbackSettings,
    FeedbackSubmission,
)
from wagtail_integration.models import (
    ConceptPhasePage,
    IntegrationConceptPage,
    MeasurePage,
    MeasureStatus,
    PhaseMilestone,
    PhaseStatus,
    WorkingGroupMember,
    WorkingGroupPage,
)

MODELS = [
    IntegrationConceptPage,
    ConceptPhasePage,
    PhaseMilestone,
    WorkingGroupPage,
    WorkingGroupMember,
    MeasurePage,
    FeedbackFormPage,
    FeedbackSubmission,
    FeedbackSettings,
]
# Fields that Wagtail's base classes bring along, or that link an inline to its page.
WAGTAIL_BASES = [
    Page,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
    BaseSiteSetting,
    TranslatableMixin,
]
INHERITED = {f.name for base in WAGTAIL_BASES for f in base._meta.get_fields()} | {
    "sort_order",
    "page",
    "page_ptr",
    "id",
}


def own_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete and not field.auto_created and field.name not in INHERITED
    ]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_field_has_a_translatable_verbose_name_and_help_text(model):
    fields = own_fields(model)
    assert fields
    for field in fields:
        # A lazy translation proxy proves the text went through gettext_lazy.
        assert isinstance(field.verbose_name, Promise), f"{model.__name__}.{field.name}"
        assert isinstance(field.help_text, Promise), f"{model.__name__}.{field.name}"
        assert str(field.help_text)


def test_statuses_have_exactly_the_documented_values():
    assert PhaseStatus.values == [
        "planned",
        "in_preparation",
        "in_implementation",
        "under_evaluation",
        "completed",
    ]
    assert MeasureStatus.values == [
        "proposed",
        "planned",
        "in_progress",
        "implemented",
        "discontinued",
    ]
    assert ConceptPhasePage._meta.get_field("status").default == "planned"
    assert MeasurePage._meta.get_field("status").default == "planned"


def test_inlines_are_orderable():
    assert issubclass(PhaseMilestone, Orderable)
    assert issubclass(WorkingGroupMember, Orderable)


def test_no_app_is_missing_in_a_complete_setup():
    assert missing_apps(WagtailIntegrationConfig.required_apps) == []
    assert missing_apps(WagtailIntegrationFeedbackConfig.required_apps) == []


def run_check(settings_module: str) -> subprocess.CompletedProcess:
    # A separate process: reloading the app registry in this one would register Wagtail's
    # API routers twice.
    return subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": settings_module},
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_i18n_without_a_translation_app_is_warned_about():
    result = run_check("tests.settings_i18n_without_translation_app")

    assert "wagtail_integration.W002" in result.stderr + result.stdout
    assert "neither wagtail_localize nor wagtail.locales" in result.stderr + result.stdout


def test_a_missing_required_app_stops_start_up_with_a_plain_message():
    result = run_check("tests.settings_without_documents")
    assert result.returncode == 1
    assert "ImproperlyConfigured: wagtail_integration needs these apps in INSTALLED_APPS: " in (
        result.stderr
    )
    assert "'wagtail.documents' (phases, measures and downloads link to documents)" in (
        result.stderr
    )


def test_the_feedback_app_without_wagtails_form_builder_stops_start_up_with_a_plain_message():
    result = run_check("tests.settings_without_form_builder")
    assert result.returncode == 1
    assert (
        "ImproperlyConfigured: wagtail_integration.feedback needs these apps in INSTALLED_APPS: "
        "'wagtail.contrib.forms' (the feedback form is built on Wagtail's form builder)"
    ) in result.stderr


def test_the_content_app_needs_neither_the_form_builder_nor_site_settings():
    result = run_check("tests.settings_content_only")
    assert result.returncode == 0, result.stderr


def test_rate_limit_cache_warning(settings):
    from wagtail_integration.feedback.checks import check_rate_limit_cache

    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    assert [w.id for w in check_rate_limit_cache()] == ["wagtail_integration_feedback.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "each server process" in check_rate_limit_cache()[0].msg
    settings.DEBUG = True
    assert check_rate_limit_cache() == []
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"}}
    assert check_rate_limit_cache() == []
