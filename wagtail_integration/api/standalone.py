"""The package's own django-ninja API, for sites without Wagtail's API v3 (Wagtail 7.4).

Each app of the package adds its router in its ``ready()`` (``mount.mount_router``); the URLs
(``wagtail_integration.api.urls``) are read later, when the host's URLconf loads.
"""

from ninja import NinjaAPI

from .. import __version__

api = NinjaAPI(
    title="wagtail-integration API",
    version=__version__,
    description="Measures and the feedback form of wagtail-integration.",
    urls_namespace="wagtail_integration_api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
