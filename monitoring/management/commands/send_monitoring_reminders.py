import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from monitoring.services.reminders import reminders_send


class Command(BaseCommand):
    help = "Remind team contacts of answers still to give before a monitoring round closes (beat runs it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="Run as if on this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = options["today"] or timezone.localdate()
        run = reminders_send(today=today)
        self.stdout.write(f"{today.isoformat()}: {run.emails} reminders for {run.rounds} rounds")
