from crispy_forms_gds.layout import Field, Fluid, Size, Submit
from django import forms
from django.db.models import Q
from django.utils import timezone

from accounts.models import Department, User
from accounts.selectors import active_kim_lead_q
from actionplans.choices import ActionStatus
from common.fields import FUTURE, GovDateField, IdChoicesField, PersonChoiceField
from common.forms import VersionedForm, form_helper
from common.uploads import ALLOWED_LABEL, clean_upload
from common.widgets import Textarea
from network.models import DEFAULT_MEETING_TITLE, Meeting
from network.services.meetings import HELD_BEFORE_DATE, ORIGINAL_DATE_SAME_AS_DATE, REARRANGED_NEEDS_ORIGINAL_DATE

from .fields import time_field

MAX_AGENDA_ITEMS = 40
AGENDA_ITEM_TOO_LONG = "Each agenda item must be 300 characters or fewer: item {number} is longer"
TOO_MANY_AGENDA_ITEMS = f"An agenda can have up to {MAX_AGENDA_ITEMS} items"
END_WITHOUT_START = "Enter a start time, or leave the end time empty"
END_BEFORE_START = "The end time must be after the start time"
PLANNED_IN_PAST = "The date of a planned meeting must be today or in the future"


class MeetingForm(VersionedForm):
    """Adding a meeting (no version) or changing one (a stale save shows the other person's version)."""

    conflict_fields = {
        "Title": "title",
        "Date": "date",
        "Start time": "start_time",
        "End time": "end_time",
        "Location": "location",
        "Status": "get_status_display",
        "Date first planned": "original_date",
        "Agenda": "agenda_text",
        "Other attendees": "other_attendees",
    }

    title = forms.CharField(
        max_length=200,
        initial=DEFAULT_MEETING_TITLE,
        error_messages={
            "required": "Enter a title for the meeting",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    date = GovDateField(
        label="Date",
        help_text="For example, 9 12 2026",
        required_message="Enter the date of the meeting",
        real_message="The date of the meeting must be a real date, like 9 12 2026",
    )
    start_time = time_field(
        label="Start time (optional)",
        help_text="Use the 24-hour clock, for example 10:00. Leave empty for an all-day calendar entry.",
        invalid_message="Enter the start time using the 24-hour clock, like 10:00",
    )
    end_time = time_field(
        label="End time (optional)",
        help_text="For example 12:30",
        invalid_message="Enter the end time using the 24-hour clock, like 12:30",
    )
    location = forms.CharField(
        label="Location (optional)",
        required=False,
        max_length=200,
        help_text="A room and building, or say that the meeting is online",
        error_messages={"max_length": "The location must be 200 characters or fewer"},
    )
    # Cancelling has its own page (network:meeting_cancel), with a reason and a confirmation.
    status = forms.ChoiceField(
        choices=[(value, label) for value, label in Meeting.Status.choices if value != Meeting.Status.CANCELLED],
        initial=Meeting.Status.PLANNED,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the meeting is planned, rearranged or held",
            "invalid_choice": "Select whether the meeting is planned, rearranged or held",
        },
    )
    original_date = GovDateField(
        label="Date first planned (if rearranged)",
        required=False,
        help_text="If you leave this empty when you rearrange a meeting, its previous date is kept",
        required_message="Enter the day, month and year the meeting was first planned",
        real_message="The date first planned must be a real date, like 2 12 2026",
    )
    agenda = forms.CharField(
        label="Agenda (optional)",
        required=False,
        max_length=12000,
        widget=Textarea(attrs={"rows": 8}),
        help_text="One item per line, in the order they will be taken",
        error_messages={"max_length": "The agenda must be 12,000 characters or fewer"},
    )
    other_attendees = forms.CharField(
        label="Other attendees (optional)",
        required=False,
        max_length=2000,
        widget=Textarea(attrs={"rows": 3}),
        help_text="Speakers, guests and observers who are not a department's KIM lead",
        error_messages={"max_length": "Other attendees must be 2000 characters or fewer"},
    )

    def __init__(self, *args, meeting=None, **kwargs):
        self.meeting = meeting
        if meeting is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"] = {
                **{name: getattr(meeting, name) for name in ("title", "date", "start_time", "end_time", "status")},
                **{name: getattr(meeting, name) for name in ("original_date", "location", "other_attendees")},
                "agenda": "\n".join(item.title for item in meeting.agenda_items.all()),
                "version": meeting.version,
                **kwargs["initial"],
            }
        super().__init__(*args, **kwargs)
        if meeting is None:
            del self.fields["version"]
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field("date"),
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("location", field_width=Fluid.TWO_THIRDS),
            Field.radios("status", legend_size=Size.SMALL, inline=True),
            Field("original_date"),
            Field.textarea("agenda"),
            Field.textarea("other_attendees"),
            *(["version"] if meeting is not None else []),
            Submit("submit", "Save meeting"),
        )

    def clean_agenda(self):
        lines = [line.strip() for line in self.cleaned_data["agenda"].splitlines() if line.strip()]
        if len(lines) > MAX_AGENDA_ITEMS:
            raise forms.ValidationError(TOO_MANY_AGENDA_ITEMS)
        for number, line in enumerate(lines, start=1):
            if len(line) > 300:
                raise forms.ValidationError(AGENDA_ITEM_TOO_LONG.format(number=number))
        return lines

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if end and not start and "start_time" not in self.errors:
            self.add_error("end_time", END_WITHOUT_START)
        elif start and end and end <= start:
            self.add_error("end_time", END_BEFORE_START)
        when, status, original = data.get("date"), data.get("status"), data.get("original_date")
        if status == Meeting.Status.REARRANGED and original is None and "original_date" not in self.errors:
            previous = self.meeting.date if self.meeting else None
            if previous is None or previous == when:
                self.add_error("original_date", REARRANGED_NEEDS_ORIGINAL_DATE)
        if status != Meeting.Status.PLANNED and when and original and original == when:
            self.add_error("original_date", ORIGINAL_DATE_SAME_AS_DATE)
        if status == Meeting.Status.HELD and when and when > timezone.localdate():
            self.add_error("status", HELD_BEFORE_DATE)
        unchanged = self.meeting is not None and self.meeting.date == when
        if status != Meeting.Status.HELD and when and when < timezone.localdate() and not unchanged:
            self.add_error("date", PLANNED_IN_PAST)
        return data


