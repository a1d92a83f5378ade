from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_integration.api.v2 import PagesAPIViewSet

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    # The package's own API, as a Wagtail 7.4 site mounts it.
    path("api/standalone/", include("wagtail_integration.api.urls")),
]
if settings.WAGTAIL_HAS_API_V3:
    from wagtail.api.v3.urls import api as api_v3

    urlpatterns.append(path("api/v3/", api_v3.urls))

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
