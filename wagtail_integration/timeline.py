"""The concept's phases and milestones along time, with today marked: the data of the phase
timeline on the concept page (rendered as an ordered list; the line is drawn by CSS)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

# A phase shows its latest milestones on the concept page; its own page shows all of them.
MILESTONES_PER_PHASE = 8


@dataclass
class TimelinePhase:
    """A phase with the milestones shown for it, and whether today falls into it."""

    phase: object
    is_current: bool
    milestones: list = field(default_factory=list)
    more_milestones: int = 0
    # Where "today" goes among the milestones (their index), or None when not in this phase.
    today_position: int | None = None


@dataclass
class Timeline:
    phases: list[TimelinePhase]
    today: date
    # Where "today" goes among the phases when it falls into none of them (their index).
    today_between: int | None = None


def _contains(phase, day: date) -> bool:
    start, end = phase.start_date, phase.end_date
    return bool(start or end) and (start is None or start <= day) and (end is None or day <= end)


def phase_timeline(phases: list, current_phase, milestones: QuerySet, today: date) -> Timeline:
    """The timeline of `phases` (in their order) with `milestones` (of those phases, in date
    order; read in one query) and `today`."""
    by_phase: dict[int, list] = {phase.pk: [] for phase in phases}
    for milestone in milestones:
        by_phase.setdefault(milestone.page_id, []).append(milestone)
    items = []
    today_placed = False
    for phase in phases:
        shown = by_phase.get(phase.pk, [])
        more = max(0, len(shown) - MILESTONES_PER_PHASE)
        shown = shown[more:]  # the latest ones
        item = TimelinePhase(
            phase=phase,
            is_current=current_phase is not None and phase.pk == current_phase.pk,
            milestones=shown,
            more_milestones=more,
        )
        if not today_placed and _contains(phase, today):
            item.today_position = sum(1 for m in shown if m.date <= today)
            today_placed = True
        items.append(item)
    timeline = Timeline(phases=items, today=today)
    if not today_placed and phases:
        # Between phases (or after the last): before the first phase that starts later.
        later = [
            index
            for index, item in enumerate(items)
            if item.phase.start_date and item.phase.start_date > today
        ]
        timeline.today_between = later[0] if later else len(items)
    return timeline
