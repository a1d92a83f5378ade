"""Keep the tree right after the feedback form page is published in a translated subtree, and
the page cache right when the feedback settings change (the form keeps them there)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from wagtail_integration import page_cache
from wagtail_integration.signal_handlers import repair_child_counts_after_publish


def register_signal_handlers() -> None:
    from .models import FeedbackFormPage, FeedbackSettings

    page_published.connect(
        repair_child_counts_after_publish,
        sender=FeedbackFormPage,
        dispatch_uid="wagtail_integration_feedback.repair_child_counts",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            page_cache.invalidate,
            sender=FeedbackSettings,
            dispatch_uid=f"wagtail_integration_feedback.page_cache.{signal}",
        )
