from crispy_forms_gds.layout import HTML, Field, Fluid, Size, Submit
from django import forms
from django.utils import timezone

from accounts.models import User
from actionplans.choices import ActionStatus, Priority
from actionplans.imports import MORE_PROBLEMS
from actionplans.models import Recommendation
from common.dates import date_label
from common.fields import FUTURE, PAST, GovDateField, PersonChoiceField
from common.forms import ImportFileForm, VersionedForm, form_helper
from common.names import first_messages
from common.widgets import Textarea

DUE_DATE_IN_PAST = "The date the action is due must be today or in the future"
UPDATE_BEFORE_PLAN = "The date of the update must be on or after {started}, when the action plan was started"


class ActionForm(VersionedForm):
    """Adding an action (no version) or changing one (a stale save shows the other person's version)."""

    conflict_fields = {
        "Action": "description",
        "Owner": "owner_display",
        "Priority": "priority_label",
        "Due for completion": "due_date_label",
    }

    recommendation = forms.ModelChoiceField(
        label="Recommendation",
        queryset=Recommendation.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Select the recommendation this action answers",
            "invalid_choice": "Select one of the open recommendations",
        },
    )
    description = forms.CharField(
        label="Action",
        max_length=5000,
        widget=Textarea,
        help_text="What the department will do to address the recommendation and reduce the risk.",
        error_messages={"required": "Enter the action", "max_length": "The action must be 5000 characters or fewer"},
    )
    owner_text = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="A named person or a role, for example Departmental Records Officer.",
        error_messages={"required": "Enter the owner", "max_length": "The owner must be 200 characters or fewer"},
    )
    owner_user = PersonChoiceField(
        label="Person who updates this action (optional)",
        queryset=User.objects.none(),
        required=False,
        empty_label="Nobody linked",
        help_text="Someone in the department who should see this action under My actions and get reminders.",
        error_messages={"invalid_choice": "Select a person from the department"},
    )
    priority = forms.ChoiceField(
        label="Priority",
        choices=Priority.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a priority", "invalid_choice": "Select a priority"},
    )
    due_date = GovDateField(
        noun="due date",
        label="Due for completion",
        help_text="For example, 31 3 2027",
        when=FUTURE,
        when_message=DUE_DATE_IN_PAST,
    )

    def __init__(self, *args, plan, members, action=None, submit_label="Save action", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["due_date"].keep = action.due_date if action is not None else None
        self.fields["owner_user"].queryset = User.objects.filter(pk__in=[m.pk for m in members]).order_by("full_name")
        layout = [
            Field.textarea("description", rows=5),
            Field.text("owner_text", field_width=Fluid.TWO_THIRDS),
            Field.select("owner_user"),
            Field.radios("priority", legend_size=Size.SMALL, inline=True),
            Field("due_date"),
        ]
        if action is None:
            self.fields["recommendation"].queryset = Recommendation.objects.filter(
                assessment_id=plan.assessment_id, status="open"
            ).order_by("number")
            self.fields["recommendation"].label_from_instance = lambda r: f"{r.label}: {r.text[:90]}"
            layout.insert(0, Field.select("recommendation"))
            del self.fields["version"]
        else:
            del self.fields["recommendation"]
            layout.append("version")
        self.helper = form_helper(*layout, Submit("submit", submit_label))


class ProgressUpdateForm(forms.Form):
    commentary = forms.CharField(
        label="What has happened",
        max_length=5000,
        widget=Textarea,
        help_text="This appears, with its date, in the plan's Additional commentary.",
        error_messages={
            "required": "Enter what has happened since the last update",
            "max_length": "The update must be 5000 characters or fewer",
        },
    )
    status = forms.ChoiceField(label="Status", required=False)
    date = GovDateField(
        noun="date of the update", label="Date of the update", help_text="For example, 27 3 2026", when=PAST
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        current = ActionStatus(action.status)
        self.fields["status"].choices = [("", f"Keep as {current.label}")] + [
            (value, label) for value, label in ActionStatus.choices if value != current
        ]
        self.fields["status"].error_messages["invalid_choice"] = "Select a status from the list"
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
        self.helper = form_helper(
            Field.textarea("commentary", rows=5),
            Field.select("status"),
            Field("date"),
            Submit("submit", "Save progress update"),
        )

    def clean_date(self):
        value = self.cleaned_data.get("date")
        started = timezone.localdate(self.action.plan.created_at)
        if value and value < started:
            raise forms.ValidationError(UPDATE_BEFORE_PLAN.format(started=date_label(started)))
        return value


class ProgressCorrectionForm(ProgressUpdateForm):
    """Correcting an update's text or date; its status change, if any, stays as it was."""

    def __init__(self, *args, update, **kwargs):
        kwargs.setdefault("initial", {"commentary": update.commentary, "date": update.date})
        super().__init__(*args, action=update.action, **kwargs)
        del self.fields["status"]
        self.helper = form_helper(
            Field.textarea("commentary", rows=5),
            Field("date"),
            Submit("submit", "Save correction"),
        )


class PlanCloseForm(forms.Form):
    comment = forms.CharField(
        label="Why the plan can be closed (optional)",
        required=False,
        max_length=5000,
        widget=Textarea,
        help_text="For example, what the department achieved and what TNA will keep an eye on.",
        error_messages={"max_length": "The comment must be 5000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(Field.textarea("comment", rows=4), Submit("submit", "Close the plan by agreement"))


class PlanImportForm(ImportFileForm):
    extensions = (".xlsx",)
    label = "Upload a spreadsheet"
    help_text = "An .xlsx file in the layout of the plan's spreadsheet download, one row per action."
    choose_message = "Select a spreadsheet to upload"
    wrong_extension_message = "The selected file must be a spreadsheet saved as .xlsx"

    def __init__(self, *args, reader, **kwargs):
        super().__init__(*args, **kwargs)
        self.reader = reader
        self.actions = []
        self.helper = form_helper(
            Field("file"),
            HTML(
                '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
                '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>'
                "Importing replaces every action in the plan.</strong></div>"
            ),
            Submit("submit", "Import actions"),
        )

    def clean_file(self):
        upload = super().clean_file()
        actions, errors = self.reader.read(upload)
        if errors:
            raise forms.ValidationError(first_messages(errors, more=MORE_PROBLEMS))
        self.actions = actions
        return upload
