from .next_steps import NextStep
from .plan import Action, ActionPlan, ProgressUpdate
from .recommendation import Recommendation
from .reminder import ReminderLog
from .review import ActionComment, PlanReview

__all__ = [
    "Action",
    "ActionComment",
    "ActionPlan",
    "NextStep",
    "PlanReview",
    "ProgressUpdate",
    "Recommendation",
    "ReminderLog",
]
