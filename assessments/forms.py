"""Forms for opening and starting assessments, the department's self-assessment of an area, and the import.

Templates write the <form> of most pages (action, enctype and buttons differ per page), so their helpers
have form_tag=False.
"""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import HTML, Field, Fieldset, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.html import escape

from accounts.models import Department
from common import widgets
from common.fields import GovDateField
from common.forms import FilterForm, ImportFileForm, VersionedForm, form_helper
from common.uploads import ALLOWED_LABEL, clean_upload, size_limit_words
from common.widgets import Textarea

from .models import Assessment
from .services.lifecycle import ASSESSOR_TYPES

SAVE_AND_CONTINUE = "continue"
SAVE_AS_DRAFT = "draft"
ADD_EVIDENCE = "evidence"
ACTIONS = (SAVE_AND_CONTINUE, SAVE_AS_DRAFT, ADD_EVIDENCE)
ADD_EVIDENCE_BUTTON = (
    '<button type="submit" name="action" value="evidence" class="govuk-button govuk-button--secondary" '
    'data-module="govuk-button">Add evidence</button>'
)


def level_choices(levels):
    return [Choice(str(level.pk), level.name, hint=level.descriptor) for level in levels]


class LevelField(forms.ChoiceField):
    """Radios of a framework's rating levels, each with its descriptor as a hint; cleans to the RatingLevel."""

    def __init__(self, *, levels, **kwargs):
        self.levels = {str(level.pk): level for level in levels}
        error_messages = {"invalid_choice": "Select one of the ratings listed", **kwargs.pop("error_messages", {})}
        super().__init__(
            choices=level_choices(levels), widget=forms.RadioSelect, error_messages=error_messages, **kwargs
        )

    def clean(self, value):
        value = super().clean(value)
        return self.levels.get(value) if value else None


class AssessmentListFilterForm(FilterForm):
    """The assessments list's filters (GET): a value that is not a choice drops only its own filter."""

    department = forms.ChoiceField(label="Department", required=False)
    assessment_type = forms.ChoiceField(
        label="Type", required=False, choices=[("", "Any type"), *Assessment.Type.choices]
    )
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Assessment.Status.choices])

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.departments = {department.slug: department for department in departments}
        choices = [("", "All departments")] + [(department.slug, department.name) for department in departments]
        self.fields["department"].choices = choices
        self.fields["department"].widget = widgets.Select(choices=choices)
        layout = [Field.select("assessment_type"), Field.select("status")]
        if len(self.departments) > 1:
            layout.insert(0, Field.select("department"))
        else:
            del self.fields["department"]
        self.helper = form_helper(
            *layout,
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
            method="get",
            show_errors=False,
        )

    def lookups(self):
        chosen = self.filters()
        found = {}
        if department := self.departments.get(chosen.get("department")):
            found["department"] = department
        for name in ("assessment_type", "status"):
            if chosen.get(name):
                found[name] = chosen[name]
        return found


class OpenAssessmentForm(forms.Form):
    department = forms.ModelChoiceField(
        queryset=None,
        empty_label="Choose a department",
        error_messages={"required": "Select the department to assess", "invalid_choice": "Select a department"},
    )
    assessment_type = forms.ChoiceField(
        label="Type of assessment",
        choices=[(value, Assessment.Type(value).label) for value in ASSESSOR_TYPES],
        widget=forms.RadioSelect,
        help_text="A progress review or reassessment is measured against the department's latest published "
        "IMA or reassessment.",
        error_messages={"required": "Select the type of assessment", "invalid_choice": "Select the type of assessment"},
    )
    year = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        help_text="For example, 2025",
        error_messages={
            "required": "Enter the year of the assessment",
            "invalid": "Year must be a number, like 2025",
            "min_value": "Year must be 2000 or later",
            "max_value": "Year must be 2100 or earlier",
        },
    )

    interviews_from = GovDateField(
        noun="date the fieldwork started",
        label="Fieldwork started (optional)",
        required=False,
        help_text="For example, 3 9 2015",
    )
    interviews_to = GovDateField(
        noun="date the fieldwork ended",
        label="Fieldwork ended (optional)",
        required=False,
        help_text="For example, 5 9 2015",
    )
    fieldwork_place = forms.CharField(
        label="Where the fieldwork took place (optional)",
        required=False,
        max_length=200,
        error_messages={"max_length": "The place must be 200 characters or fewer"},
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["year"].initial = timezone.localdate().year
        self.helper = form_helper(
            Field.select("department", label_size=Size.SMALL),
            Field.radios("assessment_type", legend_size=Size.SMALL),
            Field.text("year", field_width=4, label_size=Size.SMALL),
            Field("interviews_from"),
            Field("interviews_to"),
            Field.text("fieldwork_place", label_size=Size.SMALL),
            form_tag=False,
        )


YEAR_TAKEN = "{department} already has a self-assessment for {year}. Choose another year"


class StartSelfAssessmentForm(forms.Form):
    department = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        label="Which department is it for?",
        empty_label=None,
        error_messages={"required": "Select the department to assess", "invalid_choice": "Select a department"},
    )

    # Not required: a page sent without it (an older form, a single free year) starts the earliest free year.
    year = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        label="Which year is it for?",
        error_messages={"required": "Select the year of the self-assessment", "invalid_choice": "Select a year"},
    )

    def __init__(self, *args, starts, **kwargs):
        """`starts`: assessments.selectors.assessments.SelfAssessmentStart for each department that can start."""
        super().__init__(*args, **kwargs)
        self.starts = {start.department.pk: start for start in starts}
        field = self.fields["department"]
        field.queryset = Department.objects.filter(pk__in=self.starts).order_by("name")
        if len(starts) == 1:
            field.widget = forms.HiddenInput()
            field.initial = starts[0].department.pk
        years = sorted({year for start in starts for year in start.years})
        self.fields["year"].choices = [(year, str(year)) for year in years]
        if len(years) == 1:
            self.fields["year"].widget = forms.HiddenInput()
            self.fields["year"].initial = years[0]
        else:
            self.fields["year"].initial = years[0]
        self.helper = form_helper(
            Field.radios("department", legend_size=Size.MEDIUM),
            Field.radios("year", legend_size=Size.MEDIUM, inline=True),
            form_tag=False,
        )

    def clean(self):
        data = super().clean()
        department, year = data.get("department"), data.get("year")
        if department and year is None and "year" not in self.errors:
            year = data["year"] = self.starts[department.pk].years[0]
        if department and year and year not in self.starts[department.pk].years:
            self.add_error("year", YEAR_TAKEN.format(department=department.name, year=year))
        return data


