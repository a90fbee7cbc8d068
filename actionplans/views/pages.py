from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from actionplans.rules import red_after_days_overdue, warning_days
from actionplans.selectors.lists import my_action_counts, my_actions
from actionplans.services.reminders import reminder_days

from .common import today


@login_required
@require_http_methods(["GET"])
def my_actions_view(request):
    rows = my_actions(request.user, today=today())
    return render(request, "actionplans/my_actions.html", {"rows": rows, "counts": my_action_counts(rows)})


@require_http_methods(["GET"])
def help_rag(request):
    context = {
        "warning_days": warning_days(),
        "red_after": red_after_days_overdue(),
        "reminder_days": reminder_days(),
    }
    return render(request, "actionplans/help_rag.html", context)
