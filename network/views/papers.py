from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from common.downloads import stored_file_response
from common.requests import posted, run_service
from common.uploads import download_name
from network.forms.meetings import PaperForm
from network.models import Meeting, MeetingPaper
from network.services import papers as services

from .common import confirm_delete, network_manager_required, network_participant_or_404


@network_manager_required
@require_http_methods(["GET", "POST"])
def paper_add(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = PaperForm(posted(request), posted(request, files=True))
    if form.is_valid():
        _, ok = run_service(
            form,
            services.paper_add,
            meeting=meeting,
            by=request.user,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
        if ok:
            messages.success(request, "Paper uploaded")
            return redirect("network:meeting_detail", pk=meeting.pk)
    return render(request, "network/paper_form.html", {"form": form, "heading": "Upload a paper", "meeting": meeting})


@login_required
@require_GET
def paper_download(request, pk, paper_pk):
    """Never a public URL: the file is streamed here after the access check, as an attachment."""
    network_participant_or_404(request.user)
    paper = get_object_or_404(MeetingPaper, pk=paper_pk, meeting_id=pk)
    return stored_file_response(
        paper.file,
        filename=download_name(paper.original_filename, paper.extension, fallback="paper"),
        content_type=paper.content_type,
    )


@network_manager_required
@require_http_methods(["GET", "POST"])
def paper_delete(request, pk, paper_pk):
    paper = get_object_or_404(MeetingPaper.objects.select_related("meeting"), pk=paper_pk, meeting_id=pk)
    return confirm_delete(
        request,
        paper.meeting,
        service=partial(services.paper_delete, paper=paper),
        heading=f"Remove the paper “{paper.title}”?",
        button="Remove paper",
        done="Paper removed",
    )
