from crispy_forms_gds.layout import Field, Submit
from django import forms

from actionplans.choices import ActionStatus, PlanStatus, Priority, Rag
from common import widgets
from common.forms import FilterForm, form_helper

ANY = [("", "Any")]


class PlanFilterForm(FilterForm):
    """GET filters of the plan page: bad values are simply ignored (a filter never errors)."""

    status = forms.ChoiceField(label="Status", choices=ANY + ActionStatus.choices, required=False)
    owner = forms.ChoiceField(label="Owner", choices=ANY, required=False)
    priority = forms.ChoiceField(label="Priority", choices=ANY + Priority.choices, required=False)
    rag = forms.ChoiceField(label="RAG status", choices=ANY + Rag.choices, required=False)
    overdue = forms.BooleanField(label="Only overdue actions", required=False)

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = ANY + [(owner, owner) for owner in owners]
        self.helper = form_helper(
            Field.select("status"),
            Field.select("owner"),
            Field.select("priority"),
            Field.select("rag"),
            Field.checkbox("overdue", small=True),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
            method="get",
            show_errors=False,
        )


class PlanListFilterForm(FilterForm):
    department = forms.ChoiceField(label="Department", choices=ANY, required=False, widget=widgets.Select)
    status = forms.ChoiceField(label="Plan status", choices=ANY + PlanStatus.choices, required=False)

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = ANY + [(d.slug, d.name) for d in departments]
        self.helper = form_helper(
            Field.select("department"),
            Field.select("status"),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
            method="get",
            show_errors=False,
        )
