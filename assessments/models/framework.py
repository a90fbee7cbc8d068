"""The IMA performance framework as versioned data: themes → performance areas, and a rating scale."""

from django.db import models


class FrameworkVersion(models.Model):
    slug = models.SlugField(max_length=40, unique=True, help_text="Stable identifier, e.g. ima-2013.")
    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    in_use_from = models.PositiveSmallIntegerField(null=True, blank=True, help_text="First year of use.")
    in_use_to = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Last year of use, if retired.")
    is_current = models.BooleanField(default=False, help_text="New assessments use the current version.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_current", "-in_use_from", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_framework"
            )
        ]

    def __str__(self):
        return self.name


class Theme(models.Model):
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=150)
    alternative_name = models.CharField(max_length=150, blank=True, help_text="Another published name.")

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="theme_number_unique"),
            models.UniqueConstraint(fields=["framework", "name"], name="theme_name_unique"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class PerformanceArea(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="areas")
    key = models.SlugField(max_length=60, help_text="Stable identifier within the framework version.")
    number = models.PositiveSmallIntegerField(help_text="Position within the theme (1, 2, …).")
    name = models.CharField(max_length=150)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["theme__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="area_number_unique"),
            models.UniqueConstraint(fields=["theme", "key"], name="area_key_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def reference(self):
        """Numbered as in the framework, e.g. 3.4 for Measuring impact."""
        return f"{self.theme.number}.{self.number}"


class RatingLevel(models.Model):
    """One step of a framework's rating scale; position 1 is the lowest."""

    framework = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="levels")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=80)
    abbreviation = models.CharField(max_length=8)
    descriptor = models.TextField(blank=True, help_text="What this level looks like; shown as a hint to raters.")
    colour = models.CharField(max_length=7, default="#b1b4b6", help_text="Hex colour, used only beside the words.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "position"], name="level_position_unique"),
            models.UniqueConstraint(fields=["framework", "name"], name="level_name_unique"),
            models.CheckConstraint(condition=models.Q(position__gte=1), name="level_position_positive"),
        ]

    def __str__(self):
        return self.name
