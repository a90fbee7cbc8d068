from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts import access
from assessments.selectors.assessments import department_assessments
from assessments.selectors.departments import department_list_for, department_people


@login_required
@require_GET
def department_list(request):
    return render(request, "assessments/department_list.html", {"departments": department_list_for(request.user)})


@login_required
@require_GET
def department_detail(request, slug):
    department = access.get_visible_department_or_404(request.user, slug=slug)
    return render(
        request,
        "assessments/department_detail.html",
        {
            "department": department,
            "people": department_people(department),
            "assessments": department_assessments(request.user, department),
            # Team monitoring is the department's own: linked for its people only (accounts.access).
            "may_monitor": access.is_member(request.user, department),
        },
    )
