"""What wagtail-localize translates and what it keeps in step, per model, in one place.

The models declare only where they differ from wagtail-localize's defaults; this table is
the whole intent: T = translatable, S = synchronized (translators may override it),
S! = synchronized and never overridden (one truth in every language).
"""

import pytest
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from wagtail_integration.feedback.models import FeedbackFormField, FeedbackFormPage
from wagtail_integration.models import (
    ConceptPhasePage,
    IntegrationConceptPage,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupMember,
    WorkingGroupPage,
)

# Wagtail's own fields of every page.
PAGE = {
    "title": "T",
    "slug": "T",
    "seo_title": "T",
    "search_description": "T",
    "show_in_menus": "S",
}

EXPECTED = {
    IntegrationConceptPage: {
        **PAGE,
        "intro": "T",
        "plain_language_summary": "T",
        "body": "T",
        "downloads": "T",
        "feedback_teaser": "T",
        "feedback_page": "S",
    },
    ConceptPhasePage: {
        **PAGE,
        "summary": "T",
        "body": "T",
        "milestones": "T",
        "number": "S!",
        "status": "S!",
        "start_date": "S!",
        "end_date": "S!",
    },
    PhaseMilestone: {
        "title": "T",
        "place": "T",
        "document": "S",
        "date": "S!",
        "kind": "S!",
    },
    WorkingGroupPage: {
        **PAGE,
        "goal": "T",
        "plain_language_summary": "T",
        "description": "T",
        "lead": "T",
        "contact_name": "T",
        "members": "T",
        "contact_email": "S!",
        "show_contact_email": "S!",
    },
    WorkingGroupMember: {"name": "T", "url": "S"},
    MeasurePage: {
        **PAGE,
        "summary": "T",
        "plain_language_summary": "T",
        "body": "T",
        "responsible_body": "T",
        "decision_body": "T",
        "documents": "T",
        "decision_url": "S",
        "status": "S!",
        "progress": "S!",
        "start_date": "S!",
        "end_date": "S!",
        "decision_date": "S!",
        "decision_reference": "S!",
    },
    FeedbackFormPage: {
        **PAGE,
        "intro": "T",
        "thank_you_text": "T",
        "subject": "T",
        "form_fields": "T",
        "concept": "S",
        "to_address": "S!",
        "from_address": "S!",
    },
    FeedbackFormField: {
        "label": "T",
        "help_text": "T",
        "choices": "T",
        "default_value": "T",
        "clean_name": "S!",
        "field_type": "S!",
        "required": "S!",
    },
}


def kind(field) -> str:
    if isinstance(field, TranslatableField):
        return "T"
    assert isinstance(field, SynchronizedField)
    return "S" if field.overridable else "S!"


@pytest.mark.parametrize("model", EXPECTED, ids=lambda model: model.__name__)
def test_each_model_translates_and_synchronizes_exactly_the_intended_fields(model):
    declared = {field.field_name: kind(field) for field in get_translatable_fields(model)}

    assert declared == EXPECTED[model]


@pytest.mark.parametrize("model", EXPECTED, ids=lambda model: model.__name__)
def test_no_override_restates_what_wagtail_localize_would_generate(model, monkeypatch):
    overrides = model.__dict__.get("override_translatable_fields", [])
    monkeypatch.setattr(model, "override_translatable_fields", [], raising=False)
    defaults = {field.field_name: kind(field) for field in get_translatable_fields(model)}

    restated = [f.field_name for f in overrides if defaults.get(f.field_name) == kind(f)]
    assert restated == []
