"""Recording the network's meetings: details and agenda, items discussed, attendance.

Only assessors and administrators (The National Archives, who chair the network) write here.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common.errors import ServiceError
from common.history import delete_with_history, save_with_history
from common.versions import check_version, next_version
from network.models import AgendaItem, Attendance, DiscussionItem, Meeting

from .roles import require_network_manager

REARRANGED_NEEDS_ORIGINAL_DATE = "Enter the date the meeting was first planned"
ORIGINAL_DATE_SAME_AS_DATE = "The date first planned must be different from the new date"
HELD_BEFORE_DATE = "A meeting can be recorded as held only on or after its date"
CANCEL_HELD = "A meeting that has been held cannot be cancelled"
ALREADY_CANCELLED = "This meeting has already been cancelled"
ATTENDANCE_BEFORE_MEETING = "Attendance can be recorded on or after the day of the meeting"
STALE = "{who} changed {what} at {when}, after you opened this page. Your changes have not been saved."

MEETING_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "status",
    "original_date",
    "location",
    "other_attendees",
)
# A change to any of these is a change a calendar should pick up.
CALENDAR_FIELDS = ("title", "date", "start_time", "end_time", "status", "location")


def _check_dates(meeting):
    if meeting.status == Meeting.Status.REARRANGED and meeting.original_date is None:
        raise ServiceError(REARRANGED_NEEDS_ORIGINAL_DATE, field="original_date")
    if meeting.original_date is not None and meeting.original_date == meeting.date:
        raise ServiceError(ORIGINAL_DATE_SAME_AS_DATE, field="original_date")
    if meeting.status == Meeting.Status.HELD and meeting.date > timezone.localdate():
        raise ServiceError(HELD_BEFORE_DATE, field="status")


def _set_agenda(meeting, titles):
    titles = [title.strip() for title in titles if title.strip()]
    current = [item.title for item in meeting.agenda_items.order_by("order")]
    if current == titles:
        return False
    meeting.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=meeting, order=number, title=title) for number, title in enumerate(titles, start=1)]
    )
    return True


@transaction.atomic
def meeting_create(*, by, agenda=(), **fields):
    require_network_manager(by)
    meeting = Meeting(created_by=by, updated_by=by, **{name: fields[name] for name in MEETING_FIELDS if name in fields})
    if meeting.status == Meeting.Status.PLANNED:
        meeting.original_date = None
    _check_dates(meeting)
    save_with_history(meeting, by=by, reason="Meeting created")
    _set_agenda(meeting, agenda)
    return meeting


@transaction.atomic
def meeting_update(*, meeting, by, version, agenda=None, **fields):
    """Change a meeting's details (and agenda, when given), from the `version` the person started from.

    Rearranging is explicit: the person chooses Rearranged; when they leave the first date empty,
    the date the meeting had until now is kept as the first date.
    """
    require_network_manager(by)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    check_version(meeting, version, STALE, what="this meeting's details")
    before = {name: getattr(meeting, name) for name in MEETING_FIELDS}
    for name in MEETING_FIELDS:
        if name in fields:
            setattr(meeting, name, fields[name])
    if meeting.status == Meeting.Status.REARRANGED and meeting.original_date is None and meeting.date != before["date"]:
        meeting.original_date = before["date"]
    if meeting.status == Meeting.Status.PLANNED:
        meeting.original_date = None
    _check_dates(meeting)
    calendar_changed = any(getattr(meeting, name) != before[name] for name in CALENDAR_FIELDS)
    agenda_changed = agenda is not None and _set_agenda(meeting, agenda)
    if calendar_changed or agenda_changed:
        meeting.sequence += 1
    next_version(meeting)
    meeting.updated_by = by
    save_with_history(meeting, by=by, reason="Meeting details changed")
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting, by, reason=""):
    """Cancel a meeting that has not been held: it stays on record (with its history), calendars drop it."""
    require_network_manager(by)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.status == Meeting.Status.HELD:
        raise ServiceError(CANCEL_HELD)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ServiceError(ALREADY_CANCELLED)
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    next_version(meeting)
    meeting.updated_by = by
    reason = reason.strip()
    save_with_history(meeting, by=by, reason=f"Meeting cancelled: {reason}" if reason else "Meeting cancelled")
    return meeting


@transaction.atomic
def discussion_item_add(*, meeting, by, title, summary=""):
    require_network_manager(by)
    Meeting.objects.select_for_update(of=("self",)).filter(pk=meeting.pk).first()  # serialise numbering per meeting
    last = meeting.discussion_items.aggregate(last=Max("order"))["last"] or 0
    item = DiscussionItem(meeting=meeting, order=last + 1, title=title, summary=summary)
    save_with_history(item, by=by, reason="Item discussed added")
    return item


@transaction.atomic
def discussion_item_update(*, item, by, version, title, summary=""):
    require_network_manager(by)
    item = DiscussionItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    check_version(item, version, STALE, what="this item discussed")
    item.title = title
    item.summary = summary
    next_version(item)
    save_with_history(item, by=by, reason="Item discussed changed")
    return item


@transaction.atomic
def discussion_item_delete(*, item, by):
    require_network_manager(by)
    delete_with_history(item, by=by, reason="Item discussed removed")


@transaction.atomic
def meeting_attendance_set(*, meeting, departments, by, version):
    """Record which departments were represented: exactly the given ones afterwards.

    `version` is the meeting's attendance_version the person started from: a list of ticks saved from an
    older page would silently undo somebody else's.
    """
    require_network_manager(by)
    meeting = Meeting.objects.select_for_update(of=("self",)).get(pk=meeting.pk)
    if meeting.date > timezone.localdate():
        raise ServiceError(ATTENDANCE_BEFORE_MEETING)
    check_version(meeting, version, STALE, field="attendance_version", what="the attendance")
    next_version(meeting, "attendance_version")
    save_with_history(meeting, by=by, reason="Attendance recorded", update_fields=["attendance_version"])
    wanted = {department.pk for department in departments}
    current = set(meeting.attendance.values_list("department_id", flat=True))
    meeting.attendance.filter(department_id__in=current - wanted).delete()
    Attendance.objects.bulk_create([Attendance(meeting=meeting, department_id=pk) for pk in sorted(wanted - current)])
    return sorted(wanted)
