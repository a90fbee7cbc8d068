"""Monitoring test data: a department's teams, criteria and an opened round, built through the services."""

import datetime

from monitoring.models import Team
from monitoring.services.criteria import criterion_add
from monitoring.services.rounds import round_open

STARTER_KEYS = ("naming-convention", "information-of-value-saved", "retention-applied")


def teams(department, count, *, contact=None, directorates=("Corporate services", "Operations")):
    return Team.objects.bulk_create(
        [
            Team(
                department=department,
                name=f"Team {number:04d}",
                directorate=directorates[number % len(directorates)],
                director_name=f"Director {number % 3}",
                director_email=f"director{number % 3}@example.gov.uk",
                contact=contact,
            )
            for number in range(count)
        ]
    )


def criteria(department, lead, keys=STARTER_KEYS):
    return [criterion_add(department=department, by=lead, key=key) for key in keys]


def opened_round(department, lead, *, name="Quarter 1", opens_on=None, days=30):
    opens_on = opens_on or datetime.date.today()
    return round_open(
        department=department,
        by=lead,
        name=name,
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=days),
    )
