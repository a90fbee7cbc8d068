"""Rounds: opened with one answer to give per active team and active criterion, closed, shared with TNA."""

from django.db import IntegrityError, transaction

from assessments.services.evidence import evidence_add_link
from common.errors import ServiceError
from monitoring.models import Answer, Criterion, CriterionVersion, Round, Team
from notifications.recipients import absolute_url

from . import require_manager

NO_TEAMS = "Add at least one active team before you open a round"
NO_CRITERIA = "Choose at least one criterion before you open a round"
NAME_TAKEN = "Your department already has a round called {name}"
CLOSES_BEFORE_OPENING = "The closing date must be the same as or after the opening date"
ALREADY_CLOSED = "This round is already closed"
NOT_CLOSED = "This round is open"


def _current_versions(department):
    versions = []
    for criterion in Criterion.objects.filter(department=department, is_active=True).order_by("position", "pk"):
        version = CriterionVersion.objects.filter(criterion=criterion).order_by("-number").first()
        if version is not None:
            versions.append(version)
    return versions


@transaction.atomic
def round_open(*, department, by, name, opens_on, closes_on):
    require_manager(by, department)
    if closes_on < opens_on:
        raise ServiceError(CLOSES_BEFORE_OPENING, field="closes_on")
    team_ids = list(Team.objects.filter(department=department, is_active=True).values_list("pk", flat=True))
    if not team_ids:
        raise ServiceError(NO_TEAMS)
    versions = _current_versions(department)
    if not versions:
        raise ServiceError(NO_CRITERIA)
    try:
        with transaction.atomic():
            round_ = Round.objects.create(
                department=department, name=name, opens_on=opens_on, closes_on=closes_on, created_by=by
            )
    except IntegrityError:
        raise ServiceError(NAME_TAKEN.format(name=name), field="name") from None
    Answer.objects.bulk_create(
        [
            Answer(round=round_, team_id=team_id, criterion_version=version)
            for team_id in team_ids
            for version in versions
        ],
        batch_size=1000,
    )
    return round_


@transaction.atomic
def round_close(*, round_, by):
    require_manager(by, round_.department)
    updated = Round.objects.filter(pk=round_.pk, status=Round.Status.OPEN).update(status=Round.Status.CLOSED)
    if not updated:
        raise ServiceError(ALREADY_CLOSED)
    round_.status = Round.Status.CLOSED
    return round_


NOT_SHARED = "Share the round with The National Archives first: assessors can open the evidence only then"
EVIDENCE_TITLE = "Team monitoring: {name} league table"


@transaction.atomic
def round_cite_as_evidence(*, round_, by, rating):
    """A link to the shared round, added to the evidence of one performance area of the department's assessment."""
    require_manager(by, round_.department)
    if not Round.objects.filter(pk=round_.pk, shared_with_tna=True).exists():
        raise ServiceError(NOT_SHARED)
    return evidence_add_link(
        rating=rating,
        by=by,
        url=absolute_url("monitoring:round_detail", round_.pk),
        title=EVIDENCE_TITLE.format(name=round_.name)[:200],
    )


@transaction.atomic
def round_share(*, round_, by, shared):
    """Sharing a round lets TNA's assessors read its league table; the department may take it back."""
    require_manager(by, round_.department)
    Round.objects.filter(pk=round_.pk).update(shared_with_tna=shared)
    round_.shared_with_tna = shared
    return round_
