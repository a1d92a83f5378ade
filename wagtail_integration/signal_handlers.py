"""Keep derived data right: measures' group and phase on moves, cached locale codes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import post_page_move

from .i18n import forget_language_codes


def relocate_measures(sender, instance, parent_page_before, parent_page_after, **kwargs) -> None:
    """After a move to another parent, set the group and phase of the measures that moved.

    Only two moves change them: a measure's own, and a working group's to another phase.
    """
    from .models import MeasurePage, WorkingGroupPage

    if parent_page_before.pk == parent_page_after.pk:
        return  # reordered among its siblings
    if issubclass(sender, MeasurePage):
        measure = MeasurePage.objects.get(pk=instance.pk)
        measure.locate_in_tree()
        MeasurePage.objects.filter(pk=measure.pk).update(
            working_group_id=measure.working_group_id, phase_id=measure.phase_id
        )
    elif issubclass(sender, WorkingGroupPage):
        MeasurePage.objects.filter(working_group_id=instance.pk).update(
            phase_id=parent_page_after.pk
        )


def register_signal_handlers() -> None:
    for signal in (post_save, post_delete):
        signal.connect(forget_language_codes, sender=Locale, dispatch_uid=f"wi-locale-{signal}")
    post_page_move.connect(relocate_measures, dispatch_uid="wagtail_integration.relocate_measures")
