"""Reads that the monitoring pages, exports and letters share, scoped through accounts/access.py.

The league table runs a fixed number of queries whatever the number of teams (monitoring/tests/test_queries.py).
"""

from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Sum, Value, When
from django.http import Http404

from accounts import access
from assessments.models import AreaRating
from assessments.rules import DEPARTMENT_EDITABLE

from . import rules
from .models import Answer, Criterion, CriterionVersion, DirectorLetter, Round, Team

Status = Answer.Status


def rounds_visible_to(user):
    return Round.objects.filter(access.monitoring_round_scope_q(user)).select_related("department")


def round_get_for_user_or_404(user, pk):
    found = rounds_visible_to(user).filter(pk=pk).first()
    if found is None:
        raise Http404("No such round")
    return found


def department_rounds(department):
    return Round.objects.filter(department=department).select_related("department")


def teams_of(department, *, active_only=False):
    teams = Team.objects.filter(department=department).select_related("contact")
    return teams.filter(is_active=True) if active_only else teams


def team_get_or_404(department, pk):
    team = teams_of(department).filter(pk=pk).first()
    if team is None:
        raise Http404("No such team")
    return team


def criteria_of(department, *, active_only=False):
    """Criteria with their versions, newest first (`criterion.current` is the newest)."""
    criteria = Criterion.objects.filter(department=department).prefetch_related(
        Prefetch("versions", queryset=CriterionVersion.objects.order_by("-number"))
    )
    criteria = criteria.filter(is_active=True) if active_only else criteria
    criteria = list(criteria)
    for criterion in criteria:
        criterion.current = criterion.versions.all()[0] if criterion.versions.all() else None
    return criteria


def criterion_get_or_404(department, pk):
    for criterion in criteria_of(department):
        if criterion.pk == pk:
            return criterion
    raise Http404("No such criterion")


def answer_get_for_user_or_404(user, pk):
    answer = (
        Answer.objects.filter(access.monitoring_round_scope_q(user, prefix="round__"))
        .select_related("round__department", "team__contact", "team__department", "criterion_version__criterion")
        .filter(pk=pk)
        .first()
    )
    if answer is None:
        raise Http404("No such answer")
    return answer


def team_answers(round_, team):
    return list(
        Answer.objects.filter(round=round_, team=team)
        .select_related("criterion_version__criterion", "answered_by", "reviewed_by")
        .order_by("criterion_version__criterion__position", "criterion_version__criterion_id")
    )


def round_team_or_404(round_, team_pk):
    team = Team.objects.filter(pk=team_pk, department_id=round_.department_id, answers__round=round_).first()
    if team is None:
        raise Http404("No such team in this round")
    return team


def round_directorates(round_):
    return sorted(
        {
            d
            for d in Team.objects.filter(answers__round=round_)
            .order_by()
            .values_list("directorate", flat=True)
            .distinct()
            if d
        }
    )


def shared_rounds(user):
    """Rounds departments have shared with TNA, for assessors and administrators (none for anyone else)."""
    if not access.sees_every_department(user):
        return Round.objects.none()
    return rounds_visible_to(user).filter(shared_with_tna=True)


def letter_get_for_user_or_404(user, pk):
    """A director's letter, for the KIM lead of its round's department only (404 outside the round's scope)."""
    letter = (
        DirectorLetter.objects.filter(access.monitoring_round_scope_q(user, prefix="round__"))
        .select_related("round__department")
        .filter(pk=pk)
        .first()
    )
    if letter is None:
        raise Http404("No such letter")
    return letter


def citable_ratings(round_):
    """The performance areas of the department's assessments it may still add evidence to (draft or returned)."""
    return list(
        AreaRating.objects.filter(
            assessment__department_id=round_.department_id, assessment__status__in=DEPARTMENT_EDITABLE
        )
        .select_related("assessment", "area__theme")
        .order_by("assessment__year", "assessment_id", "area__theme__number", "area__number")
    )


def round_letters(round_):
    return list(DirectorLetter.objects.filter(round=round_))


def previous_round(round_):
    return (
        Round.objects.filter(department_id=round_.department_id, opens_on__lt=round_.opens_on)
        .order_by("-opens_on", "-pk")
        .first()
    )


# ----------------------------------------------------------------------------------------------
# The league table


@dataclass
class Cell:
    answer: Answer
    light: str

    @property
    def light_label(self):
        return rules.LIGHT_LABELS[self.light]


