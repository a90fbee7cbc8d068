from .assessment import AreaRating, Assessment, Evidence, ThemeSummary
from .factual import FactualComment
from .framework import FrameworkVersion, PerformanceArea, RatingLevel, Theme

__all__ = [
    "AreaRating",
    "Assessment",
    "Evidence",
    "FactualComment",
    "FrameworkVersion",
    "PerformanceArea",
    "RatingLevel",
    "Theme",
    "ThemeSummary",
]
