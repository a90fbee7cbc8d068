from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from actionplans.choices import PlanStatus, ReviewDecision
from actionplans.forms import PlanCloseForm, PlanReviewForm
from actionplans.selectors.plans import plan_for_user_or_404, plan_page
from actionplans.services.common import require_assessor
from actionplans.services.review import plan_accept, plan_close, plan_return
from common.requests import posted, run_service

from .common import today


def _assessor_plan(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    require_assessor(request.user)
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def plan_review_view(request, pk):
    plan = _assessor_plan(request, pk)
    if plan.status != PlanStatus.SUBMITTED:
        messages.info(request, "This plan is not waiting for review.")
        return redirect("actionplans:plan_detail", pk=plan.pk)
    page = plan_page(plan, today=today())
    actions = [row.action for row in page.rows]
    form = PlanReviewForm(posted(request), actions=actions)
    if form.is_valid():
        returning = form.cleaned_data["decision"] == ReviewDecision.RETURNED
        _, ok = run_service(
            form,
            plan_return if returning else plan_accept,
            plan=plan,
            by=request.user,
            comment=form.cleaned_data["comment"],
            action_comments=form.action_comments(),
        )
        if ok:
            return redirect("actionplans:plan_confirmation", pk=plan.pk, event="returned" if returning else "accepted")
    comment_fields = {action.pk: form.action_field(action) for action in actions}
    return render(
        request,
        "actionplans/plan_review.html",
        {"plan": plan, "page": page, "form": form, "comment_fields": comment_fields},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_close_view(request, pk):
    plan = _assessor_plan(request, pk)
    form = PlanCloseForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, plan_close, plan=plan, by=request.user, comment=form.cleaned_data["comment"])
        if ok:
            return redirect("actionplans:plan_confirmation", pk=plan.pk, event="closed")
    page = plan_page(plan, today=today())
    return render(request, "actionplans/plan_close.html", {"plan": plan, "page": page, "form": form})
