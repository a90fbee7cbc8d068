from .filters import PlanFilterForm, PlanListFilterForm
from .plan import ActionForm, PlanCloseForm, PlanImportForm, ProgressCorrectionForm, ProgressUpdateForm
from .recommendation import RecommendationForm
from .review import PlanReviewForm

__all__ = [
    "ActionForm",
    "PlanCloseForm",
    "PlanFilterForm",
    "PlanImportForm",
    "PlanListFilterForm",
    "PlanReviewForm",
    "ProgressCorrectionForm",
    "ProgressUpdateForm",
    "RecommendationForm",
]
