"""GOV.UK date and time fields whose errors say what to do."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]
PLAUSIBLE_ID = re.compile(r"\s*[0-9]{1,18}\s*")


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
