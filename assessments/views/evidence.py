"""Evidence files are downloaded through here only: same access check as the assessment page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from assessments.models import Evidence
from assessments.rules import lead_may_edit
from assessments.services.evidence import evidence_delete
from common.downloads import stored_file_response
from common.forms import ConfirmForm
from common.requests import posted, run_service

from .common import closed_page

NOT_REMOVABLE = "This assessment can no longer be changed, so its evidence cannot be removed."


def _visible_evidence(request, pk, **filters):
    evidence = (
        Evidence.objects.filter(access.assessment_scope_q(request.user, prefix="rating__assessment__"))
        .filter(pk=pk, **filters)
        .select_related("rating__assessment__department", "rating__area__theme")
        .first()
    )
    if evidence is None:
        raise Http404("No such evidence")
    return evidence


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = _visible_evidence(request, pk, kind=Evidence.Kind.FILE)
    return stored_file_response(
        evidence.file,
        filename=evidence.original_filename,
        content_type=evidence.content_type or "application/octet-stream",
        fallback="evidence",
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_remove(request, pk):
    evidence = _visible_evidence(request, pk)
    rating = evidence.rating
    assessment = rating.assessment
    if not access.is_kim_lead(request.user, assessment.department):
        raise PermissionDenied
    if not lead_may_edit(request.user, assessment):
        return closed_page(request, NOT_REMOVABLE, "assessments:assessment_detail", assessment.pk)
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, evidence_delete, evidence=evidence, by=request.user)
        if ok:
            messages.success(request, f"Evidence removed: {evidence.title}")
            return redirect("assessments:area_edit", assessment.pk, rating.pk)
    return render(
        request,
        "assessments/evidence_remove.html",
        {"assessment": assessment, "evidence": evidence, "rating": rating, "form": form},
    )
