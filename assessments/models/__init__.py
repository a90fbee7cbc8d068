from .assessment import AreaRating, Assessment, Evidence, ThemeSummary
from .department import Department
from .framework import FrameworkVersion, PerformanceArea, RatingLevel, Theme, normalise_name

__all__ = [
    "AreaRating",
    "Assessment",
    "Department",
    "Evidence",
    "FrameworkVersion",
    "PerformanceArea",
    "RatingLevel",
    "Theme",
    "ThemeSummary",
    "normalise_name",
]
