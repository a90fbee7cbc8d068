from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AgendaItem,
    Attendance,
    DiscussionItem,
    GoodPracticeExcerpt,
    Meeting,
    MeetingAction,
    MeetingPaper,
    NetworkProfile,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class DiscussionItemInline(admin.StackedInline):
    model = DiscussionItem
    extra = 0
    readonly_fields = ["version"]  # the pages' optimistic locking (common.versions): counted, never typed


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["department"]


class MeetingActionInline(admin.StackedInline):
    model = MeetingAction
    extra = 0
    raw_id_fields = ["owner_user"]
    readonly_fields = ["version"]


class MeetingPaperInline(admin.TabularInline):
    # Papers are uploaded through the service's checks, never through the admin site.
    model = MeetingPaper
    extra = 0
    fields = ["title", "original_filename", "content_type", "size", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "title", "status", "location"]
    list_filter = ["status"]
    date_hierarchy = "date"
    search_fields = ["title", "discussion_items__title"]
    readonly_fields = [
        "sequence",
        "version",
        "attendance_version",
        "created_by",
        "updated_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AgendaItemInline, DiscussionItemInline, AttendanceInline, MeetingActionInline, MeetingPaperInline]


@admin.register(GoodPracticeExcerpt)
class GoodPracticeExcerptAdmin(SimpleHistoryAdmin):
    list_display = ["rating", "approved_by", "approved_at"]
    # Written and approved on the service's pages, which withdraw approval when the words change.
    readonly_fields = ["rating", "excerpt", "written_by", "approved_by", "approved_at", "version"]

    def has_add_permission(self, request):
        return False


@admin.register(NetworkProfile)
class NetworkProfileAdmin(admin.ModelAdmin):
    list_display = ["chair_label", "contact_email"]

    def has_add_permission(self, request):
        return not NetworkProfile.objects.exists()
