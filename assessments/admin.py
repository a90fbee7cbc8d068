from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AreaRating, Assessment, Evidence, FrameworkVersion, PerformanceArea, RatingLevel, Theme
from .selectors.framework import framework_is_in_use


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


class AreaRatingInline(admin.TabularInline):
    model = AreaRating
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["area", "self_rating", "is_complete", "assessor_rating", "version"]
    # Ratings change only through the services (state checks, stale-save protection, history).
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        # Every area exists from creation; adding or deleting one would break the framework's shape.
        return False


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["department", "assessment_type", "year", "status", "published_on"]
    list_filter = ["assessment_type", "status", "framework"]
    search_fields = ["department__name", "department__short_name"]
    list_select_related = ["department"]
    # What an assessment is (and what its ratings mean) never changes: its areas follow its framework, and
    # one assessment per department, type and year is what imports and comparisons rely on.
    identity_fields = ["department", "assessment_type", "year", "framework", "baseline"]
    readonly_fields = [
        *identity_fields,
        "status",
        "created_by",
        "submitted_at",
        "published_at",
        "published_by",
        "created_at",
        "updated_at",
        # The pages' optimistic locking (common.versions): counted by the services, never typed.
        "details_version",
        "background_version",
        "key_findings_version",
        "next_steps_text_version",
        "commitment_version",
        "share_good_practice_version",
    ]
    inlines = [AreaRatingInline]

    def has_add_permission(self, request):
        # Assessments are opened, started or imported through the services, which create every area's row.
        return False

    def has_change_permission(self, request, obj=None):
        # A published assessment is the record of what TNA published: a correction is a new issued version.
        if obj is not None and obj.status == Assessment.Status.PUBLISHED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Published assessments are the record of what TNA found.
        if obj is not None and obj.status == Assessment.Status.PUBLISHED:
            return False
        return super().has_delete_permission(request, obj)


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["kind", "title", "original_filename", "url", "size", "uploaded_by", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        # Uploads go through the service, which checks the file's content.
        return False


@admin.register(AreaRating)
class AreaRatingAdmin(SimpleHistoryAdmin):
    list_display = ["assessment", "area", "self_rating", "assessor_rating", "is_complete", "version"]
    list_filter = ["assessment__status", "is_complete"]
    search_fields = ["assessment__department__name", "area__name"]
    list_select_related = ["assessment__department", "area", "self_rating", "assessor_rating"]
    inlines = [EvidenceInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # View only: a rating changes through the services, which check state and refuse stale saves.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "rating", "original_filename", "size", "uploaded_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["title", "original_filename", "url"]
    list_select_related = ["rating__assessment__department", "rating__area", "uploaded_by"]
    readonly_fields = [
        "rating",
        "kind",
        "file",
        "original_filename",
        "content_type",
        "size",
        "uploaded_by",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False
