"""The public models of wagtail_integration, one module per concept."""

from .concept import IntegrationConceptPage
from .feedback import FeedbackFormField, FeedbackFormPage, FeedbackStatus, FeedbackSubmission
from .groups import WorkingGroupMember, WorkingGroupPage
from .measures import MeasurePage, MeasureStatus
from .phases import ConceptPhasePage, MilestoneKind, PhaseMilestone, PhaseStatus
from .settings import FeedbackSettings

__all__ = [
    "ConceptPhasePage",
    "FeedbackFormField",
    "FeedbackFormPage",
    "FeedbackSettings",
    "FeedbackStatus",
    "FeedbackSubmission",
    "IntegrationConceptPage",
    "MeasurePage",
    "MeasureStatus",
    "MilestoneKind",
    "PhaseMilestone",
    "PhaseStatus",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
