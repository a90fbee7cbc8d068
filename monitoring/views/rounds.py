"""Rounds: the index, opening and closing a round, sharing it with TNA, the league table, exports, letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from common.downloads import download_response, stored_file_response
from common.forms import ConfirmForm
from common.requests import posted, run_service
from monitoring import exports, rules, selectors
from monitoring.forms import CiteForm, DirectorateFilterForm, RoundForm
from monitoring.models import DirectorLetter
from monitoring.services import letters as letter_services
from monitoring.services import rounds as round_services

from .common import managed_department, managed_round


@login_required
@require_GET
def index(request):
    user = request.user
    departments = [
        {
            "department": department,
            "manages": access.may_manage_monitoring(user, department),
            "rounds": selectors.department_rounds(department),
        }
        for department in access.monitoring_departments(user)
    ]
    shared = selectors.shared_rounds(user) if access.sees_every_department(user) else None
    return render(request, "monitoring/index.html", {"departments": departments, "shared_rounds": shared})


@login_required
@require_http_methods(["GET", "POST"])
def round_add(request, slug):
    department = managed_department(request, slug)
    form = RoundForm(posted(request))
    if form.is_valid():
        round_, ok = run_service(
            form, round_services.round_open, department=department, by=request.user, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"Opened {round_.name}: team contacts can now answer")
            return redirect("monitoring:round_detail", pk=round_.pk)
    return render(
        request,
        "monitoring/form.html",
        {
            "department": department,
            "form": form,
            "heading": "Open a monitoring round",
            "back_url": "monitoring:index",
            "intro": "Every active team answers every active criterion. Check your teams and criteria first: a round "
            "keeps the teams and wording it opened with.",
        },
    )


def _league(request, round_):
    directorates = selectors.round_directorates(round_)
    form = DirectorateFilterForm(request.GET or None, directorates=directorates)
    filters = form.filters()
    table = selectors.league_table(round_, directorate=filters.get("directorate", ""))
    return form, table


@login_required
@require_GET
def round_detail(request, pk):
    round_ = selectors.round_get_for_user_or_404(request.user, pk)
    form, table = _league(request, round_)
    manages = access.may_manage_monitoring(request.user, round_.department)
    return render(
        request,
        "monitoring/round_detail.html",
        {
            "round": round_,
            "table": table,
            "filter_form": form,
            "manages": manages,
            "is_tna": access.sees_every_department(request.user)
            and not access.is_member(request.user, round_.department),
            "my_teams": selectors.teams_contacted_by(request.user, round_),
            "progress": selectors.round_progress(round_) if manages else None,
            "rule": rules.rule_statement(),
            "query": request.GET.urlencode(),
        },
    )


@login_required
@require_GET
def round_export(request, pk, fmt):
    round_ = selectors.round_get_for_user_or_404(request.user, pk)
    _, table = _league(request, round_)
    name = f"{round_.department.short_name or round_.department.name} {round_.name} league table"
    if fmt == "csv":
        return download_response(
            exports.league_csv(table), filename=f"{name}.csv", content_type="text/csv; charset=utf-8"
        )
    if fmt == "xlsx":
        return download_response(
            exports.league_xlsx(table),
            filename=f"{name}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    raise Http404("No such format")


@login_required
@require_http_methods(["GET", "POST"])
def round_close(request, pk):
    round_ = managed_round(request, pk)
    form = ConfirmForm(posted(request), submit_label="Close the round", warning=True)
    if form.is_valid():
        _, ok = run_service(form, round_services.round_close, round_=round_, by=request.user)
        if ok:
            messages.success(request, f"Closed {round_.name}: answers can no longer change")
            return redirect("monitoring:round_detail", pk=round_.pk)
    return render(
        request,
        "monitoring/confirm.html",
        {
            "round": round_,
            "form": form,
            "heading": f"Close {round_.name}?",
            "intro": "Team contacts can no longer answer and the KIM team can no longer verify or challenge. "
            "The league table stays as it is.",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_share(request, pk):
    round_ = managed_round(request, pk)
    sharing = not round_.shared_with_tna
    form = ConfirmForm(posted(request), submit_label="Share with The National Archives" if sharing else "Stop sharing")
    if form.is_valid():
        _, ok = run_service(form, round_services.round_share, round_=round_, by=request.user, shared=sharing)
        if ok:
            messages.success(request, f"{'Shared' if sharing else 'Stopped sharing'} {round_.name}")
            return redirect("monitoring:round_detail", pk=round_.pk)
    intro = (
        "Assessors at The National Archives will be able to see this round's league table, answers and evidence, "
        "and use it as evidence in your department's next assessment."
        if sharing
        else "Assessors at The National Archives will no longer see this round."
    )
    heading = f"Share {round_.name} with The National Archives?" if sharing else f"Stop sharing {round_.name}?"
    return render(
        request, "monitoring/confirm.html", {"round": round_, "form": form, "heading": heading, "intro": intro}
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_cite(request, pk):
    round_ = managed_round(request, pk)
    ratings = selectors.citable_ratings(round_)
    form = CiteForm(posted(request), ratings=ratings)
    if form.is_valid():
        rating = form.cleaned_data["rating"]
        _, ok = run_service(form, round_services.round_cite_as_evidence, round_=round_, by=request.user, rating=rating)
        if ok:
            messages.success(request, f"Added {round_.name} to the evidence of {rating.area.name}")
            return redirect("monitoring:round_detail", pk=round_.pk)
    return render(request, "monitoring/cite.html", {"round": round_, "form": form, "ratings": ratings})


@login_required
@require_http_methods(["GET", "POST"])
def round_letters(request, pk):
    round_ = managed_round(request, pk)
    form = ConfirmForm(posted(request), submit_label="Prepare letters to directors")
    if form.is_valid():
        ids, ok = run_service(form, letter_services.letters_prepare, round_=round_, by=request.user)
        if ok:
            messages.success(
                request,
                f"Preparing {len(ids)} letter{'s'[: len(ids) != 1]}: refresh this page to see when they are ready",
            )
            return redirect("monitoring:round_letters", pk=round_.pk)
    return render(
        request,
        "monitoring/letters.html",
        {
            "round": round_,
            "form": form,
            "letters": selectors.round_letters(round_),
        },
    )


@login_required
@require_GET
def letter_download(request, pk):
    letter = selectors.letter_get_for_user_or_404(request.user, pk)
    if not access.may_manage_monitoring(request.user, letter.round.department):
        raise PermissionDenied
    if letter.status != DirectorLetter.Status.DONE:
        raise Http404("The letter is not ready")
    return stored_file_response(
        letter.pdf,
        filename=f"{letter.round.name} letter to {letter.director_name or letter.director_email}.pdf",
        content_type="application/pdf",
        fallback="letter",
    )
