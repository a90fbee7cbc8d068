from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts import access
from common.downloads import download_response
from network import ics
from network.selectors import meetings as selectors


@login_required
@require_GET
def index(request):
    """The network's home: purpose, chair, members, next meeting and the record of past meetings."""
    upcoming = selectors.upcoming_meetings()
    return render(
        request,
        "network/index.html",
        {
            "profile": selectors.network_profile(),
            "members": selectors.network_members(),
            "next_meeting": upcoming[0] if upcoming else None,
            "later_meetings": upcoming[1:],
            "log": selectors.meetings_log(),
            "open_actions": selectors.open_actions(),
            "can_manage": access.can_manage_network(request.user),
            "is_participant": access.is_network_participant(request.user),
        },
    )


def calendar_response(meeting):
    return download_response(
        ics.meeting_calendar(meeting, agenda=list(meeting.agenda_items.all())),
        content_type="text/calendar; charset=utf-8",
        filename=ics.calendar_filename(meeting),
    )


@login_required
@require_GET
def next_meeting_ics(request):
    meeting = selectors.next_meeting()
    if meeting is None:
        raise Http404("No meeting is planned")
    return calendar_response(meeting)


@login_required
@require_GET
def meeting_ics(request, pk):
    return calendar_response(selectors.meeting_for_calendar(pk))
