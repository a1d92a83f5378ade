"""The test suite's URLs, and Wagtail's stock API v2 pages endpoint for the baseline."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from tests.urls import urlpatterns as test_urlpatterns

stock_api = WagtailAPIRouter("stockapi")
stock_api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2-stock/", stock_api.urls), *test_urlpatterns]
