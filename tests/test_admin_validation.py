"""Bad input in the page editor gives a clear error on the field and saves nothing."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wagtail_integration.models import (
    ConceptPhasePage,
    IntegrationConceptPage,
    MeasurePage,
    PhaseMilestone,
    WorkingGroupPage,
)

from .factories import make_concept, make_group, make_measure, make_phase

pytestmark = pytest.mark.django_db


def add_page(client, model, parent, data: dict):
    url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )
    return client.post(url, nested_form_data(data))


def phase_data(**overrides) -> dict:
    data = {
        "title": "Phase 3",
        "slug": "phase-3",
        "summary": "",
        "body": streamfield([]),
        "number": "3",
        "status": "planned",
        "start_date": "",
        "end_date": "",
        "milestones": inline_formset([]),
    }
    data.update(overrides)
    return data


def measure_data(**overrides) -> dict:
    data = {
        "title": "A measure",
        "slug": "a-measure",
        "summary": "",
        "body": streamfield([]),
        "documents": streamfield([]),
        "status": "planned",
        "progress": "",
        "start_date": "",
        "end_date": "",
        "responsible_body": "",
        "decision_body": "",
        "decision_date": "",
        "decision_reference": "",
        "decision_url": "",
    }
    data.update(overrides)
    return data


def field_errors(response, field: str) -> list[str]:
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_editor_can_create_a_phase_with_a_milestone(admin_client, home_page):
    concept = make_concept(home_page)
    milestone = {"date": "2015-11-19", "kind": "workshop", "title": "Kick-off", "place": ""}

    response = add_page(
        admin_client,
        ConceptPhasePage,
        concept,
        phase_data(start_date="2015-11-19", milestones=inline_formset([milestone])),
    )

    assert response.status_code == 302
    phase = ConceptPhasePage.objects.get(slug="phase-3")
    assert [m.title for m in phase.milestones.all()] == ["Kick-off"]


def test_phase_ending_before_it_starts_is_rejected(admin_client, home_page):
    concept = make_concept(home_page)

    response = add_page(
        admin_client,
        ConceptPhasePage,
        concept,
        phase_data(start_date="2015-11-19", end_date="2014-12-31"),
    )

    assert response.status_code == 200
    assert field_errors(response, "end_date") == ["The end date cannot be before the start date."]
    assert not ConceptPhasePage.objects.filter(slug="phase-3").exists()


def test_milestone_without_a_date_is_rejected(admin_client, home_page):
    concept = make_concept(home_page)
    milestone = {"date": "", "kind": "workshop", "title": "Kick-off", "place": ""}

    response = add_page(
        admin_client, ConceptPhasePage, concept, phase_data(milestones=inline_formset([milestone]))
    )

    assert response.status_code == 200
    formset = response.context["form"].formsets["milestones"]
    assert formset.forms[0].errors["date"] == ["This field is required."]
    assert not ConceptPhasePage.objects.filter(slug="phase-3").exists()
    assert not PhaseMilestone.objects.exists()


@pytest.mark.parametrize("progress", ["101", "-1", "fifty"])
def test_progress_outside_0_to_100_is_rejected(admin_client, home_page, progress):
    group = make_group(make_phase(make_concept(home_page)))

    response = add_page(admin_client, MeasurePage, group, measure_data(progress=progress))

    assert response.status_code == 200
    assert field_errors(response, "progress")
    assert not MeasurePage.objects.exists()


def test_measure_ending_before_it_starts_is_rejected(admin_client, home_page):
    group = make_group(make_phase(make_concept(home_page)))

    response = add_page(
        admin_client,
        MeasurePage,
        group,
        measure_data(start_date="2020-01-01", end_date="2019-01-01"),
    )

    assert response.status_code == 200
    assert field_errors(response, "end_date")
    assert not MeasurePage.objects.exists()


def test_working_group_needs_a_goal_to_be_published(admin_client, home_page):
    """Wagtail lets a draft lack required fields; publishing it does not."""

    phase = make_phase(make_concept(home_page))
    data = {
        "title": "Health and care",
        "slug": "health",
        "goal": "",
        "description": rich_text(""),
        "lead": "",
        "contact_name": "",
        "contact_email": "not-an-address",
        "members": inline_formset([]),
        "action-publish": "action-publish",
    }

    response = add_page(admin_client, WorkingGroupPage, phase, data)

    assert response.status_code == 200
    assert field_errors(response, "goal") == ["This field is required."]
    assert field_errors(response, "contact_email")
    assert not WorkingGroupPage.objects.exists()


def test_page_types_are_only_allowed_in_their_place(home_page):
    concept = make_concept(home_page)
    phase = make_phase(concept)
    group = make_group(phase)

    assert IntegrationConceptPage.can_create_at(home_page)
    assert ConceptPhasePage.can_create_at(concept)
    assert not ConceptPhasePage.can_create_at(home_page)
    assert WorkingGroupPage.can_create_at(phase)
    assert not WorkingGroupPage.can_create_at(concept)
    assert MeasurePage.can_create_at(group)
    assert MeasurePage.can_create_at(phase)
    assert not MeasurePage.can_create_at(concept)


def test_edit_views_of_every_page_type_render_with_tabs(admin_client, home_page):
    concept = make_concept(home_page)
    phase = make_phase(concept)
    group = make_group(phase)
    measure = make_measure(group)
    for page in [concept, phase, group, measure]:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        assert b'role="tablist"' in response.content
