from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actionplans.services.reminders import reminder_days, reminders_send


class Command(BaseCommand):
    help = (
        "Email action owners and KIM leads about actions due soon and newly overdue (what the daily beat job does). "
        "Safe to repeat: nothing is sent twice for the same action and reason on the same day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Run as if today were this date (YYYY-MM-DD). Default: today.")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError("--date must be a date like 2026-03-31") from error
        run = reminders_send(today=today)
        days = ", ".join(str(d) for d in reminder_days())
        self.stdout.write(
            f"{today.isoformat()}: {run.actions} reminders (due in {days} days, or newly overdue) "
            f"in {run.emails} emails queued"
        )
