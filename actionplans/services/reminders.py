"""Daily reminders about actions falling due or newly overdue. Run by Celery beat and by a command."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.selectors import active_kim_leads
from actionplans.choices import CLOSED_STATUSES, PlanStatus
from actionplans.models import Action, ReminderLog
from actionplans.rules import days_overdue
from notifications.recipients import absolute_url
from notifications.services import notify

OVERDUE = "overdue"


def due_reason(days):
    return f"due_in_{days}"


def reminder_days():
    return sorted({int(days) for days in settings.ACTION_REMINDER_DAYS if int(days) > 0}, reverse=True)


@dataclass
class ReminderRun:
    today: object
    actions: int = 0
    emails: int = 0
    reasons: dict = field(default_factory=dict)


def _candidates(today, days):
    """Open actions of plans being tracked, due in one of `days` days or due yesterday."""
    wanted = [today + timedelta(days=d) for d in days] + [today - timedelta(days=1)]
    actions = (
        Action.objects.filter(due_date__in=wanted, plan__accepted_at__isnull=False)
        .exclude(status__in=CLOSED_STATUSES)
        .exclude(plan__status=PlanStatus.CLOSED)
        .select_related("recommendation", "owner_user", "plan__assessment__department")
        .order_by("due_date", "pk")
    )
    found = []
    for action in actions:
        # "Newly overdue" is the rule's first overdue day, so it can never disagree with the pages.
        if days_overdue(due_date=action.due_date, status=action.status, today=today) == 1:
            found.append((action, OVERDUE))
        elif (action.due_date - today).days in days:
            found.append((action, due_reason((action.due_date - today).days)))
    return found


def _recipients(found):
    """{email: [(action, reason)…]}: each action's owner (if linked) and its department's KIM leads."""
    department_ids = {action.plan.assessment.department_id for action, _ in found}
    leads = defaultdict(set)
    for department_id, email in active_kim_leads(departments=department_ids).values_list(
        "department_id", "user__email"
    ):
        leads[department_id].add(email)
    by_email = defaultdict(list)
    for action, reason in found:
        emails = set(leads[action.plan.assessment.department_id])
        if action.owner_user_id and action.owner_user.is_active:
            emails.add(action.owner_user.email)
        for email in emails:
            by_email[email].append((action, reason))
    return by_email


def _send(today, days):
    found = _candidates(today, days)
    already = set(
        ReminderLog.objects.filter(sent_on=today, action__in=[a for a, _ in found]).values_list("action_id", "reason")
    )
    found = [(action, reason) for action, reason in found if (action.pk, reason) not in already]
    run = ReminderRun(today=today, actions=len(found))
    if not found:
        return run
    by_email = _recipients(found)
    counts = defaultdict(int)
    for items in by_email.values():
        for action, reason in items:
            counts[(action.pk, reason)] += 1
    # The unique constraint is the guarantee: a second run the same day (even a concurrent one) fails here.
    ReminderLog.objects.bulk_create(
        [
            ReminderLog(action=action, reason=reason, sent_on=today, recipients=counts[(action.pk, reason)])
            for action, reason in found
        ]
    )
    for email, items in sorted(by_email.items()):
        notify(recipients=[email], template="actionplan_reminder", context=_email_context(today, items))
        run.emails += 1
    for _, reason in found:
        run.reasons[reason] = run.reasons.get(reason, 0) + 1
    return run


def _email_context(today, items):
    lines = []
    for action, reason in sorted(items, key=lambda item: (item[0].due_date, item[0].pk)):
        lines.append(
            {
                "action": action,
                "department": action.plan.assessment.department,
                "assessment": action.plan.assessment,
                "overdue": reason == OVERDUE,
                "days": (action.due_date - today).days,
                "url": absolute_url("actionplans:action_detail", action.pk),
            }
        )
    return {
        "today": today,
        "lines": lines,
        "service_name": settings.SERVICE_NAME,
        "help_url": absolute_url("actionplans:help_rag"),
    }


def reminders_send(*, today):
    """Email owners and KIM leads about actions due in ACTION_REMINDER_DAYS days and those due yesterday.

    Never twice for the same action and reason on the same day, however often it runs.
    """
    days = reminder_days()
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _send(today, days)
        except IntegrityError:
            if attempt:  # a concurrent run won twice over: it has sent them
                return ReminderRun(today=today)
    return ReminderRun(today=today)
