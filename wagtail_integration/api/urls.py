"""The URLs of the package's own API, for sites without Wagtail's API v3 (Wagtail 7.4).

On Wagtail 7.4::

    path("api/", include("wagtail_integration.api.urls")),

serves ``/api/integration/measures/`` (and, with the feedback app,
``/api/integration/feedback/{page_id}/``) and the schema at ``/api/openapi.json``. On Wagtail 8
the same operations are part of Wagtail's API v3 already.
"""

from django.urls import path

from .standalone import api

urlpatterns = [path("", api.urls)]
