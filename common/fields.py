"""Form fields every app shares."""

import re

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

DATE_PARTS = ("day", "month", "year")
PAST, FUTURE = "past", "future"


class GovDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with messages that name the date and say what to fix.

    Give a `noun` ("due date") for the standard wording — "Enter the due date", "The due date must
    include a month", "The due date must be a real date" — or any message in full. Each missing part
    is reported on that part (GOV.UK highlights the input to fix); years outside 2000–2100 are refused
    (a typo such as 20277 would otherwise become a real date, or overflow).

    `when` is the rule a person expects of the date: "past" (today or earlier: a publication, an update
    on what has happened) or "future" (today or later: a due date, a planned meeting), with the GOV.UK
    message "The {noun} must be today or in the past/future" unless `when_message` says it in full.
    A form editing a saved record sets `keep` to the saved date, which is accepted as it is: an action
    due last year may still have its description corrected.
    """

    def __init__(
        self,
        *,
        noun=None,
        required_message=None,
        real_message=None,
        part_message=None,
        year_message=None,
        when=None,
        when_message=None,
        **kwargs,
    ):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        if when not in (None, PAST, FUTURE):
            raise ValueError(f"when must be {PAST!r} or {FUTURE!r}")
        self.when = when
        self.when_message = when_message or f"The {noun} must be today or in the {when}"
        self.keep = None
        required = required_message or f"Enter the {noun}"
        self.real_message = real_message or f"The {noun} must be a real date"
        if year_message is None:
            year_message = self.real_message if real_message else f"{self.real_message}, with a 4-digit year like 2027"
        self.year_message = year_message
        if part_message is None:
            part_message = f"The {noun} must include a {{part}}" if noun else required
        self.error_messages["required"] = required
        self.error_messages["incomplete"] = required
        for subfield, part in zip(self.fields, DATE_PARTS, strict=True):
            subfield.error_messages["incomplete"] = part_message.format(part=part)
            subfield.validators = [RegexValidator(r"^\s*[0-9]+\s*$", self.real_message)]

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except (ValidationError, OverflowError) as error:  # a year of 30 digits overflows date()
            raise ValidationError(self.real_message, code="invalid") from error
        if value is not None and not 2000 <= value.year <= 2100:
            raise ValidationError(self.year_message, code="invalid")
        return value

    def clean(self, value):
        value = super().clean(value)
        if value is None or value == self.keep or self.when is None:
            return value
        today = timezone.localdate()
        if (self.when == PAST and value > today) or (self.when == FUTURE and value < today):
            raise ValidationError(self.when_message, code=self.when)
        return value


# Database ids are at most 18 digits. Django answers a longer one in a single choice with "select a valid
# choice", but a multiple choice passes it to the database, where it overflows as a server error.
PLAUSIBLE_ID = re.compile(r"\s*[0-9]{1,18}\s*")


class IdChoicesField(forms.ModelMultipleChoiceField):
    """Checkboxes of objects by id; anything but a plausible id is refused before the query."""

    def _check_values(self, value):
        if not all(PLAUSIBLE_ID.fullmatch(str(pk)) for pk in value):
            raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": ""})
        return super()._check_values(value)


def person_label(user):
    """A person in a list of choices: "Name (email)", so two people of one name differ."""
    return f"{user.full_name} ({user.email})" if user.full_name else user.email


class PersonChoiceField(forms.ModelChoiceField):
    """A choice of one person (a User)."""

    def label_from_instance(self, user):
        return person_label(user)


class PeopleChoiceField(IdChoicesField):
    """Checkboxes of people (Users)."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, user):
        return person_label(user)