@dataclass
class LeagueRow:
    team: Team
    cells: list
    points: int
    percent: int | None
    light: str
    rank: str = ""
    previous_percent: int | None = None
    answered: int = 0
    verified: int = 0

    @property
    def light_label(self):
        return rules.LIGHT_LABELS[self.light]

    @property
    def change(self):
        if self.percent is None or self.previous_percent is None:
            return None
        return self.percent - self.previous_percent


@dataclass
class LeagueTable:
    round: Round
    criteria: list
    rows: list = field(default_factory=list)
    previous: Round | None = None
    directorate: str = ""


def _round_criteria(round_):
    return list(
        CriterionVersion.objects.filter(answers__round=round_)
        .distinct()
        .select_related("criterion")
        .order_by("criterion__position", "criterion_id")
    )


def _verified_points(prefix=""):
    """An answer's points when verified (rules.POINTS), else 0: the score rule in SQL, for aggregates."""
    return Case(
        *[
            When(**{f"{prefix}status": Status.VERIFIED, f"{prefix}choice": choice}, then=Value(points))
            for choice, points in rules.POINTS.items()
        ],
        default=Value(0),
        output_field=IntegerField(),
    )


def _previous_percents(previous):
    """Each team's score in the round before, in two queries."""
    if previous is None:
        return {}
    criteria_count = Answer.objects.filter(round=previous).values("criterion_version").distinct().count()
    totals = Answer.objects.filter(round=previous).values("team_id").annotate(points=Sum(_verified_points()))
    return {row["team_id"]: rules.score_percent(row["points"], criteria_count) for row in totals}


def _rank(rows):
    rows.sort(key=lambda row: (-(row.percent if row.percent is not None else -1), row.team.name.lower()))
    position, last = 0, object()
    for number, row in enumerate(rows, start=1):
        if row.percent != last:
            position, last = number, row.percent
        row.rank = str(position)
    shared = {}
    for row in rows:
        shared[row.rank] = shared.get(row.rank, 0) + 1
    for row in rows:
        if shared[row.rank] > 1:
            row.rank = f"={row.rank}"


def league_table(round_, *, directorate=""):
    """Every team in the round with its answers, lights, score, rank and the score of the round before."""
    criteria = _round_criteria(round_)
    position = {version.pk: index for index, version in enumerate(criteria)}
    answers = Answer.objects.filter(round=round_).select_related("team")
    if directorate:
        answers = answers.filter(team__directorate=directorate)
    by_team = {}
    for answer in answers:
        by_team.setdefault(answer.team_id, (answer.team, [None] * len(criteria)))[1][
            position[answer.criterion_version_id]
        ] = answer
    previous = previous_round(round_)
    before = _previous_percents(previous)
    rows = []
    for team_id, (team, team_answers_) in by_team.items():
        cells = [Cell(answer, rules.answer_light(answer.choice)) for answer in team_answers_ if answer is not None]
        points = sum(rules.POINTS.get(c.answer.choice, 0) for c in cells if rules.counts_towards_score(c.answer.status))
        percent = rules.score_percent(points, len(criteria))
        rows.append(
            LeagueRow(
                team=team,
                cells=cells,
                points=points,
                percent=percent,
                light=rules.team_light(percent),
                previous_percent=before.get(team_id),
                answered=sum(1 for c in cells if c.answer.status != Status.NOT_ANSWERED),
                verified=sum(1 for c in cells if c.answer.status == Status.VERIFIED),
            )
        )
    _rank(rows)
    return LeagueTable(round=round_, criteria=criteria, rows=rows, previous=previous, directorate=directorate)


def team_trend(team):
    """The team's score and light in every round of its department it took part in, oldest first (two queries)."""
    rounds_ = list(
        Round.objects.filter(answers__team=team)
        .annotate(points=Sum(_verified_points("answers__"), filter=Q(answers__team=team)))
        .order_by("opens_on", "pk")
    )
    criteria_counts = dict(
        Answer.objects.filter(round__in=rounds_)
        .order_by()
        .values("round_id")
        .annotate(n=Count("criterion_version", distinct=True))
        .values_list("round_id", "n")
    )
    trend = []
    for round_ in rounds_:
        percent = rules.score_percent(round_.points or 0, criteria_counts.get(round_.pk, 0))
        trend.append({"round": round_, "percent": percent, "light": rules.team_light(percent)})
    return trend


def round_progress(round_):
    """How many answers are in each status (one query)."""
    counts = dict.fromkeys(Status.values, 0)
    for row in Answer.objects.filter(round=round_).order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def teams_contacted_by(user, round_):
    """The teams in this round the person answers for."""
    return list(Team.objects.filter(contact=user, answers__round=round_).distinct().order_by("name"))
