"""The home page: one per role, each saying what needs doing next and explaining its empty states."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts import access
from actionplans.selectors.lists import my_actions
from assessments.selectors.assessments import home_panels_for
from assessments.selectors.departments import department_list_for
from network.selectors import next_meeting


@login_required
@require_GET
def home(request):
    user = request.user
    context = {"role": access.role_label(user), "departments": department_list_for(user)}
    context.update(home_panels_for(user))
    if access.is_network_participant(user):
        context["next_meeting"] = next_meeting()
        context["show_next_meeting"] = True
    if access.is_administrator(user):
        template = "home/administrator.html"
    elif access.is_assessor(user):
        template = "home/assessor.html"
    elif access.is_kim_lead(user):
        template = "home/kim_lead.html"
    elif access.is_contributor(user):
        template = "home/contributor.html"
        context["owned_actions"] = my_actions(user, today=timezone.localdate())
    else:
        template = "home/no_role.html"
    return render(request, template, context)
