"""Letters to directors: a frozen snapshot per director now, the PDF later by a worker (monitoring/letters.py)."""

from django.db import transaction
from django.utils import timezone

from common.errors import ServiceError
from monitoring import rules
from monitoring.letters import letter_enqueue
from monitoring.models import DirectorLetter
from monitoring.selectors import league_table

from . import require_manager

NO_DIRECTORS = "No team in this round has a director's email address: add them on the teams page first"


def _improvements(row):
    """What the team must do: every answer that is not a verified Yes, with what would put it right."""
    items = []
    for cell in row.cells:
        answer = cell.answer
        if answer.status == answer.Status.VERIFIED and answer.choice == answer.Choice.YES:
            continue
        version = answer.criterion_version
        items.append(
            {
                "criterion": version.criterion.title,
                "question": version.question,
                "evidence_guidance": version.evidence_guidance,
                "answer": answer.get_choice_display() if answer.choice else "No answer",
                "status": answer.get_status_display(),
                "challenge": answer.challenge_comment,
            }
        )
    return items


def letter_snapshots(round_):
    """{director email: snapshot}: what each director's letter says, from the same league table as the page."""
    table = league_table(round_)
    letters = {}
    for row in table.rows:
        team = row.team
        if not team.director_email:
            continue
        key = team.director_email.lower()
        letter = letters.setdefault(
            key,
            {
                "department": {"name": round_.department.name, "short_name": round_.department.short_name},
                "round": {"name": round_.name, "closes_on": round_.closes_on.isoformat()},
                "director": {"name": team.director_name, "email": team.director_email},
                "date": timezone.localdate().isoformat(),
                "rule": rules.rule_statement(),
                "team_count": len(table.rows),
                "teams": [],
            },
        )
        letter["teams"].append(
            {
                "name": team.name,
                "directorate": team.directorate,
                "rank": row.rank,
                "percent": row.percent,
                "light": row.light_label,
                "previous_percent": row.previous_percent,
                "improvements": _improvements(row),
            }
        )
    return letters


@transaction.atomic
def letters_prepare(*, round_, by):
    """One letter per director (teams grouped by the director's email); preparing again replaces them."""
    require_manager(by, round_.department)
    snapshots = letter_snapshots(round_)
    if not snapshots:
        raise ServiceError(NO_DIRECTORS)
    DirectorLetter.objects.filter(round=round_).exclude(director_email__in=list(snapshots)).delete()
    ids = []
    for email, snapshot in snapshots.items():
        letter, _ = DirectorLetter.objects.update_or_create(
            round=round_,
            director_email=email,
            defaults={
                "director_name": snapshot["director"]["name"],
                "snapshot": snapshot,
                "status": DirectorLetter.Status.QUEUED,
                "pdf": "",
                "error_message": "",
                "requested_by": by,
                "finished_at": None,
                "enqueued_at": None,
                "started_at": None,
            },
        )
        ids.append(letter.pk)
    for letter_id in ids:
        transaction.on_commit(lambda letter_id=letter_id: letter_enqueue(letter_id))
    return ids
