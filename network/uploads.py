"""Upload safety for meeting papers: exactly the rules of assessment evidence, from one module.

`common.uploads` decides the type by content (containers included), checks the name
agrees and applies settings.MAX_UPLOAD_BYTES; this adapter turns its verdict into form errors and
gives the paper a safe download name.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError

from common.uploads import UploadRejected, inspect_upload, safe_filename

ALLOWED_LABEL = "PDF, Word, Excel, OpenDocument, PNG or JPEG"


@dataclass(frozen=True)
class CheckedUpload:
    extension: str
    content_type: str
    size: int
    original_filename: str


def check_upload(upload):
    """Return what we know about an UploadedFile, or raise ValidationError with a GOV.UK message."""
    try:
        kind = inspect_upload(upload)
    except UploadRejected as rejected:
        raise ValidationError(rejected.message, code="rejected") from rejected
    return CheckedUpload(
        extension=kind.extension,
        content_type=kind.content_type,
        size=upload.size,
        original_filename=safe_filename(upload.name, fallback="paper")[:255],
    )


def safe_download_name(original_filename, extension):
    """A name safe in a Content-Disposition header, ending in the detected extension."""
    stem = PurePosixPath(safe_filename(original_filename, fallback="paper")).stem or "paper"
    return f"{stem}.{extension}"
