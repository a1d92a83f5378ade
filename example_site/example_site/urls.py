import importlib.util

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents import urls as wagtaildocs_urls

from home.views import healthz
from wagtail_integration.api.v2 import PagesAPIViewSet

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("healthz/", healthz),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2.urls),
    # A front-end that uses nothing but the APIs (static HTML and plain JavaScript).
    path("headless-demo/", TemplateView.as_view(template_name="headless_demo.html")),
]

if importlib.util.find_spec("wagtail.api.v3"):
    # Wagtail 8: the package's operations are part of Wagtail's API v3.
    from wagtail.api.v3.urls import api as api_v3

    urlpatterns.append(path("api/v3/", api_v3.urls))
else:
    # Wagtail 7.4: the package serves them under its own API.
    urlpatterns.append(path("api/", include("wagtail_integration.api.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The pages live under a language prefix (/de/, /ar/, ...); admin and documents do not.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
