from .department import Department
from .framework import FrameworkVersion, PerformanceArea, RatingLevel, Theme

__all__ = ["Department", "FrameworkVersion", "PerformanceArea", "RatingLevel", "Theme"]
