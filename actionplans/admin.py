from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, ActionPlan, PlanReview, ProgressUpdate, Recommendation, ReminderLog


class ReadOnlyAdmin(admin.ModelAdmin):
    """Plans change only through their services (who may, from which state, with history and emails)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["label", "assessment", "priority", "status"]
    list_filter = ["status", "priority"]
    search_fields = ["text", "assessment__department__name"]
    list_select_related = ["assessment__department"]


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["assessment", "status", "changed_since_accepted", "accepted_at"]
    list_filter = ["status", "changed_since_accepted"]
    search_fields = ["assessment__department__name"]
    list_select_related = ["assessment__department"]


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ["label", "plan", "owner_text", "due_date", "status"]
    list_filter = ["status", "priority"]
    search_fields = ["description", "owner_text"]
    list_select_related = ["recommendation", "plan__assessment__department"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAdmin):
    list_display = ["action", "date", "author", "status_to"]
    list_select_related = ["action__recommendation", "author"]


@admin.register(PlanReview)
class PlanReviewAdmin(ReadOnlyAdmin):
    list_display = ["plan", "decision", "reviewer", "created_at"]
    list_select_related = ["plan__assessment__department", "reviewer"]


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyAdmin):
    list_display = ["action", "reason", "sent_on", "recipients"]
    list_filter = ["reason", "sent_on"]
    list_select_related = ["action__recommendation"]
