"""Admin additions of the feedback app: one submission's page, deleting, the audit log; and
the published suggestions that the content app's measure pages show."""

from django.urls import include, path
from wagtail import hooks

from wagtail_integration import linked_suggestions

from . import admin_views, delete_views, public_suggestions
from .audit_log import (
    HANDLING_ACTIONS,
    RESIDENT_DELETION_ACTION,
    STATUS_CHANGE_ACTION,
    ResidentDeletionFormatter,
    StatusChangeFormatter,
)

admin_urlpatterns = [
    path(
        "feedback/<int:submission_id>/",
        admin_views.SubmissionView.as_view(),
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


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(STATUS_CHANGE_ACTION)(StatusChangeFormatter)
    actions.register_action(RESIDENT_DELETION_ACTION)(ResidentDeletionFormatter)
    for action, formatter in HANDLING_ACTIONS.items():
        actions.register_action(action)(formatter)


@hooks.register(linked_suggestions.HOOK_NAME)
def suggestions_for_measures(keys):
    return public_suggestions.suggestions_for_measures(keys)
