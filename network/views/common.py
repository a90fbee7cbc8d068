from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render

from accounts import access
from common.forms import ConfirmForm
from common.requests import posted, run_service


def network_manager_required(view):
    """Assessors and administrators only: members may read the record but not change it (403)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.can_manage_network(request.user):
            raise PermissionDenied("Only The National Archives records the network's meetings.")
        return view(request, *args, **kwargs)

    return wrapped


def network_participant_or_404(user):
    """Papers and the library are for the network: department members, assessors and administrators."""
    if not access.is_network_participant(user):
        raise Http404("Not in the network")


def network_participant_required(view):
    """Signed in and in the network (403 otherwise: the page exists, the person has no role in it)."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not access.is_network_participant(request.user):
            raise PermissionDenied("Only members of the KIM Leaders' Network can see this page.")
        return view(request, *args, **kwargs)

    return wrapped


def confirm_delete(request, meeting, *, service, heading, button, done, keep="Cancel", explanation=None):
    """A "Remove …" page and its button (a ConfirmForm): removed and back to the meeting, or the page again
    with the error summary when the service refuses. `service` takes only `by`."""
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, service, by=request.user)
        if ok:
            messages.success(request, done)
            return redirect("network:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "network/confirm_delete.html",
        {
            "form": form,
            "meeting": meeting,
            "heading": heading,
            "button": button,
            "keep": keep,
            "explanation": explanation or "This cannot be undone from this page.",
        },
    )
