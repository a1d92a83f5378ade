"""Keep each measure's working group and phase right when pages move in the tree."""

from wagtail.signals import post_page_move


def relocate_measures(sender, instance, **kwargs) -> None:
    """After a move, set the group and phase of every measure in the moved branch."""
    from .models import MeasurePage

    for measure in MeasurePage.objects.descendant_of(instance, inclusive=True):
        measure.locate_in_tree()
        MeasurePage.objects.filter(pk=measure.pk).update(
            working_group_id=measure.working_group_id, phase_id=measure.phase_id
        )


def register_signal_handlers() -> None:
    post_page_move.connect(relocate_measures, dispatch_uid="wagtail_integration.relocate_measures")
