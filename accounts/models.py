from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users sign in by email address; one is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # Sign-in by email is case-insensitive: people type their address in many ways.
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address.

    Roles: administrators are staff (Django admin); assessors work for The National Archives
    and see every department; everyone else takes their role from their department memberships.
    """

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150)
    is_assessor = models.BooleanField(
        "assessor", default=False, help_text="Works for The National Archives and may assess any department."
    )
    is_staff = models.BooleanField(
        "administrator", default=False, help_text="Manages departments, people and frameworks in the admin site."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


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


class Membership(models.Model):
    """A person's role in one department."""

    class Role(models.TextChoices):
        KIM_LEAD = "kim_lead", "KIM lead"
        CONTRIBUTOR = "contributor", "Department contributor"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    job_title = models.CharField(max_length=150, blank=True, help_text="For example Departmental Records Officer.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["department__name", "role", "user__full_name"]
        constraints = [models.UniqueConstraint(fields=["user", "department"], name="membership_one_per_department")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.department}"


class PasswordResetRequest(models.Model):
    """One request for a password-reset email, kept a day so requests can be throttled per account and
    per address across every server process (accounts/throttling.py)."""

    email = models.EmailField()
    address = models.GenericIPAddressField(null=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["email", "requested_at"]), models.Index(fields=["address", "requested_at"])]

    def __str__(self):
        return f"{self.email} from {self.address} at {self.requested_at:%Y-%m-%d %H:%M}"
