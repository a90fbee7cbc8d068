from django.db import models


class Department(models.Model):
    """A government department (or agency, or arm's-length body) that TNA assesses."""

    class Type(models.TextChoices):
        MINISTERIAL = "ministerial", "Ministerial department"
        NON_MINISTERIAL = "non_ministerial", "Non-ministerial department"
        AGENCY = "agency", "Executive agency"
        ARMS_LENGTH = "arms_length", "Arm's-length body"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, unique=True, help_text="For example DfE or HMRC.")
    slug = models.SlugField(max_length=60, unique=True)
    department_type = models.CharField("type", max_length=20, choices=Type.choices, default=Type.MINISTERIAL)
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
