"""The KIM lead's pages: task list, one page per area, check your answers, submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.forms import ADD_EVIDENCE, SAVE_AND_CONTINUE, SAVE_AS_DRAFT, AreaSelfAssessmentForm
from assessments.models import Assessment
from assessments.rules import lead_may_edit, sees_task_list
from assessments.selectors.detail import area_page
from assessments.selectors.detail import assessment_detail as detail_read
from assessments.services.area import area_self_assessment_save
from assessments.services.lifecycle import assessment_submit as submit_service
from common.forms import ConfirmForm
from common.requests import posted, run_service

from .common import closed_page, department_lead_assessment, visible_assessment

NOT_EDITABLE = "This assessment is {status}. Your department can change it only while it is a draft or returned."
FROM_CHECK = "check"
COMPLETE_AFTER = {SAVE_AND_CONTINUE: True, SAVE_AS_DRAFT: False, ADD_EVIDENCE: None}


@login_required
@require_GET
def task_list(request, pk):
    assessment = visible_assessment(request, pk)
    if not sees_task_list(request.user, assessment):
        raise PermissionDenied
    return render(
        request,
        "assessments/task_list.html",
        {
            "assessment": assessment,
            "detail": detail_read(assessment),
            "may_edit": lead_may_edit(request.user, assessment),
        },
    )


def _not_editable(request, assessment):
    """None while the department may change the assessment; otherwise back to the assessment page, saying why."""
    if lead_may_edit(request.user, assessment):
        return None
    message = NOT_EDITABLE.format(status=assessment.get_status_display().lower())
    return closed_page(request, message, "assessments:assessment_detail", assessment.pk)


def _after_save(assessment, page, action, came_from):
    if action == ADD_EVIDENCE:
        url = reverse("assessments:area_edit", args=[assessment.pk, page.row.rating.pk])
        return redirect(f"{url}?from={came_from}#evidence" if came_from else f"{url}#evidence")
    if action == SAVE_AS_DRAFT:
        return redirect("assessments:task_list", assessment.pk)
    if came_from == FROM_CHECK or page.next_to_do_rating_id is None:
        return redirect("assessments:check_answers", assessment.pk)
    return redirect("assessments:area_edit", assessment.pk, page.next_to_do_rating_id)


@login_required
@require_http_methods(["GET", "POST"])
def area_edit(request, pk, rating_id):
    assessment = department_lead_assessment(request, pk)
    if (refusal := _not_editable(request, assessment)) is not None:
        return refusal
    page = area_page(assessment, rating_id)
    rating = page.row.rating
    came_from = FROM_CHECK if request.GET.get("from") == FROM_CHECK else ""
    form = AreaSelfAssessmentForm(
        posted(request),
        posted(request, files=True),
        initial={
            "version": rating.version,
            "self_rating": str(rating.self_rating_id or ""),
            "narrative": rating.narrative,
        },
        levels=page.levels,
        area=rating.area,
        action=request.POST.get("action", SAVE_AND_CONTINUE),
    )
    if form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            area_self_assessment_save,
            rating=rating,
            by=request.user,
            version=data["version"],
            self_rating=data.get("self_rating"),
            narrative=data.get("narrative", ""),
            complete=COMPLETE_AFTER[form.action],
            upload=data.get("evidence_file"),
            upload_title=data.get("evidence_file_title", ""),
            link_url=data.get("link_url", ""),
            link_title=data.get("link_title", ""),
        )
        if ok:
            if form.action == ADD_EVIDENCE:
                upload = data.get("evidence_file")
                added = data.get("evidence_file_title") or data.get("link_title") or (upload.name if upload else "")
                messages.success(request, f"Evidence added: {added}" if added else "Evidence added")
            return _after_save(assessment, page, form.action, came_from)
    return render(
        request,
        "assessments/area_edit.html",
        {
            "assessment": assessment,
            "page": page,
            "row": page.row,
            "form": form,
            "came_from": came_from,
            "may_edit": True,
        },
    )


def _check_answers_page(request, assessment, form):
    return render(
        request,
        "assessments/check_answers.html",
        {"assessment": assessment, "detail": detail_read(assessment), "form": form},
    )


@login_required
@require_GET
def check_answers(request, pk):
    assessment = department_lead_assessment(request, pk)
    if (refusal := _not_editable(request, assessment)) is not None:
        return refusal
    return _check_answers_page(request, assessment, ConfirmForm(None))


@login_required
@require_POST
def assessment_submit(request, pk):
    assessment = department_lead_assessment(request, pk)
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, submit_service, assessment=assessment, by=request.user)
        if ok:
            return redirect("assessments:assessment_submitted", assessment.pk)
    return _check_answers_page(request, assessment, form)


@login_required
@require_GET
def assessment_submitted(request, pk):
    assessment = department_lead_assessment(request, pk)
    if assessment.status != Assessment.Status.SUBMITTED:
        return redirect("assessments:assessment_detail", assessment.pk)
    return render(request, "assessments/submitted.html", {"assessment": assessment})
