from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from actionplans.forms import PlanFilterForm, PlanListFilterForm
from actionplans.models import PlanReview
from actionplans.permissions import plan_permissions
from actionplans.selectors.history import plan_history
from actionplans.selectors.lists import assessments_awaiting_plan, plan_summaries, plans_listed_for
from actionplans.selectors.plans import filter_groups, plan_for_user_or_404, plan_page
from actionplans.services.common import require_lead
from actionplans.services.plans import plan_create, plan_reopen, plan_submit
from assessments.selectors.assessments import assessment_get_for_user_or_404
from common.forms import ConfirmForm
from common.pagination import paginate
from common.requests import posted, run_service

from .common import today

CONFIRMATIONS = {
    "submitted": ("Action plan submitted", "The National Archives will review it and tell you their decision."),
    "accepted": ("Action plan accepted", "The department's KIM leads have been told by email."),
    "returned": ("Action plan returned", "The department's KIM leads have been told by email, with your comments."),
    "closed": ("Action plan closed by agreement", "The department's KIM leads have been told by email."),
}
PLANS_PER_PAGE = 25
AWAITING_PER_PAGE = 10


@login_required
@require_http_methods(["GET"])
def plan_list(request):
    departments = list(access.visible_departments(request.user).filter(is_active=True).order_by("name"))
    filter_form = PlanListFilterForm(request.GET or None, departments=departments)
    filters = filter_form.filters()
    department = next((d for d in departments if d.slug == filters.get("department")), None)
    plans = plans_listed_for(request.user, department=department, status=filters.get("status", ""))
    listing = paginate(request, plans, per_page=PLANS_PER_PAGE, fragment="plans", label="Pages of plans")
    context = {
        "summaries": plan_summaries(listing.rows, today=today()),
        "listing": listing,
        "filter_form": filter_form,
        "awaiting": paginate(
            request,
            assessments_awaiting_plan(request.user),
            per_page=AWAITING_PER_PAGE,
            parameter="awaiting_page",
            fragment="awaiting",
            label="Pages of assessments waiting for an action plan",
        ),
        "is_assessor": access.is_assessor(request.user),
        "led_ids": access.led_department_ids(request.user),
        # The filters applied, without page numbers: the export holds every page.
        "query": urlencode(filters),
    }
    return render(request, "actionplans/plan_list.html", context)


@login_required
@require_http_methods(["GET"])
def plan_detail(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    page = plan_page(plan, today=today())
    filter_form = PlanFilterForm(request.GET or None, owners=page.owners)
    filters = filter_form.filters()
    groups = filter_groups(page.groups, **filters) if filters else page.groups
    context = {
        "plan": plan,
        "page": page,
        "groups": groups,
        "filters": filters,
        "shown": sum(len(group.rows) for group in groups),
        "filter_form": filter_form,
        "perms": plan_permissions(request.user, plan),
    }
    return render(request, "actionplans/plan_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_create_view(request, assessment_id):
    assessment = assessment_get_for_user_or_404(request.user, assessment_id)
    # Only its KIM leads start a plan (403 for others), but whoever may not see its recommendations gets a 404.
    if not access.is_kim_lead(request.user, assessment.department) and not access.sees_tna_work(
        request.user, assessment
    ):
        raise Http404("No such assessment")
    require_lead(request.user, assessment.department)
    form = ConfirmForm(posted(request), submit_label="Start the action plan")
    if form.is_valid():
        plan, ok = run_service(form, plan_create, assessment=assessment, by=request.user)
        if ok:
            messages.success(request, "Action plan started. Add actions for each recommendation, then submit it.")
            return redirect("actionplans:plan_detail", pk=plan.pk)
    return render(request, "actionplans/plan_create.html", {"form": form, "assessment": assessment})


def _lead_confirm(request, pk, *, service, template, submit_label, success):
    plan = plan_for_user_or_404(request.user, pk)
    require_lead(request.user, plan.assessment.department)
    form = ConfirmForm(posted(request), submit_label=submit_label)
    if form.is_valid():
        _, ok = run_service(form, service, plan=plan, by=request.user)
        if ok:
            return success(plan)
    page = plan_page(plan, today=today())
    return render(request, template, {"form": form, "plan": plan, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def plan_submit_view(request, pk):
    return _lead_confirm(
        request,
        pk,
        service=plan_submit,
        template="actionplans/plan_submit.html",
        submit_label="Submit the plan",
        success=lambda plan: redirect("actionplans:plan_confirmation", pk=plan.pk, event="submitted"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_reopen_view(request, pk):
    def success(plan):
        messages.success(request, "The plan is open for changes. Submit it again when you have finished.")
        return redirect("actionplans:plan_detail", pk=plan.pk)

    return _lead_confirm(
        request,
        pk,
        service=plan_reopen,
        template="actionplans/plan_reopen.html",
        submit_label="Reopen the plan for changes",
        success=success,
    )


@login_required
@require_http_methods(["GET"])
def plan_confirmation(request, pk, event):
    plan = plan_for_user_or_404(request.user, pk)
    if event not in CONFIRMATIONS:
        raise Http404("No such confirmation")
    title, body = CONFIRMATIONS[event]
    return render(request, "actionplans/plan_confirmation.html", {"plan": plan, "title": title, "body": body})


@login_required
@require_http_methods(["GET"])
def plan_history_view(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    reviews = list(PlanReview.objects.filter(plan=plan).select_related("reviewer"))
    return render(
        request, "actionplans/plan_history.html", {"plan": plan, "events": plan_history(plan), "reviews": reviews}
    )


@login_required
@require_http_methods(["GET"])
def review_detail(request, pk, review_id):
    plan = plan_for_user_or_404(request.user, pk)
    review = get_object_or_404(
        PlanReview.objects.select_related("reviewer").prefetch_related("action_comments"), plan=plan, pk=review_id
    )
    comments = {comment.action_id: comment.comment for comment in review.action_comments.all()}
    return render(request, "actionplans/review_detail.html", {"plan": plan, "review": review, "comments": comments})
