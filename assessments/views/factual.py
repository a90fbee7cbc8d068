"""The factual accuracy check of TNA's draft: the department's KIM lead comments per section, an
assessor resolves each comment; both see the whole exchange (and it stays in the history)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts import access
from assessments.forms_authoring import FactualCommentForm, FactualResolutionForm
from assessments.models import Assessment
from assessments.rules import sees_factual_check
from assessments.selectors.factual import factual_check_page, factual_comment_get_or_none
from assessments.services.factual import ONLY_LEAD_COMMENTS, factual_comment_add, factual_comment_resolve
from common.errors import NotAllowed
from common.requests import posted, run_service

from .common import assessor_assessment, visible_assessment

Status = Assessment.Status


def _shared_assessment(request, pk):
    """TNA's assessors see the check of any TNA-led assessment; the department once its draft is shared."""
    assessment = visible_assessment(request, pk)
    if not sees_factual_check(request.user, assessment):
        raise Http404("No factual accuracy check for this assessment")
    return assessment


@login_required
@require_http_methods(["GET", "POST"])
def factual_check(request, pk):
    assessment = _shared_assessment(request, pk)
    grouped, sections = factual_check_page(assessment)
    is_lead = access.is_kim_lead(request.user, assessment.department)
    if request.method == "POST" and not is_lead:
        raise NotAllowed(ONLY_LEAD_COMMENTS.format(department=assessment.department.name))
    form = None
    if is_lead and (assessment.status == Status.FACTUAL_CHECK or request.method == "POST"):
        # A lead's comment after the check has closed is refused by the service, on the page, with what they typed.
        form = FactualCommentForm(posted(request), sections=sections)
        if form.is_valid():
            _, ok = run_service(form, factual_comment_add, assessment=assessment, by=request.user, **form.cleaned_data)
            if ok:
                messages.success(request, "Comment sent to The National Archives")
                return redirect("assessments:factual_check", assessment.pk)
    context = {
        "assessment": assessment,
        "sections": grouped,
        "form": form,
        "is_assessor": access.is_assessor(request.user),
    }
    return render(request, "assessments/factual_check.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def factual_comment_resolve_view(request, pk, comment_id):
    assessment = assessor_assessment(request, pk)
    comment = factual_comment_get_or_none(assessment, comment_id)
    if comment is None:
        raise Http404("No such comment")
    form = FactualResolutionForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, factual_comment_resolve, comment=comment, by=request.user, **form.cleaned_data)
        if ok:
            messages.success(request, "Comment resolved")
            return redirect("assessments:factual_check", assessment.pk)
    context = {"assessment": assessment, "comment": comment, "form": form}
    return render(request, "assessments/factual_resolve.html", context)
