"""Publishing, unpublishing or moving a page purges, through Wagtail's frontend cache, the
page and every page of the package that lists it."""

import pytest

from . import frontend_cache_backends
from .factories import make_concept, make_group, make_measure, make_phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontend_cache_backends.RecordingBackend"}
    }
    frontend_cache_backends.PURGED.clear()
    yield frontend_cache_backends.PURGED
    frontend_cache_backends.PURGED.clear()


@pytest.fixture
def tree(home_page) -> dict:
    concept = make_concept(home_page, slug="konzept")
    phase = make_phase(concept, slug="phase-2")
    work, language = make_group(phase, slug="arbeit"), make_group(phase, slug="sprache")
    return {
        "concept": concept,
        "phase": phase,
        "work": work,
        "language": language,
        "measure": make_measure(work, slug="stellenanzeigen"),
    }


CONCEPT_PATHS = (
    "/konzept/",
    "/konzept/measures/",
    "/konzept/measures/csv/",
    "/konzept/measures/json/",
    "/konzept/measures/datapackage/",
    "/konzept/indicators/csv/",
    "/konzept/indicators/json/",
)


def urls(*paths: str) -> set[str]:
    return {f"http://localhost{path}" for path in paths}


def test_publishing_a_measure_purges_it_and_its_group_phase_and_concept(tree, purged):
    tree["measure"].save_revision().publish()

    assert set(purged) == urls(
        "/konzept/phase-2/arbeit/stellenanzeigen/",
        "/konzept/phase-2/arbeit/",
        "/konzept/phase-2/",
        *CONCEPT_PATHS,  # the concept with its overview and open data
    )


def test_unpublishing_a_group_purges_it_and_its_phase_and_concept(tree, purged):
    tree["work"].unpublish()

    assert urls("/konzept/phase-2/arbeit/", "/konzept/phase-2/", "/konzept/") <= set(purged)
    assert urls("/konzept/phase-2/sprache/").isdisjoint(purged)


def test_moving_a_measure_purges_the_group_it_left_and_the_one_it_joined(tree, purged):
    tree["measure"].move(tree["language"], pos="last-child")

    assert urls(
        "/konzept/phase-2/arbeit/", "/konzept/phase-2/sprache/", "/konzept/phase-2/", "/konzept/"
    ) <= set(purged)


def test_publishing_the_concept_purges_only_the_concept_and_its_sub_pages(tree, purged):
    tree["concept"].save_revision().publish()

    assert set(purged) == urls(*CONCEPT_PATHS)
