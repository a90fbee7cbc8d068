"""The assessor writes TNA's report: details, the report's own texts, the statement of commitment,
sharing the draft for a factual accuracy check. Each page is a one-question form (GOV.UK pattern)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from accounts.selectors import active_assessors
from assessments.forms_authoring import CommitmentForm, ReportDetailsForm, ReportTextForm
from assessments.models import Assessment
from assessments.report.background import generated_background
from assessments.rules import assessor_may_edit
from assessments.selectors.assessments import usable_self_assessments
from assessments.selectors.authoring import authoring_for
from assessments.selectors.detail import assessment_detail as detail_read
from assessments.services.authoring import (
    TEXT_VERSIONS,
    assessment_commitment_save,
    assessment_details_save,
    assessment_share_for_factual_check,
    assessment_text_save,
)
from common.forms import ConfirmForm
from common.requests import posted, run_service

from .common import assessor_assessment, closed_page

NOT_WRITABLE = "This assessment is {status}: its report can no longer be changed."
NOT_TNA_LED = "A self-assessment is the department's own: it has no report for TNA to write."

# The report's own texts, by the address's word: (field, page heading, noun for messages, hint, types).
TEXTS = {
    "background": (
        "background_text",
        "Background",
        "background",
        "When the IMA took place, that the department produced an action plan, when progress was assessed and "
        "where the reports are published. Leave a blank line between paragraphs.",
        Assessment.TNA_LED_TYPES,
    ),
    "key-findings": (
        "key_findings",
        "Key findings",
        "key findings",
        "The executive summary: what the assessment found, in a few paragraphs. Leave a blank line between them.",
        Assessment.FULL_REPORT_TYPES,
    ),
    "next-steps-lead": (
        "next_steps_text",
        "Next steps: what The National Archives will do",
        "lead paragraph of the next steps",
        "The paragraph before the list of what the department should focus on.",
        (Assessment.Type.PROGRESS_REVIEW,),
    ),
}


def _writable(request, pk):
    """The assessment if the person may write its report now; else a 403 (role), 404 or a closed page."""
    assessment = assessor_assessment(request, pk)
    if not assessment.is_tna_led:
        raise Http404(NOT_TNA_LED)
    if not assessor_may_edit(request.user, assessment):
        message = NOT_WRITABLE.format(status=assessment.get_status_display().lower())
        return assessment, closed_page(request, message, "assessments:assessment_review", assessment.pk)
    return assessment, None


def _saved(request, assessment, what):
    messages.success(request, f"{what} saved")
    return redirect("assessments:assessment_review", assessment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_details(request, pk):
    assessment, closed = _writable(request, pk)
    if closed:
        return closed
    initial = {
        "interviews_from": assessment.interviews_from,
        "interviews_to": assessment.interviews_to,
        "fieldwork_place": assessment.fieldwork_place,
        "assessed_month": str(assessment.assessed_on.month) if assessment.assessed_on else "",
        "assessed_year": assessment.assessed_on.year if assessment.assessed_on else None,
        "team": list(assessment.team.all()),
        "self_assessment": assessment.self_assessment_id,
        "version": assessment.details_version,
    }
    form = ReportDetailsForm(
        posted(request),
        initial=initial,
        assessors=active_assessors(),
        self_assessments=usable_self_assessments(assessment.department),
    )
    if form.is_valid():
        _, ok = run_service(
            form, assessment_details_save, assessment=assessment, by=request.user, **form.service_arguments()
        )
        if ok:
            return _saved(request, assessment, "Report details")
    return render(request, "assessments/authoring/details.html", {"assessment": assessment, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def report_text(request, pk, part):
    assessment, closed = _writable(request, pk)
    if part not in TEXTS or assessment.assessment_type not in TEXTS[part][4]:
        raise Http404("No such part of this report")
    if closed:
        return closed
    field, heading, noun, hint, _types = TEXTS[part]
    current = getattr(assessment, field)
    generated = generated_background(assessment) if field == "background_text" else ""
    if generated and not current:
        hint += " This text was written from the report's dates: change it as you need. Once saved, yours is printed."
    version_field, _part = TEXT_VERSIONS[field]
    form = ReportTextForm(
        posted(request),
        initial={"text": current or generated, "version": getattr(assessment, version_field)},
        label=heading,
        noun=noun,
        help_text=hint,
        field=field,
    )
    if form.is_valid():
        _, ok = run_service(
            form,
            assessment_text_save,
            assessment=assessment,
            by=request.user,
            field=field,
            version=form.cleaned_data["version"],
            text=form.cleaned_data["text"],
        )
        if ok:
            if field == "next_steps_text":  # written from the Next steps page: back there
                messages.success(request, "Lead paragraph of the next steps saved")
                return redirect("actionplans:next_steps", assessment.pk)
            return _saved(request, assessment, heading.split(":")[0])
    context = {"assessment": assessment, "form": form, "heading": heading}
    return render(request, "assessments/authoring/text.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def commitment(request, pk):
    assessment, closed = _writable(request, pk)
    if assessment.assessment_type not in Assessment.FULL_REPORT_TYPES:
        raise Http404("Only an IMA or reassessment report has a statement of commitment")
    if closed:
        return closed
    initial = {
        "text": assessment.commitment_text,
        "signed_by": assessment.commitment_signed_by,
        "signed_on": assessment.commitment_signed_on,
        "version": assessment.commitment_version,
    }
    form = CommitmentForm(posted(request), initial=initial)
    if form.is_valid():
        _, ok = run_service(
            form, assessment_commitment_save, assessment=assessment, by=request.user, **form.cleaned_data
        )
        if ok:
            return _saved(request, assessment, "Statement of commitment")
    return render(request, "assessments/authoring/commitment.html", {"assessment": assessment, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def share_for_factual_check(request, pk):
    assessment, closed = _writable(request, pk)
    if closed:
        return closed
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(
            form,
            assessment_share_for_factual_check,
            assessment=assessment,
            by=request.user,
            today=timezone.localdate(),
        )
        if ok:
            messages.success(request, f"Draft shared with {assessment.department.name} for a factual accuracy check")
            return redirect("assessments:factual_check", assessment.pk)
    detail = detail_read(assessment)
    context = {"assessment": assessment, "form": form, "authoring": authoring_for(assessment, detail)}
    return render(request, "assessments/authoring/share.html", context)
