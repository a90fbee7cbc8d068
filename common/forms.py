"""What every form shares: its crispy-forms-gds helper, the confirm-only form, and stale-save handling."""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Submit
from django import forms
from django.utils.dateformat import format as date_format

PAGE_INCOMPLETE = "The page was missing some information. Open it again, then make your change"
VERSION_ERRORS = dict.fromkeys(("required", "invalid", "min_value", "max_value"), PAGE_INCOMPLETE)


def form_helper(*layout, form_tag=True, method="post", show_errors=True):
    """A crispy-forms-gds FormHelper. `form_tag=False` where the template writes the <form> and its buttons."""
    helper = FormHelper()
    helper.form_tag = form_tag
    helper.form_method = method
    helper.form_show_errors = show_errors
    helper.layout = Layout(*layout)
    return helper


class ConfirmForm(forms.Form):
    """A POST with nothing to type (submit, take into review, delete); a refusal shows in its error summary.

    With a `submit_label` the form renders its own button; without, the template writes the <form>.
    """

    def __init__(self, *args, submit_label=None, warning=False, **kwargs):
        super().__init__(*args, **kwargs)
        if submit_label:
            css = "govuk-button--warning" if warning else ""
            self.helper = form_helper(Submit("submit", submit_label, css_class=css))
        else:
            self.helper = form_helper(form_tag=False)


class VersionedForm(forms.Form):
    """A form that edits a shared record: its hidden `version` refuses a stale save (optimistic locking).

    The version is required: a POST without it, blank or not a number is an error on the form
    (PAGE_INCOMPLETE), never a save over whatever is stored. The service checks it (common.versions).
    `conflict_fields` maps the labels shown to the person to attributes of the record, so a refused
    save can show what the other person saved beside what this person typed
    (templates/includes/conflict.html). Put "version" in the helper's layout: crispy renders only those.
    """

    conflict_fields: dict = {}

    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=2_147_483_647, error_messages=VERSION_ERRORS
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict = None

    def show_conflict(self, error):
        """Keep what was typed, say who saved first, and base the next save on their version."""
        self.add_error(None, error.message)
        data = self.data.copy()
        data["version"] = str(error.version)
        self.data = data
        self.conflict = {
            "by": error.changed_by,
            "when": error.changed_at,
            "values": [(label, _shown(getattr(error.current, name))) for label, name in self.conflict_fields.items()],
        }


def _shown(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return date_format(value, "j F Y")
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if hasattr(value, "all"):  # a many-to-many: the people of a team
        return ", ".join(str(_shown(item)) for item in value.all())
    if callable(value):  # get_priority_display
        return _shown(value())
    return getattr(value, "name", value)


class FilterForm(forms.Form):
    """The filters of a list (a GET form): `filters()` gives the chosen values; a value that is not one of
    the choices (an old or edited link) drops only its own filter, never the page."""

    def filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


class ImportFileForm(forms.Form):
    """A file to import: its name and size are checked here, its content by the import that reads it.

    Subclasses say which `extensions` they take and the words of their messages.
    """

    extensions: tuple = ()
    max_bytes = 5 * 1024 * 1024
    label = "Upload a file"
    help_text = ""
    choose_message = "Select a file to upload"
    wrong_extension_message = ""
    too_large_message = "The selected file must be smaller than 5 MB"
    empty_message = "The selected file is empty"

    file = forms.FileField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        field.label, field.help_text = self.label, self.help_text
        field.error_messages.update(
            {"required": self.choose_message, "invalid": self.choose_message, "empty": self.empty_message}
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(self.wrong_extension_message)
        if upload.size > self.max_bytes:
            raise forms.ValidationError(self.too_large_message)
        return upload
