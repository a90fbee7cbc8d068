"""Forms the assessor uses to write TNA's report: details, texts, the statement of commitment; and the
factual accuracy check's comment and resolution forms."""

import calendar

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone

from common.fields import GovDateField, PeopleChoiceField
from common.forms import VersionedForm, form_helper
from common.widgets import Textarea

MONTHS = [("", "Choose a month")] + [(str(number), calendar.month_name[number]) for number in range(1, 13)]
LONG_TEXT = 20000


def long_text(label, *, help_text="", required=False, noun):
    return forms.CharField(
        label=label,
        widget=Textarea,
        required=required,
        max_length=LONG_TEXT,
        help_text=help_text,
        error_messages={
            "required": f"Enter the {noun}",
            "max_length": f"The {noun} must be {LONG_TEXT:,} characters or fewer",
        },
    )


class ReportDetailsForm(VersionedForm):
    conflict_fields = {
        "Fieldwork started": "interviews_from",
        "Fieldwork ended": "interviews_to",
        "Where the fieldwork took place": "fieldwork_place",
        "Month assessed": "assessed_month_label",
        "The assessment team": "team",
        "The department's self-assessment": "self_assessment",
    }

    interviews_from = GovDateField(
        noun="date the fieldwork started", label="Fieldwork started", required=False, help_text="For example, 3 9 2015"
    )
    interviews_to = GovDateField(
        noun="date the fieldwork ended", label="Fieldwork ended", required=False, help_text="For example, 5 9 2015"
    )
    fieldwork_place = forms.CharField(
        label="Where the fieldwork took place (optional)",
        required=False,
        max_length=200,
        help_text="For example, the department's offices in London",
        error_messages={"max_length": "The place must be 200 characters or fewer"},
    )
    assessed_month = forms.ChoiceField(label="Month", choices=MONTHS, required=False)
    assessed_year = forms.IntegerField(
        label="Year",
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "invalid": "The year assessed must be a number, like 2015",
            "min_value": "The year assessed must be 2000 or later",
            "max_value": "The year assessed must be 2100 or earlier",
        },
    )
    team = PeopleChoiceField(
        label="The assessment team",
        queryset=None,
        required=False,
        help_text="Assessors of The National Archives who carried out the assessment",
    )
    self_assessment = forms.ModelChoiceField(
        label="The department's self-assessment (optional)",
        queryset=None,
        required=False,
        empty_label="None: TNA assesses without one",
        help_text="Its ratings are shown beside yours. A self-assessment is never required.",
        error_messages={"invalid_choice": "Select a self-assessment the department has submitted"},
    )

    def __init__(self, *args, assessors, self_assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = assessors
        self.fields["self_assessment"].queryset = self_assessments
        self.helper = form_helper(
            Fieldset(
                Field("interviews_from"),
                Field("interviews_to"),
                Field.text("fieldwork_place"),
                legend="Fieldwork",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("assessed_month"),
                Field.text("assessed_year", field_width=4),
                legend="Month assessed (optional)",
                legend_size=Size.MEDIUM,
            ),
            Field.checkboxes("team", legend_size=Size.MEDIUM, small=True),
            Field.select("self_assessment", label_size=Size.MEDIUM),
            "version",
            form_tag=False,
        )

    def clean(self):
        cleaned = super().clean()
        month, year = cleaned.get("assessed_month"), cleaned.get("assessed_year")
        if bool(month) != bool(year) and "assessed_year" not in self.errors:
            self.add_error("assessed_month" if not month else "assessed_year", "Enter both the month and the year")
        cleaned["assessed_on"] = timezone.datetime(int(year), int(month), 1).date() if month and year else None
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        return {
            name: data[name]
            for name in (
                "version",
                "interviews_from",
                "interviews_to",
                "fieldwork_place",
                "assessed_on",
                "team",
                "self_assessment",
            )
        }


class ReportTextForm(VersionedForm):
    """One of the report's own texts. Paragraphs are separated by a blank line."""

    def __init__(self, *args, label, noun, help_text, field, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"] = long_text(label, help_text=help_text, noun=noun, required=False)
        self.conflict_fields = {label: field}
        self.helper = form_helper(
            Field.textarea("text", label_size=Size.LARGE, label_tag="h1", rows=14), "version", form_tag=False
        )


class CommitmentForm(VersionedForm):
    conflict_fields = {
        "Statement of commitment": "commitment_text",
        "Signed by": "commitment_signed_by",
        "Date signed": "commitment_signed_on",
    }

    text = long_text(
        "Statement of commitment",
        noun="statement of commitment",
        required=True,
        help_text="As the Permanent Secretary published it. Leave a blank line between paragraphs.",
    )
    signed_by = forms.CharField(
        label="Signed by",
        max_length=200,
        help_text="For example, Jane Smith, Permanent Secretary",
        error_messages={
            "required": "Enter who signed the statement",
            "max_length": "Who signed must be 200 characters or fewer",
        },
    )
    signed_on = GovDateField(
        noun="date the statement was signed", label="Date signed", help_text="For example, 2 6 2015"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("text", rows=10), Field.text("signed_by"), Field("signed_on"), "version", form_tag=False
        )

    def clean_signed_on(self):
        value = self.cleaned_data.get("signed_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date signed must be today or in the past")
        return value


class FactualCommentForm(forms.Form):
    section = forms.ChoiceField(
        label="Which section is your comment about?",
        error_messages={
            "required": "Select the section of the report your comment is about",
            "invalid_choice": "Select the section of the report your comment is about",
        },
    )
    text = long_text(
        "Your comment", noun="comment", required=True, help_text="Say what is not factually accurate and what is."
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "Choose a section"), *[(item.key, item.title) for item in sections]]
        self.helper = form_helper(Field.select("section"), Field.textarea("text", rows=6), form_tag=False)


class FactualResolutionForm(forms.Form):
    response = long_text(
        "What did you do about the comment?",
        noun="what you did about the comment",
        required=True,
        help_text="For example, corrected the date of the fieldwork in the background. The department sees this.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("response", label_size=Size.MEDIUM, rows=5), form_tag=False)
