"""The assessor writes a progress review's Next steps: the items of what the department should focus on."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from actionplans.forms.next_steps import NextStepForm, SuggestionsForm
from actionplans.models import NextStep
from actionplans.selectors.next_steps import next_step_suggestions, next_steps_for, recommendation_choices
from actionplans.services.common import require_assessor
from actionplans.services.next_steps import (
    next_step_add,
    next_step_move,
    next_step_remove,
    next_step_update,
    next_steps_add_suggested,
)
from assessments.models import Assessment
from assessments.rules import assessor_may_edit
from assessments.selectors.assessments import assessment_get_for_user_or_404
from common.forms import ConfirmForm
from common.requests import posted, run_service


def _review(request, assessment_id):
    assessment = assessment_get_for_user_or_404(request.user, assessment_id)
    require_assessor(request.user)
    if assessment.assessment_type != Assessment.Type.PROGRESS_REVIEW:
        raise Http404("Only a progress review has next steps")
    return assessment


def _step(request, pk):
    step = get_object_or_404(NextStep.objects.select_related("assessment", "recommendation__assessment"), pk=pk)
    _review(request, step.assessment_id)
    return step


def _page(request, assessment, *, form=None, suggestions_form=None):
    suggestions = next_step_suggestions(assessment)
    context = {
        "assessment": assessment,
        "steps": next_steps_for(assessment),
        "may_edit": assessor_may_edit(request.user, assessment),
        "form": form or NextStepForm(recommendations=recommendation_choices(assessment), submit_label="Add next step"),
        "suggestions_form": suggestions_form or (SuggestionsForm(suggestions=suggestions) if suggestions else None),
    }
    return render(request, "actionplans/next_steps.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def next_steps(request, assessment_id):
    assessment = _review(request, assessment_id)
    if request.method == "GET":
        return _page(request, assessment)
    if "add_suggested" in request.POST:
        suggestions_form = SuggestionsForm(posted(request), suggestions=next_step_suggestions(assessment))
        if suggestions_form.is_valid():
            _, ok = run_service(
                suggestions_form,
                next_steps_add_suggested,
                assessment=assessment,
                by=request.user,
                recommendations=suggestions_form.chosen(),
            )
            if ok:
                messages.success(request, "Next steps added: change their words as you need")
                return redirect("actionplans:next_steps", assessment.pk)
        return _page(request, assessment, suggestions_form=suggestions_form)
    form = NextStepForm(
        posted(request), recommendations=recommendation_choices(assessment), submit_label="Add next step"
    )
    if form.is_valid():
        _, ok = run_service(form, next_step_add, assessment=assessment, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Next step added")
            return redirect("actionplans:next_steps", assessment.pk)
    return _page(request, assessment, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def next_step_edit(request, pk):
    step = _step(request, pk)
    initial = {"text": step.text, "recommendation": step.recommendation_id, "version": step.version}
    form = NextStepForm(
        posted(request),
        initial=initial,
        recommendations=recommendation_choices(step.assessment),
        submit_label="Save next step",
        editing=True,
    )
    if form.is_valid():
        _, ok = run_service(form, next_step_update, step=step, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Next step saved")
            return redirect("actionplans:next_steps", step.assessment_id)
    return render(
        request, "actionplans/next_step_form.html", {"step": step, "assessment": step.assessment, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def next_step_remove_view(request, pk):
    step = _step(request, pk)
    form = ConfirmForm(posted(request), submit_label="Remove next step", warning=True)
    if form.is_valid():
        _, ok = run_service(form, next_step_remove, step=step, by=request.user)
        if ok:
            messages.success(request, "Next step removed")
            return redirect("actionplans:next_steps", step.assessment_id)
    return render(
        request, "actionplans/next_step_remove.html", {"step": step, "assessment": step.assessment, "form": form}
    )


@login_required
@require_POST
def next_step_move_view(request, pk, direction):
    step = _step(request, pk)
    form = ConfirmForm(posted(request))
    _, ok = run_service(form, next_step_move, step=step, by=request.user, offset=-1 if direction == "up" else 1)
    if not ok:  # the report was published meanwhile: the page says so and no longer offers the buttons
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect(reverse("actionplans:next_steps", args=[step.assessment_id]) + f"#step-{step.pk}")
