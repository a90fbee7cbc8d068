"""GOV.UK date and time fields whose errors say what to do."""

import datetime
import re

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]
PLAUSIBLE_ID = re.compile(r"\s*[0-9]{1,18}\s*")


class GovDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages tailored to the question."""

    def __init__(self, *, required_message, real_message, **kwargs):
        self.real_message = real_message
        super().__init__(**kwargs)
        self.error_messages["required"] = required_message
        self.error_messages["incomplete"] = required_message
        for sub in self.fields:
            sub.validators = []  # digits are checked in compress, with our wording
        self.require_all_fields = True

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except (ValidationError, OverflowError) as error:  # a year of 30 digits overflows date()
            raise ValidationError(self.real_message, code="invalid") from error

    def clean(self, value):
        if isinstance(value, list | tuple):
            parts = [str(part or "").strip() for part in value]
            filled = [part for part in parts if part]
            if filled and len(filled) < len(self.fields):
                raise ValidationError(self.error_messages["incomplete"], code="incomplete")
            if not all(part.isdigit() for part in filled):
                raise ValidationError(self.real_message, code="invalid")
        result = super().clean(value)
        if result is not None and not 2000 <= result.year <= 2100:
            raise ValidationError(self.real_message, code="invalid")
        return result


class TextInput(forms.TextInput):
    """A time of day typed as 10:00. Named TextInput on purpose: crispy-forms-gds styles widgets by class name."""

    def format_value(self, value):
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
        return super().format_value(value)


def time_field(*, label, invalid_message, **kwargs):
    return forms.TimeField(
        label=label,
        required=False,
        input_formats=TIME_FORMATS,
        widget=TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"invalid": invalid_message},
        **kwargs,
    )


class IdChoicesField(forms.ModelMultipleChoiceField):
    """Checkboxes of objects by id. Anything but a plausible id is refused before the query: a 30-digit
    number would overflow the database's integer and fail as a server error instead of a form error."""

    def _check_values(self, value):
        if not all(PLAUSIBLE_ID.fullmatch(str(pk)) for pk in value):
            raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": ""})
        return super()._check_values(value)
