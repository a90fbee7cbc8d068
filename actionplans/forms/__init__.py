from .filters import PlanFilterForm, PlanListFilterForm
from .plan import ActionForm, ConfirmForm, PlanCloseForm, PlanImportForm, ProgressUpdateForm
from .recommendation import RecommendationForm
from .review import PlanReviewForm

__all__ = [
    "ActionForm",
    "ConfirmForm",
    "PlanCloseForm",
    "PlanFilterForm",
    "PlanImportForm",
    "PlanListFilterForm",
    "PlanReviewForm",
    "ProgressUpdateForm",
    "RecommendationForm",
]
