"""What every assessment page does first: find the assessment in the person's scope (or answer 404),
check the person's role (or answer 403), and send them back when the assessment's state closes the page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from accounts import access
from assessments.selectors.assessments import assessment_get_for_user_or_404


def visible_assessment(request, pk):
    return assessment_get_for_user_or_404(request.user, pk)


def department_lead_assessment(request, pk):
    """An assessment of a department the person leads (404 outside scope, 403 for other roles)."""
    assessment = visible_assessment(request, pk)
    if not access.is_kim_lead(request.user, assessment.department):
        raise PermissionDenied
    return assessment


def assessor_assessment(request, pk):
    assessment = visible_assessment(request, pk)
    if not access.is_assessor(request.user):
        raise PermissionDenied
    return assessment


def closed_page(request, message, to, *args):
    """A page for changing an assessment whose state no longer allows the change (another person moved it on).

    Such a page has nothing to show, so the person goes to one they can read, with the reason as an error
    message. A refused button (submit, start review) re-renders its own page with the error summary instead.
    """
    messages.error(request, message)
    return redirect(to, *args)
