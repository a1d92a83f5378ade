"""Keep derived data right: measures' group and phase on moves, cached locale codes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.signals import post_page_move

from .i18n import forget_language_codes


def relocate_measures(sender, instance, **kwargs) -> None:
    """After a move, set the group and phase of every measure in the moved branch."""
    from .models import MeasurePage

    for measure in MeasurePage.objects.descendant_of(instance, inclusive=True):
        measure.locate_in_tree()
        MeasurePage.objects.filter(pk=measure.pk).update(
            working_group_id=measure.working_group_id, phase_id=measure.phase_id
        )


def register_signal_handlers() -> None:
    for signal in (post_save, post_delete):
        signal.connect(forget_language_codes, sender=Locale, dispatch_uid=f"wi-locale-{signal}")
    post_page_move.connect(relocate_measures, dispatch_uid="wagtail_integration.relocate_measures")
