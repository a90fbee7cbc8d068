"""GOV.UK date and time fields whose errors say what to do."""

import datetime

from django import forms

TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M"]


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
