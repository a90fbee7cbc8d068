from .assessment import AreaRating, Assessment, Evidence, ThemeSummary
from .framework import FrameworkVersion, PerformanceArea, RatingLevel, Theme

__all__ = [
    "AreaRating",
    "Assessment",
    "Evidence",
    "FrameworkVersion",
    "PerformanceArea",
    "RatingLevel",
    "Theme",
    "ThemeSummary",
]
