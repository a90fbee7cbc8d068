"""Departmental KIM monitoring in the authorisation matrix's world: a team, criterion, rounds, answers, a letter.

Department A has an open round it keeps to itself and a round it shares with TNA; department B has its own
round, for cross-department (IDOR) requests. Contributor A is the contact of A's team, so answers for it.
"""

import datetime

from django.core.files.base import ContentFile

from monitoring.models import Answer, Criterion, CriterionVersion, DirectorLetter, Round, Team

from .department import TINY_PDF


def _round(department, team, version, *, name, shared, opens_on):
    round_ = Round.objects.create(
        department=department,
        name=name,
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=400),
        shared_with_tna=shared,
    )
    answer = Answer(
        round=round_,
        team=team,
        criterion_version=version,
        choice=Answer.Choice.YES,
        status=Answer.Status.SUBMITTED,
        evidence_filename="evidence.pdf",
        evidence_content_type="application/pdf",
        evidence_extension="pdf",
    )
    answer.evidence_file.save("evidence", ContentFile(TINY_PDF), save=False)
    answer.save()
    return round_, answer


def monitoring_world(department_world, *, prefix):
    """Objects of one department, named `<prefix>…` in the world's `objects`."""
    department = department_world.department
    team = Team.objects.create(
        department=department,
        name="Records team",
        directorate="Corporate services",
        director_name="Dana Director",
        director_email=f"director-{prefix}@example.gov.uk",
        contact=department_world.contributor,
    )
    criterion = Criterion.objects.create(department=department, key="naming-convention", title="Naming convention used")
    version = CriterionVersion.objects.create(
        criterion=criterion, number=1, question="Does the team use it?", evidence_guidance="A screenshot."
    )
    today = datetime.date.today()
    round_, answer = _round(department, team, version, name="Quarter 1", shared=False, opens_on=today)
    shared_round, shared_answer = _round(
        department, team, version, name="Quarter 4", shared=True, opens_on=today - datetime.timedelta(days=90)
    )
    letter = DirectorLetter(
        round=round_,
        director_name="Dana Director",
        director_email=team.director_email,
        snapshot={"teams": []},
        status=DirectorLetter.Status.DONE,
    )
    letter.pdf.save("letter.pdf", ContentFile(TINY_PDF), save=False)
    letter.save()
    return {
        f"{prefix}team": team,
        f"{prefix}criterion": criterion,
        f"{prefix}round": round_,
        f"{prefix}answer": answer,
        f"{prefix}shared_round": shared_round,
        f"{prefix}shared_answer": shared_answer,
        f"{prefix}letter": letter,
    }
