"""Admin additions of the feedback app: the view of one submission, deleting submissions."""

from django.urls import include, path
from wagtail import hooks

from . import admin_views, delete_views

admin_urlpatterns = [
    path(
        "feedback/<int:submission_id>/",
        admin_views.submission_detail,
        name="feedback_submission",
    ),
    path(
        "feedback/form/<int:page_id>/delete/",
        delete_views.DeleteFeedbackSubmissionsView.as_view(),
        name="feedback_delete_submissions",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("integration/", include((admin_urlpatterns, "wagtail_integration_feedback")))]
