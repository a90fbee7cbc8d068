from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from actionplans.exports import plan_csv, plans_xlsx
from actionplans.forms import PlanImportForm, PlanListFilterForm
from actionplans.imports import PlanWorkbookReader
from actionplans.models import Recommendation
from actionplans.selectors.plans import plan_for_user_or_404, plans_visible_to
from actionplans.selectors.rows import groups_for_plans
from actionplans.services.common import require_lead
from actionplans.services.imports import plan_import_actions
from common.downloads import XLSX_CONTENT_TYPE, download_response
from common.requests import posted, run_service

from .common import department_members, today


def _filename(plan, extension):
    return f"action-plan-{plan.assessment.department.slug}-{plan.assessment.year}.{extension}"


@login_required
@require_http_methods(["GET"])
def plan_export_csv(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    groups = groups_for_plans([plan], today=today())[plan.pk]
    return download_response(plan_csv(groups), content_type="text/csv; charset=utf-8", filename=_filename(plan, "csv"))


@login_required
@require_http_methods(["GET"])
def plan_export_xlsx(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    groups = groups_for_plans([plan], today=today())[plan.pk]
    title = f"Action plan: {plan.assessment.department.name}, {plan.assessment.short_label}"
    return download_response(
        plans_xlsx([(plan, groups)], title=title), content_type=XLSX_CONTENT_TYPE, filename=_filename(plan, "xlsx")
    )


@login_required
@require_http_methods(["GET"])
def plans_export_xlsx(request):
    """Every plan the person may see (narrowed by the plan list's filters), one sheet each."""
    departments = list(access.visible_departments(request.user).filter(is_active=True))
    filters = PlanListFilterForm(request.GET or None, departments=departments).filters()
    plans = plans_visible_to(request.user).order_by("assessment__department__name", "-assessment__year")
    if filters.get("department"):
        plans = plans.filter(assessment__department__slug=filters["department"])
    if filters.get("status"):
        plans = plans.filter(status=filters["status"])
    plans = list(plans)
    groups = groups_for_plans(plans, today=today())
    content = plans_xlsx([(plan, groups[plan.pk]) for plan in plans])
    return download_response(
        content, content_type=XLSX_CONTENT_TYPE, filename=f"action-plans-{today().isoformat()}.xlsx"
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_view(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    require_lead(request.user, plan.assessment.department)
    reader = PlanWorkbookReader(
        recommendations=Recommendation.objects.filter(assessment_id=plan.assessment_id),
        members=department_members(plan.assessment.department),
    )
    form = PlanImportForm(posted(request), posted(request, files=True), reader=reader)
    if form.is_valid():
        created, ok = run_service(form, plan_import_actions, plan=plan, by=request.user, actions=form.actions)
        if ok:
            messages.success(request, f"{len(created)} actions imported")
            return redirect("actionplans:plan_detail", pk=plan.pk)
    return render(request, "actionplans/plan_import.html", {"form": form, "plan": plan})
