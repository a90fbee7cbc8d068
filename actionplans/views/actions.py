from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from actionplans.forms import ActionForm, ProgressCorrectionForm, ProgressUpdateForm
from actionplans.models import ProgressUpdate
from actionplans.permissions import plan_permissions
from actionplans.selectors.plans import action_for_user_or_404, plan_for_user_or_404, progress_update_for_user_or_404
from actionplans.selectors.rows import action_row
from actionplans.services.actions import action_create, action_delete, action_update
from actionplans.services.common import require_lead, require_progress_author
from actionplans.services.progress import progress_update_correct, progress_update_create
from common.forms import ConfirmForm
from common.requests import posted, run_service

from .common import department_members, today


def _action_fields(form):
    data = form.cleaned_data
    return {
        "description": data["description"],
        "owner_text": data["owner_text"],
        "owner_user": data["owner_user"],
        "priority": data["priority"],
        "due_date": data["due_date"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def action_create_view(request, pk):
    plan = plan_for_user_or_404(request.user, pk)
    require_lead(request.user, plan.assessment.department)
    members = department_members(plan.assessment.department)
    initial = {"recommendation": request.GET.get("recommendation")} if request.GET.get("recommendation") else {}
    form = ActionForm(posted(request), initial=initial, plan=plan, members=members, submit_label="Add action")
    if form.is_valid():
        action, ok = run_service(
            form,
            action_create,
            plan=plan,
            by=request.user,
            recommendation=form.cleaned_data["recommendation"],
            **_action_fields(form),
        )
        if ok:
            messages.success(request, f"Action {action.label} added")
            return redirect("actionplans:plan_detail", pk=plan.pk)
    return render(request, "actionplans/action_form.html", {"form": form, "plan": plan, "heading": "Add an action"})


@login_required
@require_http_methods(["GET", "POST"])
def action_update_view(request, pk):
    action = action_for_user_or_404(request.user, pk)
    plan = action.plan
    require_lead(request.user, plan.assessment.department)
    members = department_members(plan.assessment.department)
    initial = {
        "description": action.description,
        "owner_text": action.owner_text,
        "owner_user": action.owner_user_id,
        "priority": action.priority,
        "due_date": action.due_date,
        "version": action.version,
    }
    form = ActionForm(posted(request), initial=initial, plan=plan, members=members, action=action)
    if form.is_valid():
        _, ok = run_service(
            form,
            action_update,
            action=action,
            by=request.user,
            version=form.cleaned_data["version"],
            **_action_fields(form),
        )
        if ok:
            messages.success(request, f"Action {action.label} saved")
            return redirect("actionplans:plan_detail", pk=plan.pk)
    return render(
        request,
        "actionplans/action_form.html",
        {"form": form, "plan": plan, "action": action, "heading": f"Change action {action.label}"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_delete_view(request, pk):
    action = action_for_user_or_404(request.user, pk)
    plan = action.plan
    require_lead(request.user, plan.assessment.department)
    form = ConfirmForm(posted(request), submit_label=f"Delete action {action.label}", warning=True)
    if form.is_valid():
        label = action.label
        _, ok = run_service(form, action_delete, action=action, by=request.user)
        if ok:
            messages.success(request, f"Action {label} deleted")
            return redirect("actionplans:plan_detail", pk=plan.pk)
    return render(request, "actionplans/action_delete.html", {"form": form, "plan": plan, "action": action})


@login_required
@require_http_methods(["GET"])
def action_detail(request, pk):
    action = action_for_user_or_404(request.user, pk)
    updates = ProgressUpdate.objects.filter(action=action).select_related("author").order_by("-date", "-created_at")
    context = {
        "action": action,
        "plan": action.plan,
        "row": action_row(action, today=today()),
        "updates": list(updates),
        "perms": plan_permissions(request.user, action.plan),
        "is_lead": access.is_kim_lead(request.user, action.plan.assessment.department),
        "may_record_progress": access.may_record_progress(
            request.user, department=action.plan.assessment.department, owner_user_id=action.owner_user_id
        ),
    }
    return render(request, "actionplans/action_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def progress_correct_view(request, pk):
    update = progress_update_for_user_or_404(request.user, pk)
    action = update.action
    require_progress_author(request.user, action)
    form = ProgressCorrectionForm(posted(request), update=update)
    if form.is_valid():
        _, ok = run_service(
            form,
            progress_update_correct,
            update=update,
            by=request.user,
            commentary=form.cleaned_data["commentary"],
            date=form.cleaned_data["date"],
        )
        if ok:
            messages.success(request, f"Progress update on {action.label} corrected")
            return redirect("actionplans:action_detail", pk=action.pk)
    return render(
        request,
        "actionplans/progress_form.html",
        {
            "form": form,
            "action": action,
            "plan": action.plan,
            "heading": f"Correct a progress update on {action.label}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress_create_view(request, pk):
    action = action_for_user_or_404(request.user, pk)
    require_progress_author(request.user, action)
    form = ProgressUpdateForm(posted(request), action=action)
    if form.is_valid():
        _, ok = run_service(
            form,
            progress_update_create,
            action=action,
            by=request.user,
            commentary=form.cleaned_data["commentary"],
            date=form.cleaned_data["date"],
            status=form.cleaned_data["status"],
        )
        if ok:
            messages.success(request, f"Progress update on {action.label} saved")
            return redirect("actionplans:action_detail", pk=action.pk)
    return render(
        request,
        "actionplans/progress_form.html",
        {"form": form, "action": action, "plan": action.plan, "heading": f"Update progress on action {action.label}"},
    )
