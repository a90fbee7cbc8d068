"""The KIM lead's set-up: teams (one by one or imported) and criteria (from the starter set or their own)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from common.requests import posted, run_service
from monitoring import selectors
from monitoring.forms import CriterionForm, StarterCriterionForm, TeamForm, TeamImportForm
from monitoring.services import criteria as criteria_services
from monitoring.services import teams as team_services

from .common import managed_department


@login_required
@require_GET
def team_list(request, slug):
    department = managed_department(request, slug)
    return render(
        request, "monitoring/team_list.html", {"department": department, "teams": selectors.teams_of(department)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def team_edit(request, slug, pk=None):
    department = managed_department(request, slug)
    team = selectors.team_get_or_404(department, pk) if pk else None
    initial = {"is_active": True}
    if team is not None:
        initial = {
            "name": team.name,
            "directorate": team.directorate,
            "director_name": team.director_name,
            "director_email": team.director_email,
            "contact_email": team.contact.email if team.contact else "",
            "is_active": team.is_active,
        }
    form = TeamForm(posted(request), initial=initial, submit_label="Save team" if team else "Add team")
    if form.is_valid():
        saved, ok = run_service(
            form, team_services.team_save, department=department, by=request.user, team=team, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"{'Saved' if team else 'Added'} the team {saved.name}")
            return redirect("monitoring:team_list", slug=department.slug)
    heading = f"Change {team.name}" if team else "Add a team"
    return render(
        request,
        "monitoring/form.html",
        {"department": department, "form": form, "heading": heading, "back_url": "monitoring:team_list"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def team_import(request, slug):
    department = managed_department(request, slug)
    form = TeamImportForm(posted(request), posted(request, files=True))
    if form.is_valid():
        result, ok = run_service(
            form, team_services.teams_import, department=department, by=request.user, upload=form.cleaned_data["file"]
        )
        if ok:
            added, updated = result
            messages.success(request, f"Imported the file: {added} team{'s'[: added != 1]} added, {updated} updated")
            return redirect("monitoring:team_list", slug=department.slug)
    return render(
        request,
        "monitoring/form.html",
        {"department": department, "form": form, "heading": "Import teams", "back_url": "monitoring:team_list"},
    )


@login_required
@require_GET
def criterion_list(request, slug):
    department = managed_department(request, slug)
    return render(
        request,
        "monitoring/criterion_list.html",
        {"department": department, "criteria": selectors.criteria_of(department)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add(request, slug):
    department = managed_department(request, slug)
    form = StarterCriterionForm(posted(request))
    if form.is_valid():
        criterion, ok = run_service(
            form, criteria_services.criterion_add, department=department, by=request.user, key=form.cleaned_data["key"]
        )
        if ok:
            messages.success(request, f"Added the criterion {criterion.title}")
            return redirect("monitoring:criterion_list", slug=department.slug)
    return render(
        request,
        "monitoring/form.html",
        {"department": department, "form": form, "heading": "Add a criterion", "back_url": "monitoring:criterion_list"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_add_own(request, slug):
    department = managed_department(request, slug)
    form = CriterionForm(posted(request), initial={"is_active": True}, submit_label="Add criterion")
    if form.is_valid():
        data = form.cleaned_data
        criterion, ok = run_service(
            form,
            criteria_services.criterion_add,
            department=department,
            by=request.user,
            key=None,
            title=data["title"],
            question=data["question"],
            evidence_guidance=data["evidence_guidance"],
        )
        if ok:
            messages.success(request, f"Added the criterion {criterion.title}")
            return redirect("monitoring:criterion_list", slug=department.slug)
    return render(
        request,
        "monitoring/form.html",
        {
            "department": department,
            "form": form,
            "heading": "Write your own criterion",
            "back_url": "monitoring:criterion_list",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request, slug, pk):
    department = managed_department(request, slug)
    criterion = selectors.criterion_get_or_404(department, pk)
    current = criterion.current
    initial = {
        "title": criterion.title,
        "question": current.question if current else "",
        "evidence_guidance": current.evidence_guidance if current else "",
        "is_active": criterion.is_active,
    }
    form = CriterionForm(posted(request), initial=initial)
    if form.is_valid():
        _, ok = run_service(
            form, criteria_services.criterion_revise, criterion=criterion, by=request.user, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"Saved the criterion {form.cleaned_data['title']}")
            return redirect("monitoring:criterion_list", slug=department.slug)
    return render(
        request,
        "monitoring/form.html",
        {
            "department": department,
            "form": form,
            "heading": f"Change {criterion.title}",
            "back_url": "monitoring:criterion_list",
            "intro": "Rounds already opened keep the wording they were answered against: a changed question or "
            "evidence guidance becomes a new version, used from the next round.",
        },
    )
