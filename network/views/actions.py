from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from common.requests import posted, run_service
from network.forms.meetings import MeetingActionForm
from network.models import Meeting, MeetingAction
from network.services import actions as services

from .common import network_manager_required


@network_manager_required
@require_http_methods(["GET", "POST"])
def action_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MeetingActionForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, services.meeting_action_create, meeting=meeting, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Action added")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return render(
        request, "network/meeting_form.html", {"form": form, "heading": "Add an action arising", "meeting": meeting}
    )


@network_manager_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk, action_pk):
    action = get_object_or_404(MeetingAction.objects.select_related("meeting"), pk=action_pk, meeting_id=pk)
    form = MeetingActionForm(posted(request), action=action)
    if form.is_valid():
        _, ok = run_service(form, services.meeting_action_update, action=action, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Action saved")
            return redirect("network:meeting_detail", pk=pk)
    return render(
        request,
        "network/meeting_form.html",
        {"form": form, "heading": "Change an action arising", "meeting": action.meeting},
    )
