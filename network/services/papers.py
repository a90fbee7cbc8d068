"""Meeting papers: checked by content, stored under a random name, removed from storage with the row."""

from django.db import transaction

from common.uploads import inspect_upload, safe_filename
from network.models import MeetingPaper

from .roles import require_network_manager


@transaction.atomic
def paper_add(*, meeting, by, title, upload):
    require_network_manager(by)
    # Checked again here, not only in the form: a service is the last gate before storage.
    kind = inspect_upload(upload)  # UploadRejected (a ServiceError) when the file is refused
    paper = MeetingPaper(
        meeting=meeting,
        title=title,
        original_filename=safe_filename(upload.name, fallback="paper")[:255],
        content_type=kind.content_type,
        extension=kind.extension,
        size=upload.size,
        uploaded_by=by,
    )
    paper.file.save("paper", upload, save=False)
    stored_name = paper.file.name
    try:
        paper.save()
    except Exception:
        # A row that failed to save must not leave its file behind.
        paper.file.storage.delete(stored_name)
        raise
    return paper


@transaction.atomic
def paper_delete(*, paper, by):
    require_network_manager(by)
    storage, name = paper.file.storage, paper.file.name
    paper.delete()
    transaction.on_commit(lambda: storage.delete(name))
