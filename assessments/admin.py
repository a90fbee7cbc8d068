from django.contrib import admin

from .models import Department, FrameworkVersion, PerformanceArea, RatingLevel, Theme
from .selectors.framework import framework_is_in_use


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "department_type", "is_active"]
    list_filter = ["department_type", "is_active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    show_change_link = True


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


class PerformanceAreaInline(admin.StackedInline):
    model = PerformanceArea
    extra = 0


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "in_use_from", "in_use_to", "is_current"]
    inlines = [RatingLevelInline, ThemeInline]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        # A version that assessments were made against is history: it cannot be deleted.
        if obj is not None and framework_is_in_use(obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "framework"]
    list_filter = ["framework"]
    inlines = [PerformanceAreaInline]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and framework_is_in_use(obj.framework):
            return False
        return super().has_delete_permission(request, obj)