class DiscussionItemForm(VersionedForm):
    """Adding an item (no version) or changing one (a stale save shows the other person's version)."""

    conflict_fields = {"Title": "title", "Summary": "summary"}

    title = forms.CharField(
        max_length=200,
        help_text="For example, Email deletion policies",
        error_messages={
            "required": "Enter the item discussed",
            "max_length": "The item must be 200 characters or fewer",
        },
    )
    summary = forms.CharField(
        required=False,
        max_length=5000,
        widget=Textarea(attrs={"rows": 6}),
        help_text="What was discussed and agreed",
        error_messages={"max_length": "The summary must be 5000 characters or fewer"},
    )

    def __init__(self, *args, item=None, **kwargs):
        if item is not None:
            kwargs.setdefault("initial", {"title": item.title, "summary": item.summary, "version": item.version})
        super().__init__(*args, **kwargs)
        if item is None:
            del self.fields["version"]
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("summary"),
            *(["version"] if item is not None else []),
            Submit("submit", "Save item"),
        )


class AttendanceForm(VersionedForm):
    conflict_fields = {"Departments represented": "attending_departments"}

    departments = IdChoicesField(
        label="Departments represented",
        required=False,
        queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select every department whose KIM lead, or someone for them, attended",
        error_messages={
            "invalid_choice": "Select departments from the list",
            "invalid_pk_value": "Select departments from the list",
        },
    )

    def __init__(self, *args, meeting, **kwargs):
        kwargs.setdefault(
            "initial",
            {"departments": list(meeting.attending_departments.all()), "version": meeting.attendance_version},
        )
        super().__init__(*args, **kwargs)
        attended = meeting.attendance.values("department_id")
        self.fields["departments"].queryset = Department.objects.filter(
            Q(is_active=True) | Q(pk__in=attended)
        ).order_by("name")
        self.helper = form_helper(
            Field.checkboxes("departments", legend_size=Size.MEDIUM, small=True),
            "version",
            Submit("submit", "Save attendance"),
        )


class PaperForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        help_text="For example, Records transfer report: summary for members",
        error_messages={
            "required": "Enter a title for the paper",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    file = forms.FileField(
        label="Upload a file",
        help_text=f"A {ALLOWED_LABEL} file",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field("file"), Submit("submit", "Upload paper")
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        clean_upload(upload)
        return upload


def _owner_choices():
    return (
        User.objects.filter(Q(is_assessor=True, is_active=True) | active_kim_lead_q("memberships__"))
        .distinct()
        .order_by("full_name", "email")
    )


class MeetingActionForm(VersionedForm):
    """Adding an action (no version) or changing one (a stale save shows the other person's version)."""

    conflict_fields = {
        "Action": "description",
        "Owner": "owner",
        "Owner's account": "owner_user",
        "Due date": "due_date",
        "Status": "get_status_display",
    }

    description = forms.CharField(
        label="Action",
        max_length=2000,
        widget=Textarea(attrs={"rows": 4}),
        error_messages={"required": "Describe the action", "max_length": "The action must be 2000 characters or fewer"},
    )
    owner = forms.CharField(
        max_length=200,
        help_text="A person, a role or a department, for example The National Archives or DfE KIM lead",
        error_messages={
            "required": "Enter who owns the action",
            "max_length": "The owner must be 200 characters or fewer",
        },
    )
    owner_user = PersonChoiceField(
        label="Owner's account (optional)",
        required=False,
        queryset=User.objects.none(),
        empty_label="Not linked to an account",
        help_text="Choose the person if they use this service",
        error_messages={"invalid_choice": "Select the owner's account from the list"},
    )
    due_date = GovDateField(
        label="Due date (optional)",
        required=False,
        help_text="For example, 31 3 2027",
        required_message="Enter the day, month and year the action is due",
        real_message="The due date must be a real date, like 31 3 2027",
        when=FUTURE,
        when_message="The date the action is due must be today or in the future",
    )
    status = forms.ChoiceField(
        choices=ActionStatus.choices,
        initial=ActionStatus.NOT_STARTED,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the action's status", "invalid_choice": "Select the action's status"},
    )

    def __init__(self, *args, action=None, **kwargs):
        if action is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(action, name)
                    for name in ("description", "owner", "owner_user", "due_date", "status", "version")
                },
            )
        super().__init__(*args, **kwargs)
        if action is None:
            del self.fields["version"]
        self.fields["due_date"].keep = action.due_date if action is not None else None
        self.fields["owner_user"].queryset = _owner_choices()
        self.helper = form_helper(
            Field.textarea("description"),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            Field.select("owner_user"),
            Field("due_date"),
            Field.radios("status", legend_size=Size.SMALL),
            *(["version"] if action is not None else []),
            Submit("submit", "Save action"),
        )
