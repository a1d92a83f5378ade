"""The public models of the content app, one module per concept.

The feedback form's models live in the feedback app, ``wagtail_integration.feedback.models``.
"""

from .concept import IntegrationConceptPage
from .groups import WorkingGroupMember, WorkingGroupPage
from .history import MeasureHistoryEntry
from .imports import IndicatorValuesImport, MeasureImport
from .indicators import Indicator, IndicatorDirection, IndicatorUnit, IndicatorValue
from .measures import MeasurePage, MeasureStatus
from .open_data import OpenDataSettings
from .phases import ConceptPhasePage, MilestoneKind, PhaseMilestone, PhaseStatus

__all__ = [
    "ConceptPhasePage",
    "Indicator",
    "IndicatorDirection",
    "IndicatorUnit",
    "IndicatorValue",
    "IndicatorValuesImport",
    "IntegrationConceptPage",
    "MeasureHistoryEntry",
    "MeasureImport",
    "MeasurePage",
    "MeasureStatus",
    "MilestoneKind",
    "OpenDataSettings",
    "PhaseMilestone",
    "PhaseStatus",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
