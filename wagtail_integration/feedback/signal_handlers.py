"""Keep the tree right after the feedback form page is published in a translated subtree."""

from wagtail.signals import page_published

from wagtail_integration.signal_handlers import repair_child_counts_after_publish


def register_signal_handlers() -> None:
    from .models import FeedbackFormPage

    page_published.connect(
        repair_child_counts_after_publish,
        sender=FeedbackFormPage,
        dispatch_uid="wagtail_integration_feedback.repair_child_counts",
    )
