"""The assessor's pages: review overview, moderate an area, theme summaries, return, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments.forms import ConfirmForm
from assessments.forms_review import AssessorRatingForm, PublishForm, ReturnForm, ThemeSummaryForm
from assessments.rules import assessor_may_edit
from assessments.selectors.detail import area_page, theme_group
from assessments.selectors.detail import assessment_detail as detail_read
from assessments.services.errors import StaleVersionError, TransitionError
from assessments.services.lifecycle import assessment_publish, assessment_return, assessment_start_review
from assessments.services.ratings import area_rating_save_assessor, theme_summary_save

from .common import assessor_assessment, conflict_context

NOT_IN_REVIEW = "This assessment is {status}. Take it into review before changing assessor ratings."


def _review_page(request, assessment, *, form=None, status=200):
    return render(
        request,
        "assessments/review.html",
        {
            "assessment": assessment,
            "detail": detail_read(assessment),
            "may_edit": assessor_may_edit(request.user, assessment),
            "form": form or ConfirmForm(),
        },
        status=status,
    )


def _in_review_or_redirect(request, assessment):
    if assessor_may_edit(request.user, assessment):
        return None
    messages.error(request, NOT_IN_REVIEW.format(status=assessment.get_status_display().lower()))
    return redirect("assessments:assessment_review", assessment.pk)


@login_required
@require_GET
def assessment_review(request, pk):
    return _review_page(request, assessor_assessment(request, pk))


@login_required
@require_POST
def start_review(request, pk):
    assessment = assessor_assessment(request, pk)
    try:
        assessment_start_review(assessment=assessment, by=request.user)
    except TransitionError as error:
        form = ConfirmForm(request.POST)
        form.add_error(None, error.message)
        return _review_page(request, assessment, form=form)
    messages.success(request, "You are now reviewing this assessment")
    return redirect("assessments:assessment_review", assessment.pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_area(request, pk, rating_id):
    assessment = assessor_assessment(request, pk)
    if (refusal := _in_review_or_redirect(request, assessment)) is not None:
        return refusal
    page = area_page(assessment, rating_id)
    rating = page.row.rating
    conflict = None
    if request.method == "POST":
        form = AssessorRatingForm(request.POST, levels=page.levels, area=rating.area)
        if form.is_valid():
            try:
                area_rating_save_assessor(
                    rating=rating,
                    by=request.user,
                    version=form.cleaned_data["version"],
                    assessor_rating=form.cleaned_data["assessor_rating"],
                    assessor_commentary=form.cleaned_data["assessor_commentary"],
                )
            except StaleVersionError as error:
                conflict = conflict_context(
                    error, {"Assessor's rating": "assessor_rating", "Commentary": "assessor_commentary"}
                )
                form.show_conflict(error)
            except TransitionError as error:
                form.add_error(None, error.message)
            else:
                if request.POST.get("action") == "continue" and page.next_rating_id:
                    return redirect("assessments:review_area", assessment.pk, page.next_rating_id)
                return redirect("assessments:assessment_review", assessment.pk)
    else:
        form = AssessorRatingForm(
            initial={
                "version": rating.version,
                "assessor_rating": str(rating.assessor_rating_id or ""),
                "assessor_commentary": rating.assessor_commentary,
            },
            levels=page.levels,
            area=rating.area,
        )
    return render(
        request,
        "assessments/review_area.html",
        {"assessment": assessment, "page": page, "row": page.row, "form": form, "conflict": conflict},
    )


@login_required
@require_http_methods(["GET", "POST"])
def theme_summary(request, pk, summary_id):
    assessment = assessor_assessment(request, pk)
    if (refusal := _in_review_or_redirect(request, assessment)) is not None:
        return refusal
    detail, group = theme_group(assessment, summary_id)
    summary = group.summary
    conflict = None
    if request.method == "POST":
        form = ThemeSummaryForm(request.POST)
        if form.is_valid():
            try:
                theme_summary_save(summary=summary, by=request.user, **form.cleaned_data)
            except StaleVersionError as error:
                conflict = conflict_context(
                    error,
                    {"Situation at the time of the IMA": "situation_at_time", "Progress since": "progress_narrative"},
                )
                form.show_conflict(error)
            except TransitionError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Summary of {group.theme.name} saved")
                return redirect("assessments:assessment_review", assessment.pk)
    else:
        form = ThemeSummaryForm(
            initial={
                "version": summary.version,
                "situation_at_time": summary.situation_at_time,
                "progress_narrative": summary.progress_narrative,
            }
        )
    return render(
        request,
        "assessments/theme_summary.html",
        {"assessment": assessment, "detail": detail, "group": group, "form": form, "conflict": conflict},
    )


@login_required
@require_http_methods(["GET", "POST"])
def return_assessment(request, pk):
    assessment = assessor_assessment(request, pk)
    if (refusal := _in_review_or_redirect(request, assessment)) is not None:
        return refusal
    detail = detail_read(assessment)
    ratings = [row.rating for row in detail.rows]
    form = ReturnForm(request.POST if request.method == "POST" else None, ratings=ratings)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_return(
                assessment=assessment,
                by=request.user,
                comment=form.cleaned_data["comment"],
                area_comments=form.area_comments(),
            )
        except TransitionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Returned to {assessment.department.name} with your comments")
            return redirect("assessments:assessment_detail", assessment.pk)
    return render(request, "assessments/return.html", {"assessment": assessment, "detail": detail, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def publish_assessment(request, pk):
    assessment = assessor_assessment(request, pk)
    if (refusal := _in_review_or_redirect(request, assessment)) is not None:
        return refusal
    detail = detail_read(assessment)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            assessment_publish(assessment=assessment, by=request.user, published_on=form.cleaned_data["published_on"])
        except TransitionError as error:
            form.add_error(None, error.message)
        else:
            label = f"{assessment.get_assessment_type_display()} {assessment.year}"
            messages.success(request, f"{label} for {assessment.department.name} published")
            return redirect("assessments:assessment_detail", assessment.pk)
    return render(request, "assessments/publish.html", {"assessment": assessment, "detail": detail, "form": form})
