"""Upload safety for meeting papers: the same rules as assessment evidence.

The type is decided by the file's contents (the `filetype` package), never by the name or the
browser's Content-Type; the name's extension must agree with the contents, so a spoofed
extension is refused; files are capped at settings.MAX_UPLOAD_BYTES and stored under a random
name through Django's storage; downloads go through a view that checks access.
"""

import re
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Detected extension → content type we serve it with.
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
}
# Names people give files that mean the same detected type.
EXTENSION_ALIASES = {"jpeg": "jpg", "jpe": "jpg"}
ALLOWED_LABEL = "PDF, Word, Excel, OpenDocument, PNG or JPEG"
SIGNATURE_BYTES = 8192

ERROR_EMPTY = "The selected file is empty"
ERROR_TOO_LARGE = "The selected file must be smaller than {limit}"
ERROR_WRONG_TYPE = f"The selected file must be a {ALLOWED_LABEL}"
ERROR_NAME_MISMATCH = (
    "The selected file's name ends in .{named} but it is a {detected} file: rename it or choose another"
)


@dataclass(frozen=True)
class CheckedUpload:
    extension: str
    content_type: str
    size: int
    original_filename: str


def _declared_extension(name):
    suffix = PurePath(name or "").suffix.lower().lstrip(".")
    return EXTENSION_ALIASES.get(suffix, suffix)


def check_upload(upload):
    """Return what we know about an UploadedFile, or raise ValidationError with a GOV.UK message."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(ERROR_EMPTY, code="empty")
    if size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(ERROR_TOO_LARGE.format(limit=filesizeformat(settings.MAX_UPLOAD_BYTES)), code="too_large")
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in ALLOWED_TYPES:
        raise ValidationError(ERROR_WRONG_TYPE, code="wrong_type")
    declared = _declared_extension(upload.name)
    if declared != kind.extension:
        raise ValidationError(
            ERROR_NAME_MISMATCH.format(named=declared or "(nothing)", detected=kind.extension.upper()),
            code="name_mismatch",
        )
    return CheckedUpload(
        extension=kind.extension,
        content_type=ALLOWED_TYPES[kind.extension],
        size=size,
        original_filename=PurePath(upload.name).name[:255],
    )


def safe_download_name(original_filename, extension):
    """A name safe in a Content-Disposition header: ASCII letters, digits, dot, dash; the detected extension."""
    stem = PurePath(original_filename or "").stem
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_")[:100] or "paper"
    return f"{stem}.{extension}"
