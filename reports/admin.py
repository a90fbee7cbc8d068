from django.contrib import admin

from .models import IssuedReport, ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    """Read-only: jobs change state only through the worker and the services."""

    list_display = ["pk", "kind", "assessment", "status", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["assessment__department"]
    search_fields = ["assessment__department__name", "input_sha256", "content_sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(IssuedReport)
class IssuedReportAdmin(admin.ModelAdmin):
    """Read-only: an issued version never changes."""

    list_display = ["assessment", "kind", "version", "issued_by", "issued_at"]
    list_filter = ["kind"]
    list_select_related = ["assessment__department", "issued_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
