from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from . import two_factor
from .models import Department, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["full_name"]
    list_display = ["email", "full_name", "is_assessor", "is_staff", "is_active", "last_login"]
    list_filter = ["is_assessor", "is_staff", "is_active", "memberships__role"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    actions = ["reset_two_factor"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "password"]}),
        ("Roles", {"fields": ["is_assessor", "is_staff", "is_superuser", "is_active"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
        ("Roles", {"fields": ["is_assessor", "is_staff"]}),
    ]

    @admin.action(description="Reset two-factor authentication (lost phone)")
    def reset_two_factor(self, request, queryset):
        # Not one's own: where it is required that is refused (a 403 half-way through the list), and it is not
        # how anyone recovers a lost phone.
        others = [user for user in queryset if user != request.user]
        for user in others:
            two_factor.remove(user=user, by=request.user)
        self.message_user(
            request,
            f"Two-factor authentication reset for {len(others)} people. "
            "They set it up again at their next sign-in if their role requires it."
            + (" Your own was left as it is: another administrator resets it." if len(others) < len(queryset) else ""),
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "department", "role", "job_title"]
    list_filter = ["role", "department"]
    search_fields = ["user__email", "user__full_name", "department__name"]
    autocomplete_fields = ["user", "department"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "department_type", "is_active"]
    list_filter = ["department_type", "is_active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
