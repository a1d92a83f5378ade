"""Keep the tree right after the feedback form page is published in a translated subtree, and
the page cache right when the feedback settings change (the form keeps them there) or a
published suggestion is deleted."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published

from wagtail_integration import page_cache
from wagtail_integration.signal_handlers import repair_child_counts_after_publish


def forget_deleted_publication(sender, instance, **kwargs) -> None:
    """pre_delete of a submission (by an editor, its resident or the purge): a published one
    leaves the public list and its measures' pages."""
    if instance.is_public:
        from .public_suggestions import forget_published

        forget_published(instance.page, list(instance.measures.all()))


def register_signal_handlers() -> None:
    from .models import FeedbackFormPage, FeedbackSettings, FeedbackSubmission

    pre_delete.connect(
        forget_deleted_publication,
        sender=FeedbackSubmission,
        dispatch_uid="wagtail_integration_feedback.forget_deleted_publication",
    )

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
