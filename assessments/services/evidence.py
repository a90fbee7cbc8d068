"""Evidence for a performance area: uploaded files (kept in private storage) and links."""

from urllib.parse import urlsplit

from django.db import transaction

from accounts import access
from assessments.models import AreaRating, Evidence
from assessments.rules import DEPARTMENT_EDITABLE
from common.errors import NotAllowed, ServiceError
from common.history import delete_with_history, save_with_history
from common.uploads import inspect_upload, safe_filename

ONLY_LEAD_EVIDENCE = "Only a KIM lead of {department} can add or remove its evidence."
EVIDENCE_WRONG_STATE = "This assessment is {status}. Evidence can be changed only while it is a draft or returned."
LINK_NOT_WEB = "Enter a web address that starts with https:// or http://"
LINK_NEEDS_TITLE = "Enter a title for the link"


def _check_editable(rating, by):
    assessment = rating.assessment
    if not access.is_kim_lead(by, assessment.department):
        raise NotAllowed(ONLY_LEAD_EVIDENCE.format(department=assessment.department.name))
    if assessment.status not in DEPARTMENT_EDITABLE:
        raise ServiceError(EVIDENCE_WRONG_STATE.format(status=assessment.get_status_display().lower()))


def _fresh(rating):
    return AreaRating.objects.select_related("assessment__department").get(pk=rating.pk)


@transaction.atomic
def evidence_add_file(*, rating, by, upload, title=""):
    rating = _fresh(rating)
    _check_editable(rating, by)
    kind = inspect_upload(upload)
    filename = safe_filename(upload.name, fallback=f"evidence.{kind.extension}")
    evidence = Evidence(
        rating=rating,
        kind=Evidence.Kind.FILE,
        title=(title or "").strip()[:200] or filename[:200],
        original_filename=filename,
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=by,
    )
    # The storage name is a random one (see evidence_upload_path); the person's name is kept for display only.
    evidence.file.save(filename, upload, save=False)
    try:
        return save_with_history(evidence, by=by, reason="Evidence file added")
    except Exception:
        evidence.file.storage.delete(evidence.file.name)
        raise


@transaction.atomic
def evidence_add_link(*, rating, by, url, title):
    rating = _fresh(rating)
    _check_editable(rating, by)
    url = (url or "").strip()
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc:
        raise ServiceError(LINK_NOT_WEB, field="link_url")
    title = (title or "").strip()
    if not title:
        raise ServiceError(LINK_NEEDS_TITLE, field="link_title")
    evidence = Evidence(rating=rating, kind=Evidence.Kind.LINK, title=title[:200], url=url, uploaded_by=by)
    return save_with_history(evidence, by=by, reason="Evidence link added")


@transaction.atomic
def evidence_delete(*, evidence, by):
    evidence = Evidence.objects.select_related("rating__assessment__department").get(pk=evidence.pk)
    _check_editable(evidence.rating, by)
    stored_name = evidence.file.name if evidence.kind == Evidence.Kind.FILE else ""
    storage = evidence.file.storage
    delete_with_history(evidence, by=by, reason="Evidence removed")
    if stored_name:
        # Only once the row is gone for good: a rolled-back delete must still find its file.
        transaction.on_commit(lambda: storage.delete(stored_name))
