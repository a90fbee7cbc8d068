from crispy_forms_gds.layout import Field, Fluid, Size, Submit
from django import forms

from assessments.models import PerformanceArea, Theme
from common.forms import VersionedForm, form_helper
from common.widgets import Textarea
from network.selectors.library import library_filter_areas

SHARE_CHOICES = [("yes", "Yes"), ("no", "No")]


class LibraryFilterForm(forms.Form):
    """A GET form: a bad value is reported, never a 500."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        help_text="For example, email, retention or a department",
        error_messages={"max_length": "Search words must be 100 characters or fewer"},
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        empty_label="All themes",
        error_messages={"invalid_choice": "Select a theme from the list"},
    )
    area = forms.ModelChoiceField(
        label="Performance area",
        queryset=PerformanceArea.objects.none(),
        required=False,
        empty_label="All areas",
        error_messages={"invalid_choice": "Select a performance area from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("framework__name", "number")
        self.fields["area"].queryset = library_filter_areas()
        self.fields["area"].label_from_instance = lambda area: f"{area.reference} {area.name}"
        self.helper = form_helper(
            Field.text("q", field_width=Fluid.TWO_THIRDS),
            Field.select("theme"),
            Field.select("area"),
            Submit("search", "Search"),
            method="get",
        )


class ExcerptForm(VersionedForm):
    """Writing or changing a rating's excerpt: its version is 0 while there is none yet."""

    conflict_fields = {"Excerpt": "excerpt", "Approved for the library": "is_approved"}

    excerpt = forms.CharField(
        max_length=4000,
        widget=Textarea(attrs={"rows": 8}),
        help_text="What others can learn from this department, in words the department has agreed to share",
        error_messages={
            "required": "Enter the excerpt members will see",
            "max_length": "The excerpt must be 4000 characters or fewer",
        },
    )
    approve = forms.BooleanField(
        label="Approve this excerpt for the good-practice library",
        required=False,
        help_text="Members see only approved excerpts. If you change the words, approve them again.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.textarea("excerpt"), Field.checkbox("approve"), "version", Submit("submit", "Save excerpt")
        )


class ConsentForm(VersionedForm):
    conflict_fields = {"Share good practice": "share_good_practice"}

    share = forms.ChoiceField(
        label="Share good practice from this assessment with the KIM Leaders' Network?",
        choices=SHARE_CHOICES,
        widget=forms.RadioSelect,
        help_text=(
            "If you choose yes, areas rated Good practice or Best practice may appear in the network's library, "
            "with an excerpt approved by an assessor. You can change your mind at any time."
        ),
        error_messages={"required": "Select yes if good practice from this assessment can be shared"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.radios("share", legend_size=Size.LARGE, legend_tag="h1", inline=True),
            "version",
            Submit("submit", "Save"),
        )

    @property
    def share_value(self):
        return self.cleaned_data["share"] == "yes"
