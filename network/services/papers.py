"""Meeting papers: checked by content, stored under a random name, removed from storage with the row."""

from django.db import transaction

from network.models import MeetingPaper
from network.uploads import check_upload

from .errors import require_network_manager


@transaction.atomic
def paper_add(*, meeting, by, title, upload):
    require_network_manager(by)
    # Checked again here, not only in the form: a service is the last gate before storage.
    checked = check_upload(upload)
    paper = MeetingPaper(
        meeting=meeting,
        title=title,
        original_filename=checked.original_filename,
        content_type=checked.content_type,
        extension=checked.extension,
        size=checked.size,
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
