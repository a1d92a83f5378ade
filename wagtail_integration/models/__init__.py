"""The public models of wagtail_integration, one module per concept."""

from .concept import IntegrationConceptPage
from .groups import WorkingGroupMember, WorkingGroupPage
from .measures import MeasurePage, MeasureStatus
from .phases import ConceptPhasePage, MilestoneKind, PhaseMilestone, PhaseStatus

__all__ = [
    "ConceptPhasePage",
    "IntegrationConceptPage",
    "MeasurePage",
    "MeasureStatus",
    "MilestoneKind",
    "PhaseMilestone",
    "PhaseStatus",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
