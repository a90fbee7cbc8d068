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
    """One home page per role; each explains its empty states rather than showing nothing."""
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


def error_400(request, exception=None):
    # Django's own 400 page is plain text: a request too large or malformed still gets a GOV.UK page.
    return render(request, "errors/400.html", status=400)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: usually an old tab, not an attack. Say so, save nothing."""
    return render(request, "errors/csrf.html", status=403)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors can be trusted here: the failure may be in one of them.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("errors/500.html").render({"service_name": "IMA Portal"}))
