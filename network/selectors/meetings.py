"""Reads for the network's pages, the home-page include and the calendar downloads (query counts fixed)."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.models import Department
from accounts.selectors import active_kim_leads
from actionplans import rules
from actionplans.choices import CLOSED_STATUSES, Rag
from network.models import Meeting, MeetingAction, NetworkProfile


def _today(today):
    return today or timezone.localdate()


def _upcoming_q(today):
    return Q(status__in=Meeting.UPCOMING_STATUSES, date__gte=today)


def network_profile():
    """The chair and contact; an unsaved default until an administrator fills it in (no writes on a GET)."""
    return NetworkProfile.objects.first() or NetworkProfile()


def next_meeting(today=None):
    """The earliest planned or rearranged meeting from today, with its agenda; None when none is planned."""
    today = _today(today)
    return (
        Meeting.objects.filter(_upcoming_q(today))
        .order_by("date", "start_time", "pk")
        .prefetch_related("agenda_items")
        .first()
    )


def upcoming_meetings(today=None):
    today = _today(today)
    return list(
        Meeting.objects.filter(_upcoming_q(today)).order_by("date", "start_time", "pk").prefetch_related("agenda_items")
    )


def meetings_log(today=None):
    """Every meeting that is not still to come, newest first, each with its items discussed."""
    today = _today(today)
    return list(
        Meeting.objects.exclude(_upcoming_q(today))
        .order_by("-date", "-start_time", "-pk")
        .prefetch_related("discussion_items")
    )


def network_members():
    """Each active department with its KIM leads, from the memberships (never typed twice)."""
    leads = active_kim_leads().select_related("user")
    return list(
        Department.objects.filter(is_active=True)
        .order_by("name")
        .prefetch_related(Prefetch("memberships", queryset=leads.order_by("user__full_name"), to_attr="leads"))
    )


def decorate_actions(actions, today=None):
    """Give each action its overdue days and RAG from actionplans.rules (the one rule)."""
    today = _today(today)
    for action in actions:
        action.days_overdue = rules.days_overdue(due_date=action.due_date, status=action.status, today=today)
        action.is_overdue = action.days_overdue > 0
        action.rag = Rag(rules.rag_status(due_date=action.due_date, status=action.status, today=today))
    return actions


def open_actions(today=None):
    actions = list(
        MeetingAction.objects.exclude(status__in=CLOSED_STATUSES)
        .select_related("meeting", "owner_user")
        .order_by("due_date", "meeting__date", "pk")
    )
    return decorate_actions(actions, today)


def meetings_listed():
    """Every meeting, newest first (a queryset: page it); each meeting's page is meeting_detail."""
    return Meeting.objects.order_by("-date", "-start_time", "-pk")


def meeting_detail(pk, today=None):
    """One meeting with everything its page shows, in a fixed number of queries; 404 when it does not exist."""
    meeting = get_object_or_404(
        Meeting.objects.prefetch_related(
            "agenda_items",
            "discussion_items",
            "papers",
            Prefetch("attending_departments", queryset=Department.objects.order_by("name")),
            Prefetch("actions", queryset=MeetingAction.objects.select_related("owner_user").order_by("pk")),
        ),
        pk=pk,
    )
    meeting.action_list = decorate_actions(list(meeting.actions.all()), today)
    return meeting


def meeting_for_calendar(pk):
    return get_object_or_404(Meeting.objects.prefetch_related("agenda_items"), pk=pk)
