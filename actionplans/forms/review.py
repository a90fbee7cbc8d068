from django import forms

from actionplans.choices import ReviewDecision
from common.forms import form_helper
from common.widgets import Textarea

DECISION_CHOICES = [
    (ReviewDecision.ACCEPTED, "Accept the plan"),
    (ReviewDecision.RETURNED, "Return it to the department for changes"),
]


def comment_field_name(action):
    return f"comment_{action.pk}"


class PlanReviewForm(forms.Form):
    """The assessor's decision, an overall comment and an optional comment per action.

    Rendered field by field in the template (the per-action fields sit beside each action)."""

    decision = forms.ChoiceField(
        label="Accept or return the plan",
        choices=DECISION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept the plan or return it"},
    )
    comment = forms.CharField(
        label="Overall comment",
        required=False,
        max_length=5000,
        widget=Textarea(attrs={"rows": 5}),
        help_text="Required when you return the plan: say what the department should change.",
        error_messages={"max_length": "The overall comment must be 5000 characters or fewer"},
    )

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for action in self.actions:
            self.fields[comment_field_name(action)] = forms.CharField(
                label=f"Comment on action {action.label} (optional)",
                required=False,
                max_length=2000,
                widget=Textarea(attrs={"rows": 2}),
                error_messages={"max_length": f"The comment on {action.label} must be 2000 characters or fewer"},
            )
        self.helper = form_helper(form_tag=False)

    def action_field(self, action):
        return self[comment_field_name(action)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == ReviewDecision.RETURNED and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", "Enter a comment saying what the department should change")
        return cleaned

    def action_comments(self):
        return {
            action.pk: self.cleaned_data.get(comment_field_name(action), "").strip()
            for action in self.actions
            if self.cleaned_data.get(comment_field_name(action), "").strip()
        }
