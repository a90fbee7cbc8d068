from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from actionplans.forms import RecommendationForm
from actionplans.models import ActionPlan, Recommendation
from actionplans.selectors.lists import recommendations_for_assessment
from actionplans.services.common import require_assessor
from actionplans.services.recommendations import (
    OPEN_ASSESSMENT_STATUSES,
    recommendation_close,
    recommendation_create,
    recommendation_reopen,
    recommendation_update,
)
from assessments.models import Assessment
from assessments.selectors.assessments import assessment_get_for_user_or_404
from common.forms import ConfirmForm
from common.requests import posted, run_service


def _assessment_or_404(user, pk):
    """An assessment whose recommendations the person may see (access.sees_tna_work), else 404."""
    assessment = assessment_get_for_user_or_404(user, pk)
    if not access.sees_tna_work(user, assessment):
        raise Http404("No such assessment")
    return assessment


def _recommendation_or_404(user, pk):
    recommendation = get_object_or_404(Recommendation.objects.select_related("assessment"), pk=pk)
    _assessment_or_404(user, recommendation.assessment_id)
    require_assessor(user)
    return recommendation


@login_required
@require_http_methods(["GET"])
def recommendation_list(request, assessment_id):
    assessment = _assessment_or_404(request.user, assessment_id)
    plan = ActionPlan.objects.filter(assessment=assessment).first()
    recommendations = recommendations_for_assessment(assessment)
    context = {
        "assessment": assessment,
        "recommendations": recommendations,
        "plan": plan,
        "can_write": access.is_assessor(request.user) and assessment.status in OPEN_ASSESSMENT_STATUSES,
        "can_start_plan": plan is None
        and bool(recommendations)
        and assessment.status == Assessment.Status.PUBLISHED
        and access.is_kim_lead(request.user, assessment.department),
    }
    return render(request, "actionplans/recommendation_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_create_view(request, assessment_id):
    assessment = _assessment_or_404(request.user, assessment_id)
    require_assessor(request.user)
    form = RecommendationForm(posted(request), assessment=assessment, submit_label="Add recommendation")
    if form.is_valid():
        recommendation, ok = run_service(
            form,
            recommendation_create,
            assessment=assessment,
            by=request.user,
            text=form.cleaned_data["text"],
            priority=form.cleaned_data["priority"],
            area=form.cleaned_data["area"],
        )
        if ok:
            messages.success(request, f"{recommendation.label} added")
            return redirect("actionplans:recommendation_list", assessment_id=assessment.pk)
    return render(
        request,
        "actionplans/recommendation_form.html",
        {"form": form, "assessment": assessment, "heading": "Add a recommendation"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_update_view(request, pk):
    recommendation = _recommendation_or_404(request.user, pk)
    assessment = _assessment_or_404(request.user, recommendation.assessment_id)
    initial = {
        "text": recommendation.text,
        "priority": recommendation.priority,
        "area": recommendation.area_id,
        "version": recommendation.version,
    }
    form = RecommendationForm(posted(request), initial=initial, assessment=assessment, recommendation=recommendation)
    if form.is_valid():
        _, ok = run_service(
            form,
            recommendation_update,
            recommendation=recommendation,
            by=request.user,
            version=form.cleaned_data["version"],
            text=form.cleaned_data["text"],
            priority=form.cleaned_data["priority"],
            area=form.cleaned_data["area"],
        )
        if ok:
            messages.success(request, f"{recommendation.label} saved")
            return redirect("actionplans:recommendation_list", assessment_id=assessment.pk)
    return render(
        request,
        "actionplans/recommendation_form.html",
        {"form": form, "assessment": assessment, "heading": f"Change {recommendation.label}"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_close_view(request, pk):
    recommendation = _recommendation_or_404(request.user, pk)
    reopening = recommendation.status == "closed"
    form = ConfirmForm(posted(request), submit_label=f"{'Reopen' if reopening else 'Close'} {recommendation.label}")
    if form.is_valid():
        service = recommendation_reopen if reopening else recommendation_close
        _, ok = run_service(form, service, recommendation=recommendation, by=request.user)
        if ok:
            messages.success(request, f"{recommendation.label} {'reopened' if reopening else 'closed'}")
            return redirect("actionplans:recommendation_list", assessment_id=recommendation.assessment_id)
    return render(
        request,
        "actionplans/recommendation_close.html",
        {"form": form, "recommendation": recommendation, "reopening": reopening},
    )
