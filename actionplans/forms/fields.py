from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator


class GovDateField(DateInputField):
    """A GOV.UK date input whose errors name the date ("Enter the due date", "The due date must be a real date")."""

    def __init__(self, *, noun, **kwargs):
        # Each missing part gets its own message ("must include a month"), as GOV.UK asks.
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.noun = noun
        self.error_messages["required"] = f"Enter the {noun}"
        self.error_messages["incomplete"] = f"Enter the {noun}"
        real = f"The {noun} must be a real date"
        parts = ("day", "month", "year")
        for subfield, part in zip(self.fields, parts, strict=True):
            subfield.error_messages["incomplete"] = f"The {noun} must include a {part}"
            subfield.validators = [RegexValidator(r"^\s*[0-9]+\s*$", real)]

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except (ValidationError, OverflowError) as error:  # a year of 30 digits overflows date()
            raise ValidationError(f"The {self.noun} must be a real date") from error
        if value is not None and not 2000 <= value.year <= 2100:
            raise ValidationError(f"The {self.noun} must be a real date, with a 4-digit year like 2027")
        return value


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.full_name} ({user.email})" if user.full_name else user.email
