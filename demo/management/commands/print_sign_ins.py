from django.conf import settings
from django.core.management.base import BaseCommand

from .seed_demo import SIGN_INS


class Command(BaseCommand):
    help = "Print the demo sign-ins (used by `make run`)."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo sign-ins (password: {settings.DEMO_PASSWORD}):")
        for label, email in SIGN_INS:
            self.stdout.write(f"  {email:45} {label}")
