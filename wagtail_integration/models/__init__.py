"""The public models of the content app, one module per concept.

The feedback form's models live in the feedback app, ``wagtail_integration.feedback.models``.
"""

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
