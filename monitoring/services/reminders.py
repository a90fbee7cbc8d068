"""Reminders to team contacts before a round closes: once per round, MONITORING_REMIND_DAYS_BEFORE days before."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q

from monitoring.models import Answer, Round, Team
from notifications.recipients import absolute_url
from notifications.services import notify

OUTSTANDING = (Answer.Status.NOT_ANSWERED, Answer.Status.CHALLENGED)


@dataclass
class ReminderRun:
    rounds: int = 0
    emails: int = 0


def rounds_due_a_reminder(today):
    last_day = today + timedelta(days=settings.MONITORING_REMIND_DAYS_BEFORE)
    return Round.objects.filter(
        status=Round.Status.OPEN, closes_on__gte=today, closes_on__lte=last_day, reminded_on__isnull=True
    )


@transaction.atomic
def reminders_send(*, today):
    """One email to each contact of teams with answers still to give or put right; the round is marked reminded."""
    run = ReminderRun()
    for round_ in rounds_due_a_reminder(today).select_for_update():
        teams = (
            Team.objects.filter(answers__round=round_, contact__isnull=False, contact__is_active=True)
            .annotate(outstanding=Count("answers", filter=Q(answers__round=round_, answers__status__in=OUTSTANDING)))
            .filter(outstanding__gt=0)
            .select_related("contact")
        )
        by_contact = {}
        for team in teams:
            by_contact.setdefault(team.contact, []).append(
                {
                    "team": team,
                    "outstanding": team.outstanding,
                    "url": absolute_url("monitoring:team_answers", round_.pk, team.pk),
                }
            )
        for contact, contact_teams in by_contact.items():
            run.emails += notify(
                recipients=[contact.email],
                template="monitoring_round_reminder",
                context={"round": round_, "teams": contact_teams, "service_name": settings.SERVICE_NAME},
            )
        Round.objects.filter(pk=round_.pk).update(reminded_on=today)
        run.rounds += 1
    return run
