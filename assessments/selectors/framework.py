from assessments.models import FrameworkVersion, PerformanceArea, RatingLevel, Theme


def framework_current():
    return FrameworkVersion.objects.filter(is_current=True).first()


def framework_is_in_use(framework):
    """In use = any assessment was made against it (those rows PROTECT it in the database too)."""
    related = getattr(framework, "assessments", None)
    return related is not None and related.exists()


def framework_areas(framework):
    """Performance areas in framework order, each with its theme (one query)."""
    return list(PerformanceArea.objects.filter(theme__framework=framework).select_related("theme"))


def framework_levels(framework):
    return list(RatingLevel.objects.filter(framework=framework))


def framework_themes(framework):
    """Themes in framework order (one query)."""
    return list(Theme.objects.filter(framework=framework).order_by("number"))
