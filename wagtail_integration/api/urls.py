"""The feedback API under its own django-ninja API, for sites without Wagtail's API v3.

On Wagtail 7.4::

    path("api/", include("wagtail_integration.api.urls")),

serves ``/api/integration/feedback/{page_id}/`` and the schema at ``/api/openapi.json``.
On Wagtail 8 the same operations are part of Wagtail's API v3 already.
"""

from django.urls import path
from ninja import NinjaAPI

from .. import __version__
from .router import router

api = NinjaAPI(
    title="wagtail-integration API",
    version=__version__,
    description="Measures and the feedback form of wagtail-integration.",
    urls_namespace="wagtail_integration_api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
api.add_router("/integration/", router)

urlpatterns = [path("", api.urls)]
