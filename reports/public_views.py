"""The assessor's side of the public site: publish an issued report there, and withdraw it (assessors only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from common.errors import NotAllowed
from common.requests import posted, run_service

from . import publication, selectors
from .forms import PublicReleaseForm, PublicWithdrawForm
from .public import release_for_assessment

RELEASED = "The report will appear on the public site from {date}."
WITHDRAWN = "The report has been withdrawn from the public site. Its page now shows your notice."


def _assessor_assessment(request, assessment_id):
    assessment = selectors.assessment_get_visible_or_404(request.user, assessment_id)
    if not access.is_assessor(request.user):
        raise NotAllowed(publication.RELEASE_ONLY_ASSESSORS)
    return assessment


@login_required
@require_http_methods(["GET", "POST"])
def public_release(request, assessment_id):
    """The report's public-site status; while unreleased, the release form (a refusal: its error summary)."""
    assessment = _assessor_assessment(request, assessment_id)
    release = release_for_assessment(assessment)
    issued = publication.latest_issued(assessment)
    context = {"assessment": assessment, "release": release, "issued": issued}
    if release is not None or issued is None:
        if request.method == "POST":
            messages.error(request, publication.RELEASE_EXISTS if release else publication.RELEASE_NEEDS_ISSUED)
            return redirect("reports:public_release", assessment.pk)
        if release is not None:
            sections = dict(publication.report_sections(release.issued_report.snapshot))
            context["withheld"] = [sections.get(key, key) for key in release.withheld_sections]
        return render(request, "reports/public_release.html", context)
    form = PublicReleaseForm(posted(request), sections=publication.report_sections(issued.snapshot))
    if form.is_valid():
        created, ok = run_service(
            form, publication.public_release_create, assessment=assessment, by=request.user, **form.cleaned_data
        )
        if ok:
            messages.success(request, RELEASED.format(date=f"{created.released_on:%-d %B %Y}"))
            return redirect("reports:public_release", assessment.pk)
    return render(request, "reports/public_release.html", {**context, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def public_withdraw(request, assessment_id):
    assessment = _assessor_assessment(request, assessment_id)
    release = release_for_assessment(assessment)
    if release is None:
        raise Http404("This report is not on the public site")
    if release.is_withdrawn:
        messages.error(request, publication.WITHDRAW_ALREADY)
        return redirect("reports:public_release", assessment.pk)
    form = PublicWithdrawForm(posted(request))
    if form.is_valid():
        _, ok = run_service(
            form, publication.public_release_withdraw, release=release, by=request.user, **form.cleaned_data
        )
        if ok:
            messages.success(request, WITHDRAWN)
            return redirect("reports:public_release", assessment.pk)
    return render(request, "reports/public_withdraw.html", {"assessment": assessment, "release": release, "form": form})
