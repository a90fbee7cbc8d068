from .filters import PlanFilterForm, PlanListFilterForm
from .plan import ActionForm, PlanCloseForm, PlanImportForm, ProgressUpdateForm
from .recommendation import RecommendationForm
from .review import PlanReviewForm

__all__ = [
    "ActionForm",
    "PlanCloseForm",
    "PlanFilterForm",
    "PlanImportForm",
    "PlanListFilterForm",
    "PlanReviewForm",
    "ProgressUpdateForm",
    "RecommendationForm",
]
