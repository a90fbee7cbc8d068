"""The home page: one per role, each saying what needs doing next and explaining its empty states."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts import access
from actionplans.selectors.lists import actions_due_next, my_actions
from assessments.selectors.assessments import home_panels_for
from assessments.selectors.departments import department_list_for
from network.selectors import next_meeting

from .forms import WorkQueueFilterForm
from .selectors.lead_home import lead_may_start_self_assessment, lead_next_steps
from .selectors.work_queue import KINDS, assessor_work_queue, work_queue_counts


@login_required
@require_GET
def home(request):
    user = request.user
    context = {"role": access.role_label(user), "departments": list(department_list_for(user))}
    if access.is_network_participant(user):
        context["next_meeting"] = next_meeting()
        context["show_next_meeting"] = True
    if access.is_administrator(user):
        template = "home/administrator.html"
    elif access.is_assessor(user):
        template = "home/assessor.html"
        context.update(_work_queue(request, context["departments"]))
    elif access.is_kim_lead(user):
        template = "home/kim_lead.html"
        context.update(home_panels_for(user))
        context["next_steps"] = lead_next_steps(user)
        context["can_start_self_assessment"] = lead_may_start_self_assessment(user)
        context["actions_due"] = actions_due_next(user, access.led_department_ids(user), today=timezone.localdate())
    elif access.is_contributor(user):
        template = "home/contributor.html"
        context["owned_actions"] = my_actions(user, today=timezone.localdate())
    else:
        template = "home/no_role.html"
    return render(request, template, context)


def _work_queue(request, departments):
    form = WorkQueueFilterForm(request.GET or None, departments=departments)
    chosen = form.queue_filters()
    items = assessor_work_queue(request.user, **chosen)
    everything = items if not any(chosen.values()) else assessor_work_queue(request.user)
    counts = work_queue_counts(everything)
    return {
        "filter_form": form,
        "work_items": items,
        "work_counts": [(kind, label, counts[kind]) for kind, label in KINDS],
        "filtered": any(chosen.values()),
    }
