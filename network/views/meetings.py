from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from common.requests import posted, run_service
from network.forms.meetings import AttendanceForm, DiscussionItemForm, MeetingForm
from network.models import DiscussionItem, Meeting
from network.selectors import meetings as selectors
from network.services import meetings as services

from .common import confirm_delete, network_manager_required


@login_required
@require_GET
def meeting_detail(request, pk):
    return render(
        request,
        "network/meeting_detail.html",
        {
            "meeting": selectors.meeting_detail(pk),
            "profile": selectors.network_profile(),
            "can_manage": access.can_manage_network(request.user),
            "is_participant": access.is_network_participant(request.user),
        },
    )


def _meeting_fields(form):
    data = dict(form.cleaned_data)
    data.pop("agenda")
    return data


def _form_page(request, form, heading, *, meeting=None, template="network/meeting_form.html", **extra):
    return render(request, template, {"form": form, "heading": heading, "meeting": meeting, **extra})


@network_manager_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    form = MeetingForm(posted(request))
    if form.is_valid():
        meeting, ok = run_service(
            form, services.meeting_create, by=request.user, agenda=form.cleaned_data["agenda"], **_meeting_fields(form)
        )
        if ok:
            messages.success(request, "Meeting added")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return _form_page(request, form, "Add a meeting")


@network_manager_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting.objects.prefetch_related("agenda_items"), pk=pk)
    form = MeetingForm(posted(request), meeting=meeting)
    if form.is_valid():
        _, ok = run_service(
            form,
            services.meeting_update,
            meeting=meeting,
            by=request.user,
            agenda=form.cleaned_data["agenda"],
            **_meeting_fields(form),
        )
        if ok:
            messages.success(request, "Meeting details saved")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return _form_page(request, form, "Change meeting details and agenda", meeting=meeting)


@network_manager_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    return confirm_delete(
        request,
        meeting,
        service=partial(services.meeting_cancel, meeting=meeting),
        heading="Cancel this meeting?",
        button="Cancel the meeting",
        done="Meeting cancelled",
        keep="Keep the meeting",
        explanation="The meeting stays on record as cancelled, with who cancelled it and when. Calendars that "
        "subscribed to it remove it.",
    )


@network_manager_required
@require_http_methods(["GET", "POST"])
def item_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = DiscussionItemForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, services.discussion_item_add, meeting=meeting, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Item discussed added")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return _form_page(request, form, "Add an item discussed", meeting=meeting)


@network_manager_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk, item_pk):
    item = get_object_or_404(DiscussionItem.objects.select_related("meeting"), pk=item_pk, meeting_id=pk)
    form = DiscussionItemForm(posted(request), item=item)
    if form.is_valid():
        _, ok = run_service(form, services.discussion_item_update, item=item, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Item discussed saved")
            return redirect("network:meeting_detail", pk=pk)
    return _form_page(request, form, "Change an item discussed", meeting=item.meeting)


@network_manager_required
@require_http_methods(["GET", "POST"])
def item_delete(request, pk, item_pk):
    item = get_object_or_404(DiscussionItem.objects.select_related("meeting"), pk=item_pk, meeting_id=pk)
    return confirm_delete(
        request,
        item.meeting,
        service=partial(services.discussion_item_delete, item=item),
        heading=f"Remove “{item.title}” from the record?",
        button="Remove item",
        done="Item discussed removed",
    )


@network_manager_required
@require_http_methods(["GET", "POST"])
def attendance_edit(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = AttendanceForm(posted(request), meeting=meeting)
    if form.is_valid():
        _, ok = run_service(
            form,
            services.meeting_attendance_set,
            meeting=meeting,
            by=request.user,
            version=form.cleaned_data["version"],
            departments=form.cleaned_data["departments"],
        )
        if ok:
            messages.success(request, "Attendance saved")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return _form_page(request, form, "Record attendance", meeting=meeting)
