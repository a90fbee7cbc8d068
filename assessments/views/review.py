"""The assessor's pages: review overview, moderate an area, theme summaries, return, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.forms_review import AssessorRatingForm, PublishForm, ReturnForm, ThemeSummaryForm
from assessments.rules import assessor_may_edit
from assessments.selectors.authoring import authoring_for
from assessments.selectors.detail import area_page, theme_group
from assessments.selectors.detail import assessment_detail as detail_read
from assessments.services.lifecycle import assessment_publish, assessment_return, assessment_start_review
from assessments.services.ratings import area_rating_save_assessor, theme_summary_save
from common.forms import ConfirmForm
from common.requests import posted, run_service

from .common import assessor_assessment, closed_page

NOT_IN_REVIEW = "This assessment is {status}. Take it into review before changing assessor ratings."


def _review_page(request, assessment, form):
    detail = detail_read(assessment)
    return render(
        request,
        "assessments/review.html",
        {
            "assessment": assessment,
            "detail": detail,
            "may_edit": assessor_may_edit(request.user, assessment),
            "authoring": authoring_for(assessment, detail) if assessment.is_tna_led else None,
            "form": form,
        },
    )


def _not_in_review(request, assessment):
    """None while the assessor may change the assessment; otherwise back to the review page, saying why."""
    if assessor_may_edit(request.user, assessment):
        return None
    message = NOT_IN_REVIEW.format(status=assessment.get_status_display().lower())
    return closed_page(request, message, "assessments:assessment_review", assessment.pk)


@login_required
@require_GET
def assessment_review(request, pk):
    return _review_page(request, assessor_assessment(request, pk), ConfirmForm(None))


@login_required
@require_POST
def start_review(request, pk):
    assessment = assessor_assessment(request, pk)
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, assessment_start_review, assessment=assessment, by=request.user)
        if ok:
            messages.success(request, "You are now reviewing this assessment")
            return redirect("assessments:assessment_review", assessment.pk)
    return _review_page(request, assessment, form)


@login_required
@require_http_methods(["GET", "POST"])
def review_area(request, pk, rating_id):
    assessment = assessor_assessment(request, pk)
    if (refusal := _not_in_review(request, assessment)) is not None:
        return refusal
    page = area_page(assessment, rating_id)
    rating = page.row.rating
    form = AssessorRatingForm(
        posted(request),
        initial={
            "version": rating.version,
            "assessor_rating": str(rating.assessor_rating_id or ""),
            "assessor_commentary": rating.assessor_commentary,
        },
        levels=page.levels,
        area=rating.area,
    )
    if form.is_valid():
        _, ok = run_service(form, area_rating_save_assessor, rating=rating, by=request.user, **form.cleaned_data)
        if ok:
            if request.POST.get("action") == "continue" and page.next_rating_id:
                return redirect("assessments:review_area", assessment.pk, page.next_rating_id)
            return redirect("assessments:assessment_review", assessment.pk)
    return render(
        request,
        "assessments/review_area.html",
        {"assessment": assessment, "page": page, "row": page.row, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_summary(request, pk, summary_id):
    assessment = assessor_assessment(request, pk)
    if (refusal := _not_in_review(request, assessment)) is not None:
        return refusal
    detail, group = theme_group(assessment, summary_id)
    summary = group.summary
    form = ThemeSummaryForm(
        posted(request),
        assessment=assessment,
        initial={
            "version": summary.version,
            "situation_at_time": summary.situation_at_time,
            "progress_narrative": summary.progress_narrative,
        },
    )
    if form.is_valid():
        _, ok = run_service(form, theme_summary_save, summary=summary, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, f"Summary of {group.theme.name} saved")
            return redirect("assessments:assessment_review", assessment.pk)
    return render(
        request,
        "assessments/theme_summary.html",
        {"assessment": assessment, "detail": detail, "group": group, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_assessment(request, pk):
    assessment = assessor_assessment(request, pk)
    if (refusal := _not_in_review(request, assessment)) is not None:
        return refusal
    detail = detail_read(assessment)
    form = ReturnForm(posted(request), ratings=[row.rating for row in detail.rows])
    if form.is_valid():
        _, ok = run_service(
            form,
            assessment_return,
            assessment=assessment,
            by=request.user,
            comment=form.cleaned_data["comment"],
            area_comments=form.area_comments(),
        )
        if ok:
            messages.success(request, f"Returned to {assessment.department.name} with your comments")
            return redirect("assessments:assessment_detail", assessment.pk)
    return render(request, "assessments/return.html", {"assessment": assessment, "detail": detail, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def publish_assessment(request, pk):
    assessment = assessor_assessment(request, pk)
    if (refusal := _not_in_review(request, assessment)) is not None:
        return refusal
    detail = detail_read(assessment)
    form = PublishForm(posted(request))
    if form.is_valid():
        _, ok = run_service(
            form,
            assessment_publish,
            assessment=assessment,
            by=request.user,
            published_on=form.cleaned_data["published_on"],
        )
        if ok:
            label = f"{assessment.get_assessment_type_display()} {assessment.year}"
            messages.success(request, f"{label} for {assessment.department.name} published")
            return redirect("assessments:assessment_detail", assessment.pk)
    authoring = authoring_for(assessment, detail) if assessment.is_tna_led else None
    context = {"assessment": assessment, "detail": detail, "form": form, "authoring": authoring}
    return render(request, "assessments/publish.html", context)
