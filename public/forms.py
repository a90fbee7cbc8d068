from crispy_forms_gds.layout import Field, Size
from django import forms

from common.forms import FilterForm, form_helper

from .selectors import KIND_LABELS


class CatalogueFilterForm(FilterForm):
    q = forms.CharField(label="Search", required=False, max_length=100)
    kind = forms.ChoiceField(label="Kind of publication", required=False)
    department = forms.ChoiceField(label="Department", required=False)
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, departments, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "All kinds"), *KIND_LABELS.items()]
        self.fields["department"].choices = [("", "All departments"), *departments]
        self.fields["year"].choices = [("", "All years"), *[(year, str(year)) for year in years]]
        self.helper = form_helper(
            Field.text("q", label_size=Size.SMALL),
            Field.select("kind"),
            Field.select("department"),
            Field.select("year"),
            form_tag=False,
            method="get",
        )
