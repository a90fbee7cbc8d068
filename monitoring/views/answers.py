"""A team's answers: the contact answers each criterion with evidence; the KIM lead verifies or challenges."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts import access
from common.downloads import stored_file_response
from common.requests import posted, run_service
from common.uploads import download_name
from monitoring import selectors
from monitoring.forms import AnswerForm, ReviewForm
from monitoring.services import answers as answer_services


@login_required
@require_GET
def team_answers(request, pk, team_pk):
    round_ = selectors.round_get_for_user_or_404(request.user, pk)
    team = selectors.round_team_or_404(round_, team_pk)
    return render(
        request,
        "monitoring/team_answers.html",
        {
            "round": round_,
            "team": team,
            "answers": selectors.team_answers(round_, team),
            "trend": selectors.team_trend(team),
            "may_answer": access.may_answer_for_team(request.user, team) and round_.status == round_.Status.OPEN,
            "manages": access.may_manage_monitoring(request.user, round_.department)
            and round_.status == round_.Status.OPEN,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request, pk):
    answer = selectors.answer_get_for_user_or_404(request.user, pk)
    if not access.may_answer_for_team(request.user, answer.team):
        raise PermissionDenied
    initial = {"choice": answer.choice, "explanation": answer.explanation, "evidence_link": answer.evidence_link}
    form = AnswerForm(posted(request), posted(request, files=True), initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        _, ok = run_service(
            form,
            answer_services.answer_submit,
            answer=answer,
            by=request.user,
            choice=data["choice"],
            explanation=data["explanation"],
            evidence_link=data["evidence_link"],
            upload=data["evidence_file"] or None,
        )
        if ok:
            messages.success(request, f"Saved your answer on {answer.criterion_version.criterion.title}")
            return redirect("monitoring:team_answers", pk=answer.round_id, team_pk=answer.team_id)
    return render(
        request,
        "monitoring/answer_form.html",
        {"answer": answer, "form": form, "heading": answer.criterion_version.criterion.title},
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_review(request, pk):
    answer = selectors.answer_get_for_user_or_404(request.user, pk)
    if not access.may_manage_monitoring(request.user, answer.round.department):
        raise PermissionDenied
    form = ReviewForm(posted(request))
    if form.is_valid():
        reviewed, ok = run_service(
            form, answer_services.answer_review, answer=answer, by=request.user, **form.cleaned_data
        )
        if ok:
            messages.success(
                request,
                f"{reviewed.get_status_display()}: {answer.team.name}, {answer.criterion_version.criterion.title}",
            )
            return redirect("monitoring:team_answers", pk=answer.round_id, team_pk=answer.team_id)
    return render(
        request,
        "monitoring/answer_form.html",
        {
            "answer": answer,
            "form": form,
            "review": True,
            "heading": f"Check: {answer.criterion_version.criterion.title}",
        },
    )


@login_required
@require_GET
def answer_evidence(request, pk):
    answer = selectors.answer_get_for_user_or_404(request.user, pk)
    if not answer.evidence_file:
        raise Http404("No evidence file")
    return stored_file_response(
        answer.evidence_file,
        filename=download_name(answer.evidence_filename, answer.evidence_extension, fallback="evidence"),
        content_type=answer.evidence_content_type,
        fallback="evidence",
    )
