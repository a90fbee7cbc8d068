"""What every assessment page does first: find the assessment in the person's scope, or answer 404."""

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


def refused(request, error, to):
    """A refused transition is not a server error: say why, on the page the person came from."""
    messages.error(request, error.message)
    return redirect(to)


def conflict_context(error, fields):
    """Their saved values beside the refusal: `fields` maps labels to attribute names of the current row."""
    current = error.current
    values = []
    for label, name in fields.items():
        value = getattr(current, name)
        values.append((label, getattr(value, "name", value) if value is not None else ""))
    return {"by": error.changed_by, "when": error.changed_at, "values": values}
