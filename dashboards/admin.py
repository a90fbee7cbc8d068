from django.contrib import admin

from assessments.models import PerformanceArea

from .models import AreaMapping


@admin.register(AreaMapping)
class AreaMappingAdmin(admin.ModelAdmin):
    """Administrators say which areas of two framework versions are the same thing, so trends can cross them."""

    list_display = ["from_area", "from_framework", "to_area", "to_framework", "note"]
    list_filter = ["from_area__theme__framework", "to_area__theme__framework"]
    search_fields = ["from_area__name", "to_area__name", "note"]
    list_select_related = ["from_area__theme__framework", "to_area__theme__framework"]

    @admin.display(description="From framework")
    def from_framework(self, obj):
        return obj.from_area.theme.framework

    @admin.display(description="To framework")
    def to_framework(self, obj):
        return obj.to_area.theme.framework

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("from_area", "to_area"):
            kwargs["queryset"] = PerformanceArea.objects.select_related("theme__framework").order_by(
                "theme__framework__in_use_from", "theme__number", "number"
            )
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name in ("from_area", "to_area"):
            field.label_from_instance = lambda area: f"{area.theme.framework.name}: {area.reference} {area.name}"
        return field
