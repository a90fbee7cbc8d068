from crispy_forms.layout import Div
from crispy_forms_gds.layout import Field, Fixed, Submit
from django import forms

from accounts.models import Department
from common import widgets
from common.forms import FilterForm, form_helper

from .selectors.crossgov import Filters, sorts
from .selectors.work_queue import KINDS

FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_ERRORS = {
    "invalid": "Enter a year as 4 digits, for example 2016",
    "min_value": f"Enter a year from {FIRST_YEAR} onwards",
    "max_value": f"Enter a year before {LAST_YEAR + 1}",
}
YEARS_IN_ORDER = "The ‘from’ year must be the same as or before the ‘to’ year"
THEME_NOT_IN_FRAMEWORK = "Select a theme of the chosen framework version, or all themes"


def _column(*fields):
    return Div(*fields, css_class="govuk-grid-column-one-third")


class DashboardFilterForm(forms.Form):
    """The cross-government dashboard's filters (GET). A bad value is reported and that filter ignored."""

    framework = forms.ChoiceField(
        label="Framework version", required=False, error_messages={"invalid_choice": "Select a framework version"}
    )
    theme = forms.ChoiceField(label="Theme", required=False, error_messages={"invalid_choice": THEME_NOT_IN_FRAMEWORK})
    department_type = forms.ChoiceField(
        label="Department type",
        required=False,
        choices=[("", "All types"), *Department.Type.choices],
        error_messages={"invalid_choice": "Select a department type from the list"},
    )
    year_from = forms.IntegerField(
        label="Assessed from (year)",
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages=YEAR_ERRORS,
    )
    year_to = forms.IntegerField(
        label="Assessed up to (year)",
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages=YEAR_ERRORS,
    )
    sort = forms.ChoiceField(
        label="Sort ratings by",
        required=False,
        choices=(),  # set per form: sorting by score follows the setting DASHBOARD_SCORE
        error_messages={"invalid_choice": "Select how to sort from the list"},
    )

    def __init__(self, *args, frameworks, themes_by_framework, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.frameworks = {str(framework.pk): framework for framework in frameworks}
        self.current = current
        self.themes_by_framework = themes_by_framework
        self.fields["framework"].choices = [(key, framework.name) for key, framework in self.frameworks.items()]
        self.fields["framework"].initial = str(current.pk) if current else ""
        self.fields["sort"].choices = list(sorts().items())
        chosen = self.chosen_framework()
        themes = themes_by_framework.get(chosen.pk, []) if chosen else []
        self.fields["theme"].choices = [("", "All themes"), *[(str(t.number), f"{t.number}. {t.name}") for t in themes]]
        for name in ("year_from", "year_to"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.helper = form_helper(
            Div(
                _column(
                    Field.select("framework", css_class="govuk-!-width-full"),
                    Field.select("theme", css_class="govuk-!-width-full"),
                ),
                _column(Field.select("department_type"), Field.select("sort")),
                _column(Field.text("year_from", field_width=Fixed.FOUR), Field.text("year_to", field_width=Fixed.FOUR)),
                css_class="govuk-grid-row",
            ),
            Submit("apply", "Apply filters", css_class="govuk-button--secondary"),
            form_tag=False,
            method="get",
        )

    def chosen_framework(self):
        """The framework version asked for, if it exists; otherwise the current one (before validation, for choices)."""
        key = self.data.get("framework") if self.is_bound else None
        return self.frameworks.get(str(key), self.current) if key else self.current

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", YEARS_IN_ORDER)
        return cleaned

    def filters(self):
        """Filters from the valid fields; an invalid field falls back to its default."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {}) if self.is_bound else {}
        framework = self.frameworks.get(data.get("framework") or "", self.current)
        theme = data.get("theme")
        year_from, year_to = data.get("year_from"), data.get("year_to")
        if "year_to" in self.errors:
            year_from = year_to = None
        return Filters(
            framework=framework,
            theme=int(theme) if theme else None,
            department_type=data.get("department_type") or "",
            year_from=year_from,
            year_to=year_to,
            sort=data.get("sort") or "name",
        )


class WorkQueueFilterForm(FilterForm):
    """The assessor's work queue filters (GET): a value that is not a choice drops only its own filter."""

    kind = forms.ChoiceField(label="Work", choices=[("", "All work"), *KINDS], required=False)
    department = forms.ChoiceField(label="Department", choices=[("", "All departments")], required=False)

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.departments = {department.slug: department for department in departments}
        self.fields["department"].choices = [("", "All departments")] + [
            (department.slug, department.name) for department in departments
        ]
        self.fields["department"].widget = widgets.Select(choices=self.fields["department"].choices)
        self.helper = form_helper(
            Field.select("kind"),
            Field.select("department"),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
            method="get",
            show_errors=False,
        )

    def queue_filters(self):
        chosen = self.filters()
        return {"kind": chosen.get("kind", ""), "department": self.departments.get(chosen.get("department"))}