class AreaSelfAssessmentForm(VersionedForm):
    """One performance area of the department's self-assessment, with optional new evidence.

    "Save and continue" requires a rating and a narrative; "Save as draft" and "Add evidence" keep
    whatever has been typed. Evidence fields are optional in every case but checked when used.
    """

    conflict_fields = {"Rating": "self_rating", "Narrative": "narrative"}

    narrative = forms.CharField(
        widget=Textarea,
        required=False,
        max_length=10000,
        error_messages={"max_length": "The narrative must be 10,000 characters or fewer"},
    )
    evidence_file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text=f"{ALLOWED_LABEL}, smaller than 20 MB",
    )
    evidence_file_title = forms.CharField(
        label="Title of the file (optional)",
        required=False,
        max_length=200,
        error_messages={"max_length": "The title must be 200 characters or fewer"},
    )
    link_url = forms.CharField(
        label="Web address of a link",
        required=False,
        max_length=500,
        help_text="For example, https://intranet.example.gov.uk/records-policy",
        error_messages={"max_length": "The web address must be 500 characters or fewer"},
    )
    link_title = forms.CharField(
        label="Title of the link",
        required=False,
        max_length=200,
        error_messages={"max_length": "The title must be 200 characters or fewer"},
    )

    def __init__(self, *args, levels, area, action=SAVE_AND_CONTINUE, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.action = action if action in ACTIONS else SAVE_AND_CONTINUE
        self.fields["self_rating"] = LevelField(
            levels=levels,
            required=False,
            label=f"How would you rate {escape(area.name)}?",
            help_text="Choose the level that best describes your department now.",
        )
        self.fields["narrative"].label = "Describe what your department does, and why you chose this rating"
        self.fields[
            "narrative"
        ].help_text = "Write at least a sentence. Say what is in place, how you know it works, and what is still to do."
        self.fields["evidence_file"].help_text = f"{ALLOWED_LABEL}, smaller than {size_limit_words()}"
        self.order_fields(["version", "self_rating", "narrative"])
        self.helper = form_helper(
            "version",
            Field.radios("self_rating", legend_size=Size.MEDIUM, legend_tag="h2"),
            Field.textarea("narrative", label_size=Size.MEDIUM, label_tag="h2", rows=8),
            HTML('{% include "assessments/includes/evidence_list.html" %}'),
            Fieldset(
                Field("evidence_file"),
                Field.text("evidence_file_title"),
                legend="Add a file",
                legend_size=Size.SMALL,
            ),
            Fieldset(
                Field.text("link_url"),
                Field.text("link_title"),
                legend="Add a link",
                legend_size=Size.SMALL,
            ),
            HTML(ADD_EVIDENCE_BUTTON),
            form_tag=False,
        )

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            self.upload_kind = clean_upload(upload)
        return upload

    def clean_link_url(self):
        url = self.cleaned_data.get("link_url", "").strip()
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError as error:
                raise ValidationError(
                    "Enter a web address in the correct format, like https://www.example.gov.uk/policy"
                ) from error
        return url

    def clean(self):
        cleaned = super().clean()
        if self.action == SAVE_AND_CONTINUE:
            if not cleaned.get("self_rating") and "self_rating" not in self.errors:
                self.add_error("self_rating", f"Select a rating for {self.area.name}")
            if not cleaned.get("narrative", "").strip() and "narrative" not in self.errors:
                self.add_error("narrative", f"Describe what your department does for {self.area.name}")
        link_given = cleaned.get("link_url") or "link_url" in self.errors
        if link_given and not cleaned.get("link_title", "").strip():
            self.add_error("link_title", "Enter a title for the link")
        if cleaned.get("link_title", "").strip() and not cleaned.get("link_url") and "link_url" not in self.errors:
            self.add_error("link_url", "Enter the web address of the link")
        if (
            self.action == ADD_EVIDENCE
            and not cleaned.get("evidence_file")
            and not cleaned.get("link_url")
            and not self.errors
        ):
            self.add_error("evidence_file", "Select a file to upload, or enter a link")
        return cleaned


IMPORT_CHOOSE_FILE = "Select a CSV or Excel file of ratings"
IMPORT_WRONG_EXTENSION = "The selected file must be a CSV file or an Excel workbook (.xlsx)"


class RatingsImportForm(ImportFileForm):
    """The file of historic ratings. What is in it is checked by the import service, which names every bad row."""

    extensions = (".csv", ".xlsx")
    help_text = "A CSV file (UTF-8) or an Excel workbook (.xlsx), smaller than 5 MB."
    choose_message = IMPORT_CHOOSE_FILE
    wrong_extension_message = IMPORT_WRONG_EXTENSION

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field("file", label_size=Size.MEDIUM), Submit("import", "Import ratings"))
