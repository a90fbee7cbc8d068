from crispy_forms_gds.layout import Field, Size, Submit
from django import forms

from actionplans.choices import Priority
from assessments.models import PerformanceArea
from common.forms import VersionedForm, form_helper
from common.widgets import Textarea


class RecommendationForm(VersionedForm):
    """Adding a recommendation (no version) or changing one (a stale save shows the other assessor's version)."""

    conflict_fields = {"Recommendation": "text", "Priority": "get_priority_display", "Performance area": "area"}

    text = forms.CharField(
        label="Recommendation",
        max_length=5000,
        widget=Textarea,
        help_text="What the department should do, as it will appear in the report and the action plan.",
        error_messages={
            "required": "Enter the recommendation",
            "max_length": "The recommendation must be 5000 characters or fewer",
        },
    )
    priority = forms.ChoiceField(
        label="Priority",
        choices=Priority.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a priority", "invalid_choice": "Select a priority"},
    )
    area = forms.ModelChoiceField(
        label="Performance area (optional)",
        queryset=PerformanceArea.objects.none(),
        required=False,
        empty_label="Not about one performance area",
        error_messages={"invalid_choice": "Select a performance area from the list"},
    )

    def __init__(self, *args, assessment, recommendation=None, submit_label="Save recommendation", **kwargs):
        super().__init__(*args, **kwargs)
        if recommendation is None:
            del self.fields["version"]
        self.fields["area"].queryset = (
            PerformanceArea.objects.filter(theme__framework_id=assessment.framework_id)
            .select_related("theme")
            .order_by("theme__number", "number")
        )
        self.fields["area"].label_from_instance = lambda area: f"{area.reference} {area.name}"
        self.helper = form_helper(
            Field.textarea("text", rows=6),
            Field.radios("priority", legend_size=Size.SMALL, inline=True),
            Field.select("area"),
            *(["version"] if recommendation is not None else []),
            Submit("submit", submit_label),
        )
