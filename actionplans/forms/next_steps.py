from crispy_forms_gds.layout import Field, Size, Submit
from django import forms

from actionplans.services.next_steps import MAX_TEXT
from common.forms import VersionedForm, form_helper
from common.widgets import Textarea


class RecommendationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, recommendation):
        text = recommendation.text if len(recommendation.text) <= 80 else recommendation.text[:79] + "…"
        return f"{recommendation.full_label}: {text}"


class NextStepForm(VersionedForm):
    """Adding an item (no version) or changing one (a stale save shows the other assessor's version)."""

    conflict_fields = {"Next step": "text", "Recommendation it follows up": "recommendation"}

    text = forms.CharField(
        label="What should the department focus on?",
        max_length=MAX_TEXT,
        widget=Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the next step",
            "max_length": f"The next step must be {MAX_TEXT:,} characters or fewer",
        },
    )
    recommendation = RecommendationChoiceField(
        label="Recommendation it follows up (optional)",
        queryset=None,
        required=False,
        empty_label="None",
        error_messages={"invalid_choice": "Select a recommendation from the list"},
    )

    def __init__(self, *args, recommendations, submit_label, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].queryset = recommendations
        if not editing:
            del self.fields["version"]
        self.helper = form_helper(
            Field.textarea("text", label_size=Size.SMALL),
            Field.select("recommendation", label_size=Size.SMALL),
            *(["version"] if editing else []),
            Submit("save", submit_label),
        )


class SuggestionsForm(forms.Form):
    """The starting list: open recommendations of the baseline and of this report, to add as items."""

    recommendations = forms.MultipleChoiceField(
        label="Add items for these open recommendations",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one recommendation to add",
            "invalid_choice": "Select recommendations from the list",
        },
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = {str(item.recommendation.pk): item.recommendation for item in suggestions}
        self.fields["recommendations"].choices = [(str(item.recommendation.pk), item.text) for item in suggestions]
        self.helper = form_helper(
            Field.checkboxes("recommendations", legend_size=Size.SMALL, small=True),
            Submit("add_suggested", "Add the chosen items", css_class="govuk-button--secondary"),
        )

    def chosen(self):
        return [self.suggestions[pk] for pk in self.cleaned_data["recommendations"]]
