from django.contrib import admin

from .models import Criterion, CriterionVersion, DirectorLetter, Round, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "department", "directorate", "director_name", "is_active")
    list_filter = ("department", "is_active")
    search_fields = ("name", "directorate", "director_name")
    raw_id_fields = ("contact",)


class CriterionVersionInline(admin.TabularInline):
    model = CriterionVersion
    extra = 0
    readonly_fields = ("number", "question", "evidence_guidance", "created_by", "created_at")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # a new wording goes through the KIM lead's page, which keeps the versions


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ("title", "department", "key", "is_active")
    list_filter = ("department",)
    inlines = [CriterionVersionInline]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("name", "department", "opens_on", "closes_on", "status", "shared_with_tna")
    list_filter = ("status", "shared_with_tna", "department")


@admin.register(DirectorLetter)
class DirectorLetterAdmin(admin.ModelAdmin):
    list_display = ("round", "director_name", "status", "finished_at")
    readonly_fields = ("snapshot",)
