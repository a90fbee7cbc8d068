"""The list of assessments, opening and starting one, and the assessment page with its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from accounts.models import Department
from assessments.forms import AssessmentListFilterForm, OpenAssessmentForm, StartSelfAssessmentForm
from assessments.rules import (
    assessor_may_review,
    lead_may_edit,
    sees_assessor_work,
    sees_factual_check,
    sees_recommendations,
)
from assessments.selectors.assessments import (
    assessments_listed_for,
    assessor_queue,
    progress_add,
    self_assessment_starts,
)
from assessments.selectors.detail import assessment_detail as detail_read
from assessments.selectors.history import assessment_history as history_read
from assessments.services.lifecycle import assessment_open as open_service
from assessments.services.lifecycle import self_assessment_start as start_service
from common.pagination import paginate
from common.requests import posted, run_service

from .common import visible_assessment

ASSESSMENTS_PER_PAGE = 25


def _open_form(user, data=None):
    return OpenAssessmentForm(data, departments=access.visible_departments(user).filter(is_active=True))


def _led_departments(user):
    return list(Department.objects.filter(pk__in=access.led_department_ids(user), is_active=True))


@login_required
@require_GET
def assessment_list(request):
    user = request.user
    filter_form = AssessmentListFilterForm(
        request.GET or None, departments=list(access.visible_departments(user).filter(is_active=True).order_by("name"))
    )
    chosen = filter_form.lookups()
    listing = paginate(request, assessments_listed_for(user).filter(**chosen), per_page=ASSESSMENTS_PER_PAGE)
    context = {
        "filter_form": filter_form,
        "filtered": bool(chosen),
        "assessments": progress_add(listing.rows),
        "listing": listing,
        "is_assessor": access.is_assessor(user),
        "led_departments": _led_departments(user),
    }
    starts = self_assessment_starts(context["led_departments"], today=timezone.localdate())
    context["can_start_self_assessment"] = any(start.can_start for start in starts)
    if context["is_assessor"]:
        context["queue"] = assessor_queue(user)
    return render(request, "assessments/assessment_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_open(request):
    if not access.is_assessor(request.user):
        raise PermissionDenied
    form = _open_form(request.user, posted(request))
    if form.is_valid():
        assessment, ok = run_service(form, open_service, by=request.user, **form.cleaned_data)
        if ok:
            label = f"{assessment.get_assessment_type_display()} {assessment.year}"
            messages.success(request, f"{label} for {assessment.department.name} opened")
            return redirect("assessments:assessment_review", assessment.pk)
    return render(request, "assessments/assessment_open.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def self_assessment_start(request):
    departments = _led_departments(request.user)
    if not departments:
        raise PermissionDenied
    starts = self_assessment_starts(departments, today=timezone.localdate())
    startable = [start for start in starts if start.can_start]
    context = {"starts": starts, "departments": departments}
    if not startable:
        # Offer only what can succeed: say why nothing can be started, and link to what can be continued.
        return render(request, "assessments/self_assessment_start.html", context)
    form = StartSelfAssessmentForm(posted(request), starts=startable)
    if form.is_valid():
        assessment, ok = run_service(
            form,
            start_service,
            by=request.user,
            department=form.cleaned_data["department"],
            year=form.cleaned_data["year"],
        )
        if ok:
            return redirect("assessments:task_list", assessment.pk)
    context.update(form=form, startable=startable)
    return render(request, "assessments/self_assessment_start.html", context)


@login_required
@require_GET
def assessment_detail(request, pk):
    assessment = visible_assessment(request, pk)
    user = request.user
    return render(
        request,
        "assessments/assessment_detail.html",
        {
            "assessment": assessment,
            "detail": detail_read(assessment),
            "show_assessor_work": sees_assessor_work(user, assessment),
            "lead_may_edit": lead_may_edit(user, assessment),
            "assessor_may_review": assessor_may_review(user, assessment),
            "sees_recommendations": sees_recommendations(user, assessment),
            "sees_factual_check": sees_factual_check(user, assessment),
            "is_lead": access.is_kim_lead(user, assessment.department),
            "tab": "ratings",
        },
    )


@login_required
@require_GET
def assessment_history(request, pk):
    assessment = visible_assessment(request, pk)
    return render(
        request,
        "assessments/assessment_history.html",
        {
            "assessment": assessment,
            "entries": history_read(assessment, user=request.user),
            "tab": "history",
        },
    )
