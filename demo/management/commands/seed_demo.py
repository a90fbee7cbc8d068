from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo import people
from demo.actionplans import seed_action_plans
from demo.assessments import seed_assessments
from demo.monitoring import seed_monitoring
from demo.network import seed_network
from demo.public import seed_public_releases

SIGN_INS = [
    ("Assessor (The National Archives)", people.ASSESSOR_EMAIL),
    ("Administrator", people.ADMIN_EMAIL),
    ("KIM lead, Department for Education", "kim.lead@education.example.gov.uk"),
    ("KIM lead, Home Office", "kim.lead@home-office.example.gov.uk"),
    ("Contributor (DRO), Department for Education", "dro@education.example.gov.uk"),
]

# History seeded after departments and people, in this order. Each step is idempotent, takes
# (departments, years, cast) and returns how many records it created. Action plans (built on
# published assessments) add their step after "assessments".
SEEDING_STEPS = [
    ("assessments", lambda departments, years, cast: seed_assessments(departments, years, cast["assessor"])),
    ("action plans", lambda departments, years, cast: seed_action_plans(departments, cast["assessor"])),
    # After action plans: an agreed plan is published with its report.
    (
        "public releases",
        lambda departments, years, cast: seed_public_releases(departments, cast["assessor"]),
    ),
    # Last: its good-practice excerpts draw on the published assessments seeded above.
    (
        "network records",
        lambda departments, years, cast: seed_network(departments=departments, assessor=cast["assessor"]),
    ),
    # The departments' own monitoring of their teams (two departments): independent of the history above.
    ("monitoring rounds", lambda departments, years, cast: seed_monitoring(departments)),
]


class Command(BaseCommand):
    help = "Create demo departments, people and history. Idempotent. Refuses when DEBUG is off unless --force."

    def add_arguments(self, parser):
        parser.add_argument("--departments", type=int, default=len(people.CENTRAL_GOVERNMENT))
        parser.add_argument("--years", type=int, default=3, help="Years of assessment history per department.")
        parser.add_argument("--force", action="store_true", help="Run even when DEBUG is off.")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("seed_demo creates well-known passwords: it runs only with DEBUG=1, or with --force.")
        if options["departments"] < 1 or options["years"] < 0:
            raise CommandError("--departments must be at least 1 and --years at least 0.")
        created = []
        with transaction.atomic():
            departments = people.seed_departments(options["departments"])
            cast = people.seed_people(departments)
            for name, step in SEEDING_STEPS:
                try:
                    created.append(f"{step(departments, options['years'], cast)} {name}")
                except LookupError as error:
                    raise CommandError(str(error)) from None
        self.stdout.write(f"demo data ready: {len(departments)} departments ({', '.join(created)} created)")
