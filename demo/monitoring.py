"""Demo team monitoring: two departments' teams, criteria and two rounds (the last one closed and shared
with TNA, the current one open with answers in every state). Deterministic and idempotent: a department
that already has teams is left as it is.
"""

import datetime
import random

from django.utils import timezone

from monitoring.models import Answer, Round, Team
from monitoring.services.criteria import criterion_add
from monitoring.services.rounds import round_open

from .people import dro_email, lead_email

DEPARTMENTS = ("education", "home-office")
DIRECTORATES = {
    "Corporate services": ("Finance", "Human resources", "Estates", "Digital"),
    "Policy": ("Schools policy", "Skills policy", "Strategy unit"),
    "Operations": ("Casework", "Grants", "Contact centre", "Data and analysis"),
}
CRITERIA = (
    "naming-convention",
    "information-of-value-saved",
    "retention-applied",
    "asset-register-current",
    "training-completed",
)


def _teams(department, lead, dro, rng):
    directors = {
        name: (f"{name} Director", f"director.{name.split()[0].lower()}@{department.slug}.example.gov.uk")
        for name in DIRECTORATES
    }
    teams = []
    for directorate, names in DIRECTORATES.items():
        director_name, director_email = directors[directorate]
        for name in names:
            teams.append(
                Team(
                    department=department,
                    name=name,
                    directorate=directorate,
                    director_name=director_name,
                    director_email=director_email,
                    contact=dro if rng.random() < 0.5 else None,
                )
            )
    Team.objects.bulk_create(teams)


def _answer_all(round_, rng, *, lead, dro, finished):
    now = timezone.now()
    answers = list(Answer.objects.filter(round=round_))
    for answer in answers:
        roll = rng.random()
        if not finished and roll < 0.25:
            continue  # still to answer
        answer.choice = rng.choice(["yes", "yes", "partly", "no"])
        answer.evidence_link = f"https://intranet.{round_.department.slug}.example.gov.uk/kim/{answer.team_id}"
        answer.answered_by, answer.answered_at = dro, now
        answer.status = Answer.Status.VERIFIED if finished or roll > 0.5 else Answer.Status.SUBMITTED
        if not finished and 0.45 < roll <= 0.5:
            answer.status = Answer.Status.CHALLENGED
            answer.challenge_comment = "The link shows last year's folder: show this quarter's work."
        if answer.status in (Answer.Status.VERIFIED, Answer.Status.CHALLENGED):
            answer.reviewed_by, answer.reviewed_at = lead, now
    Answer.objects.bulk_update(
        answers,
        [
            "choice",
            "evidence_link",
            "answered_by",
            "answered_at",
            "status",
            "challenge_comment",
            "reviewed_by",
            "reviewed_at",
        ],
        batch_size=500,
    )


def seed_monitoring(departments):
    created = 0
    today = timezone.localdate()
    # Education and the Home Office (whose KIM leads are the documented sign-ins), else the first two seeded.
    chosen = [d for d in departments if d.slug in DEPARTMENTS] or list(departments[:2])
    for department in chosen:
        if Team.objects.filter(department=department).exists():
            continue
        rng = random.Random(department.slug)  # noqa: S311 - demo data, not security
        lead = department.memberships.get(user__email=lead_email(department)).user
        dro = department.memberships.get(user__email=dro_email(department)).user
        _teams(department, lead, dro, rng)
        for key in CRITERIA:
            criterion_add(department=department, by=lead, key=key)
        last = round_open(
            department=department,
            by=lead,
            name="Last quarter",
            opens_on=today - datetime.timedelta(days=120),
            closes_on=today - datetime.timedelta(days=90),
        )
        _answer_all(last, rng, lead=lead, dro=dro, finished=True)
        Round.objects.filter(pk=last.pk).update(status=Round.Status.CLOSED, shared_with_tna=True)
        current = round_open(
            department=department,
            by=lead,
            name="This quarter",
            opens_on=today - datetime.timedelta(days=20),
            closes_on=today + datetime.timedelta(days=10),
        )
        _answer_all(current, rng, lead=lead, dro=dro, finished=False)
        created += 2
    return created
