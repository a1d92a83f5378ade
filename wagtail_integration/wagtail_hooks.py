"""Admin additions: the view of one feedback submission."""

from django.urls import include, path
from wagtail import hooks

from .feedback import admin_views

admin_urlpatterns = [
    path(
        "feedback/<int:submission_id>/",
        admin_views.submission_detail,
        name="feedback_submission",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("integration/", include((admin_urlpatterns, "wagtail_integration")))]
