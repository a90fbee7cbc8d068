from crispy_forms_gds.layout import Field, Fluid, Size, Submit
from django import forms

from common.fields import GovDateField
from common.forms import FilterForm, ImportFileForm, form_helper
from common.uploads import ALLOWED_LABEL, clean_upload

from .models import Answer
from .services.answers import CHALLENGE, VERIFY
from .starter import STARTER_CRITERIA


class TeamForm(forms.Form):
    name = forms.CharField(
        label="Team name",
        max_length=200,
        error_messages={
            "required": "Enter the team's name",
            "max_length": "The team's name must be 200 characters or fewer",
        },
    )
    directorate = forms.CharField(
        max_length=200, required=False, error_messages={"max_length": "The directorate must be 200 characters or fewer"}
    )
    director_name = forms.CharField(
        label="Director's name",
        help_text="The director accountable for the team. Their letter goes to them.",
        max_length=200,
        required=False,
        error_messages={"max_length": "The director's name must be 200 characters or fewer"},
    )
    director_email = forms.EmailField(
        label="Director's email address",
        required=False,
        error_messages={
            "invalid": "Enter the director's email address in the correct format, like name@example.gov.uk"
        },
    )
    contact_email = forms.EmailField(
        label="Team contact's email address (optional)",
        help_text="Someone in your department who uses IMA Portal. They answer for the team in each round.",
        required=False,
        error_messages={"invalid": "Enter the contact's email address in the correct format, like name@example.gov.uk"},
    )
    is_active = forms.BooleanField(label="The team takes part in new rounds", required=False, initial=True)

    def __init__(self, *args, submit_label="Save team", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("directorate", field_width=Fluid.TWO_THIRDS),
            Field.text("director_name", field_width=Fluid.TWO_THIRDS),
            Field.text("director_email", field_width=Fluid.TWO_THIRDS),
            Field.text("contact_email", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("is_active"),
            Submit("submit", submit_label),
        )


class TeamImportForm(ImportFileForm):
    extensions = (".csv", ".xlsx")
    label = "Upload a file of teams"
    help_text = (
        "A CSV or XLSX file with a header row: Team, Directorate, Director name, Director email, Contact email. "
        "Teams already on the list (by name) are updated; new ones are added."
    )
    choose_message = "Select a CSV or XLSX file of teams"
    wrong_extension_message = "The selected file must be a CSV or XLSX file"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("file"), Submit("submit", "Import teams"))


class StarterCriterionForm(forms.Form):
    key = forms.ChoiceField(
        label="Choose a criterion from the starter set",
        choices=[(key, title) for key, (title, _q, _g) in STARTER_CRITERIA.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a criterion", "invalid_choice": "Select a criterion"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.radios("key", legend_size=Size.MEDIUM), Submit("submit", "Add criterion"))


class CriterionForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        error_messages={
            "required": "Enter the criterion's title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    question = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text="What each team answers Yes, Partly or No to.",
        error_messages={
            "required": "Enter the question teams answer",
            "max_length": "The question must be 1,000 characters or fewer",
        },
    )
    evidence_guidance = forms.CharField(
        label="What evidence counts",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Enter what evidence counts",
            "max_length": "The evidence guidance must be 2,000 characters or fewer",
        },
    )
    is_active = forms.BooleanField(label="Use this criterion in new rounds", required=False, initial=True)

    def __init__(self, *args, submit_label="Save criterion", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("question"),
            Field.textarea("evidence_guidance"),
            Field.checkbox("is_active"),
            Submit("submit", submit_label),
        )


class RoundForm(forms.Form):
    name = forms.CharField(
        label="Name of the round",
        help_text="For example, Quarter 1 2027",
        max_length=120,
        error_messages={
            "required": "Enter a name for the round",
            "max_length": "The name must be 120 characters or fewer",
        },
    )
    opens_on = GovDateField(noun="opening date", label="Opens on", help_text="For example, 1 4 2027")
    closes_on = GovDateField(
        noun="closing date", label="Closes on", help_text="Teams answer by this date. For example, 30 4 2027"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field("opens_on"),
            Field("closes_on"),
            Submit("submit", "Open the round"),
        )


class AnswerForm(forms.Form):
    choice = forms.ChoiceField(
        label="Your answer",
        choices=Answer.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select Yes, Partly or No", "invalid_choice": "Select Yes, Partly or No"},
    )
    explanation = forms.CharField(
        label="Explain your answer (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        error_messages={"max_length": "The explanation must be 2,000 characters or fewer"},
    )
    evidence_file = forms.FileField(
        label="Upload evidence",
        help_text=f"A {ALLOWED_LABEL} file. Give a file or a link for a Yes or Partly answer.",
        required=False,
        error_messages={"empty": "The selected file is empty"},
    )
    evidence_link = forms.URLField(
        label="Or give a link to the evidence",
        help_text="For example, a link to the team's folder in the corporate system",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": "Enter a link in the correct format, like https://intranet.example.gov.uk/team",
            "max_length": "The link must be 500 characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("choice", legend_size=Size.MEDIUM, inline=True),
            Field.textarea("explanation"),
            Field("evidence_file"),
            Field.text("evidence_link"),
            Submit("submit", "Save answer"),
        )

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            clean_upload(upload)
        return upload


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Does the evidence back the answer?",
        choices=[(VERIFY, "Yes, verify the answer"), (CHALLENGE, "No, challenge the answer")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether to verify or challenge the answer",
            "invalid_choice": "Select whether to verify or challenge the answer",
        },
    )
    comment = forms.CharField(
        label="What the team must do (for a challenge)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        error_messages={"max_length": "The comment must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("decision", legend_size=Size.MEDIUM), Field.textarea("comment"), Submit("submit", "Save check")
        )


class CiteForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="Which performance area does this round back up?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a performance area", "invalid_choice": "Select a performance area"},
    )

    def __init__(self, *args, ratings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.ratings = {rating.pk: rating for rating in ratings}
        self.fields["rating"].choices = [
            (rating.pk, f"{rating.assessment.short_label}: {rating.area.reference} {rating.area.name}")
            for rating in ratings
        ]
        self.helper = form_helper(Field.radios("rating", legend_size=Size.MEDIUM), Submit("submit", "Add as evidence"))

    def clean_rating(self):
        return self.ratings[self.cleaned_data["rating"]]


class DirectorateFilterForm(FilterForm):
    directorate = forms.ChoiceField(required=False)

    def __init__(self, *args, directorates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"].choices = [("", "All directorates"), *[(d, d) for d in directorates]]
        self.helper = form_helper(
            Field.select("directorate"), Submit("filter", "Filter", css_class="govuk-button--secondary"), method="get"
        )
