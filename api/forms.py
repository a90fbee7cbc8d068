from crispy_forms_gds.layout import Field, Fluid, Submit
from django import forms

from common.forms import form_helper

from .services import DEFAULT_DAYS, MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        help_text="What the token is for, so you recognise it later, for example ‘Power BI dashboard’",
        max_length=100,
        error_messages={"required": "Enter a name for the token"},
    )
    days = forms.IntegerField(
        label="Days until it expires",
        help_text=f"Between 1 and {MAX_DAYS} days",
        initial=DEFAULT_DAYS,
        min_value=1,
        max_value=MAX_DAYS,
        error_messages={
            "required": "Enter how many days the token lasts",
            "invalid": "Enter the number of days as a whole number, like 90",
            "min_value": "A token lasts at least 1 day",
            "max_value": f"A token lasts at most {MAX_DAYS} days",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("days", field_width=4),
            Submit("submit", "Create token"),
        )
