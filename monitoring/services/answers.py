"""Answers: the team contact answers with evidence; the KIM team verifies or challenges each answer."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts import access
from common.errors import NotAllowed, ServiceError
from common.uploads import inspect_upload, safe_filename
from monitoring.models import Answer, Round
from notifications.recipients import absolute_url
from notifications.services import notify

from . import require_manager

ONLY_CONTACT = "Only the team's contact can answer for the team"
ROUND_CLOSED = "This round is closed: answers can no longer change"
ALREADY_VERIFIED = "The KIM team has verified this answer: it can no longer change"
EVIDENCE_NEEDED = "Upload a file or give a link to the evidence for a Yes or Partly answer"
NOT_ANSWERED_YET = "The team has not answered this yet: there is nothing to check"
CHALLENGE_NEEDS_COMMENT = "Enter what the team must do to back up their answer"
VERIFY = "verify"
CHALLENGE = "challenge"

Status = Answer.Status


def _locked(answer):
    return Answer.objects.select_for_update().select_related("round").get(pk=answer.pk)


@transaction.atomic
def answer_submit(*, answer, by, choice, explanation="", evidence_link="", upload=None):
    if not access.may_answer_for_team(by, answer.team):
        raise NotAllowed(ONLY_CONTACT)
    current = _locked(answer)
    if current.round.status != Round.Status.OPEN:
        raise ServiceError(ROUND_CLOSED)
    if current.status == Status.VERIFIED:
        raise ServiceError(ALREADY_VERIFIED)
    kind = inspect_upload(upload) if upload is not None else None  # UploadRejected (a ServiceError) when refused
    has_evidence = bool(evidence_link or kind or current.evidence_file)
    if choice in (Answer.Choice.YES, Answer.Choice.PARTLY) and not has_evidence:
        raise ServiceError(EVIDENCE_NEEDED, field="evidence_file")
    old_file = current.evidence_file.name if kind and current.evidence_file else None
    if kind is not None:
        current.evidence_filename = safe_filename(upload.name, fallback="evidence")[:255]
        current.evidence_content_type, current.evidence_extension = kind.content_type, kind.extension
        current.evidence_file.save("evidence", upload, save=False)
    current.choice, current.explanation, current.evidence_link = choice, explanation, evidence_link
    current.status, current.answered_by, current.answered_at = Status.SUBMITTED, by, timezone.now()
    current.save()
    if old_file:
        storage = current.evidence_file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return current


@transaction.atomic
def answer_review(*, answer, by, decision, comment=""):
    require_manager(by, answer.round.department)
    current = _locked(answer)
    if current.round.status != Round.Status.OPEN:
        raise ServiceError(ROUND_CLOSED)
    if current.status == Status.NOT_ANSWERED:
        raise ServiceError(NOT_ANSWERED_YET)
    comment = comment.strip()
    if decision == CHALLENGE and not comment:
        raise ServiceError(CHALLENGE_NEEDS_COMMENT, field="comment")
    current.status = Status.VERIFIED if decision == VERIFY else Status.CHALLENGED
    current.challenge_comment = comment if decision == CHALLENGE else ""
    current.reviewed_by, current.reviewed_at = by, timezone.now()
    current.save(update_fields=["status", "challenge_comment", "reviewed_by", "reviewed_at"])
    contact = answer.team.contact
    if decision == CHALLENGE and contact is not None:
        notify(
            recipients=[contact.email],
            template="monitoring_answer_challenged",
            context={
                "answer": current,
                "team": answer.team,
                "criterion": answer.criterion_version.criterion,
                "round": current.round,
                "comment": comment,
                "url": absolute_url("monitoring:answer_edit", current.pk),
                "service_name": settings.SERVICE_NAME,
            },
        )
    return current
