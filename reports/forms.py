from crispy_forms_gds.layout import Field, Size, Submit
from django import forms
from django.conf import settings

from common.forms import form_helper
from common.widgets import Textarea

from .models import ReportKind
from .rules import kinds_for
from .services import REISSUE_NEEDS_REASON, marking_choices

CHOOSE_KIND = "Select which report to produce"
CHOOSE_MARKING = "Select a protective marking, or No marking"
CONFIRM_ISSUE = "Confirm that you have checked the report and want to issue it now"


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which report do you want?",
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_KIND, "invalid_choice": CHOOSE_KIND},
    )
    protective_marking = forms.ChoiceField(
        label="Protective marking",
        help_text="Printed at the top and bottom of every page.",
        required=False,
        error_messages={"invalid_choice": CHOOSE_MARKING},
    )

    def __init__(self, *args, assessment, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("protective_marking", settings.REPORTS_PROTECTIVE_MARKING)
        super().__init__(*args, **kwargs)
        kinds = kinds_for(assessment)
        self.fields["kind"].choices = [(kind, ReportKind(kind).label) for kind in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
        self.fields["protective_marking"].choices = [
            (marking, marking or "No marking") for marking in marking_choices()
        ]
        self.helper = form_helper(
            Field.radios("kind", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.select("protective_marking"),
            Submit("submit", "Produce the PDF"),
        )


class ReissueForm(forms.Form):
    """Issuing a new version of a published report: why (a correction, a fixed layout), recorded with it."""

    reason = forms.CharField(
        label="Why are you issuing a new version?",
        widget=Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text="For example, corrects the date of the fieldwork in the Background. The department sees this.",
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    protective_marking = forms.ChoiceField(
        label="Protective marking",
        help_text="Printed at the top and bottom of every page of the issued report.",
        required=False,
        error_messages={"invalid_choice": CHOOSE_MARKING},
    )
    # An issued version never changes and the department sees it at once: the assessor confirms first.
    confirmed = forms.BooleanField(
        label="I have checked the report and want to issue it now",
        error_messages={"required": CONFIRM_ISSUE},
    )

    def __init__(self, *args, reissue=False, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("protective_marking", settings.REPORTS_PROTECTIVE_MARKING)
        super().__init__(*args, **kwargs)
        self.reissue = reissue
        self.fields["protective_marking"].choices = [
            (marking, marking or "No marking") for marking in marking_choices()
        ]
        layout = [
            Field.select("protective_marking", label_size=Size.MEDIUM, label_tag="h2"),
            Field.checkbox("confirmed"),
        ]
        if reissue:
            layout.insert(0, Field.textarea("reason", label_size=Size.MEDIUM, label_tag="h2"))
        else:
            del self.fields["reason"]
        self.helper = form_helper(*layout, form_tag=False)

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.reissue and not reason:
            raise forms.ValidationError(REISSUE_NEEDS_REASON)
        return reason
