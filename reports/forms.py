from crispy_forms_gds.layout import Field, Size, Submit
from django import forms
from django.conf import settings
from django.utils import timezone

from common.fields import GovDateField
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


class PublicReleaseForm(forms.Form):
    """Publishing an issued report on the public site: when, the department's consent, and what is withheld."""

    released_on = GovDateField(
        noun="date it appears on the public site",
        label="Date it appears on the public site",
        help_text="The public site lists the report from this date. For example, 27 3 2025",
    )
    consent_given_by = forms.CharField(
        label="Who agreed to publication for the department?",
        help_text="Their name and role, for example Jane Smith, Departmental Records Officer.",
        max_length=200,
        error_messages={
            "required": "Enter who agreed to publication for the department",
            "max_length": "Who agreed must be 200 characters or fewer",
        },
    )
    consent_given_on = GovDateField(
        noun="date the department agreed",
        label="When did they agree?",
        help_text="For example, 27 3 2025",
    )
    consent_how = forms.CharField(
        label="How did they agree?",
        help_text="For example, by email to the assessment team.",
        max_length=300,
        error_messages={
            "required": "Enter how the department agreed to publication",
            "max_length": "How they agreed must be 300 characters or fewer",
        },
    )
    withheld_sections = forms.MultipleChoiceField(
        label="Sections to withhold from the public site",
        help_text=(
            "Leave all unticked to publish the whole report. "
            "A report with a withheld section has no PDF on the public site."
        ),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Select only sections of this report"},
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["released_on"].initial = timezone.localdate()
        self.fields["withheld_sections"].choices = sections
        self.helper = form_helper(
            Field("released_on", context={"legend_size": Size.for_legend(Size.MEDIUM)}),
            Field.text("consent_given_by", label_size=Size.MEDIUM),
            Field("consent_given_on", context={"legend_size": Size.for_legend(Size.MEDIUM)}),
            Field.text("consent_how", label_size=Size.MEDIUM),
            Field.checkboxes("withheld_sections", legend_size=Size.MEDIUM),
            form_tag=False,
        )


class PublicWithdrawForm(forms.Form):
    notice = forms.CharField(
        label="Withdrawal notice",
        help_text="The public page shows this in place of the report, for example why it was withdrawn.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={
            "required": "Enter the notice the public site will show in place of the report",
            "max_length": "The notice must be 2,000 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("notice", label_size=Size.MEDIUM, label_tag="h2"), form_tag=False)
