"""The one upload checker (evidence, meeting papers, later any upload): what a file really is, judged by
its content, and whether its name agrees.

The `filetype` package recognises PDF, PNG and JPEG by their signatures. Office and OpenDocument
files are containers, so their signature alone says little: a .docx is a zip whose
[Content_Types].xml names a Word document, an .odt a zip whose first entry `mimetype` names an
OpenDocument text; a .doc or .xls is an OLE compound file whose directory names a WordDocument or
Workbook stream.

A signature is easy to fake, so what claims to be a PDF or a zip container must also open as one: a
PDF is parsed by pypdf as far as its page tree (never rendered), and must not need a password; a zip
is judged from its directory first (common/archives.py: no bombs), then must have the parts its kind
requires (the main part its content types name, or OpenDocument's `mimetype` first and `content.xml`),
and that main part must start like XML. Only structure is read, so a 20 MB file costs a fraction of a
second.
"""

import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PasswordType, PdfReader

from .archives import ArchiveRejected, archive_members
from .errors import ServiceError

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
EXTENSION_ALIASES = {"jpg": "jpeg"}
ALLOWED_EXTENSIONS = sorted([*CONTENT_TYPES, *EXTENSION_ALIASES])
DESCRIPTIONS = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "xls": "Excel",
    "xlsx": "Excel",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "odp": "OpenDocument presentation",
    "png": "PNG",
    "jpeg": "JPEG",
}

FILE_EMPTY = "The selected file is empty. Choose a file that has something in it"
FILE_TOO_LARGE = "The selected file must be smaller than {limit}"
ALLOWED_LABEL = "PDF, Word, Excel, OpenDocument, PNG or JPEG"
FILE_WRONG_TYPE = f"The selected file must be a {ALLOWED_LABEL} file"
FILE_NAME_DISAGREES = (
    "The selected file is a {actual} file but its name ends in .{extension}. "
    "Rename it to end in .{expected}, or choose another file"
)
FILE_NAME_HAS_NO_EXTENSION = (
    "The selected file is a {actual} file. Rename it to end in .{expected}, then choose it again"
)
FILE_DAMAGED = (
    "The selected file cannot be opened as a {actual} file. Save it again from the program that made it, then upload it"
)
PDF_NEEDS_PASSWORD = "The selected PDF is protected with a password. Remove the password, then upload it again"

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
OPENDOCUMENT_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
OLE_STREAMS = {"WordDocument".encode("utf-16-le"): "doc", "Workbook".encode("utf-16-le"): "xls"}
# Reading a container's small index entries only; never unpack the whole archive (zip bombs).
INDEX_READ_LIMIT = 512 * 1024
CHUNK = 1024 * 1024
XML_START = re.compile(rb"^(\xef\xbb\xbf)?\s*<")
# The content types' <Override PartName="/word/document.xml" ContentType="…"/> entries, read as text: no XML
# parser sees the file.
OVERRIDE = re.compile(rb"<(?:[\w.-]+:)?Override\b([^>]*)>")
ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class UploadRejected(ServiceError):
    pass


@dataclass(frozen=True)
class UploadKind:
    extension: str  # canonical: "jpeg" for .jpg too
    content_type: str


def size_limit_words():
    limit = settings.MAX_UPLOAD_BYTES
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB"


def extension_of(filename):
    suffix = PurePosixPath((filename or "").replace("\\", "/")).suffix.lower().lstrip(".")
    return EXTENSION_ALIASES.get(suffix, suffix)


def safe_filename(filename, *, fallback="evidence"):
    """A display and download name: no folders, control characters, quotes or overlong names."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'["<>:|?*;]', "", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        return fallback
    if len(name) > 150:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[: 140 - len(suffix)]}.{suffix}" if dot and len(suffix) <= 8 else name[:150]
    return name


def _read_head(upload, size=8192):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _zip_kind(upload):
    try:
        members = archive_members(
            upload, max_unpacked=settings.UPLOAD_MAX_UNPACKED_BYTES, what="file", unreadable=FILE_WRONG_TYPE
        )
    except ArchiveRejected as rejected:
        raise UploadRejected(rejected.message) from None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = {member.filename for member in members}
            if "mimetype" in names:
                return _opendocument_kind(archive, members)
            if "[Content_Types].xml" in names:
                return _ooxml_kind(archive, names)
    except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def _opendocument_kind(archive, members):
    """OpenDocument: `mimetype` (first, as the standard requires) names the kind; `content.xml` holds it."""
    with archive.open("mimetype") as entry:
        kind = OPENDOCUMENT_MIMETYPES.get(entry.read(200).decode("ascii", "replace").strip())
    if kind is None:
        return None
    if members[0].filename != "mimetype" or not _starts_like_xml(archive, "content.xml"):
        raise UploadRejected(FILE_DAMAGED.format(actual=DESCRIPTIONS[kind]))
    return kind


def _ooxml_kind(archive, names):
    """Office Open XML: [Content_Types].xml names the main part (the Word document or workbook), which is there."""
    with archive.open("[Content_Types].xml") as entry:
        types = entry.read(INDEX_READ_LIMIT + 1)
    if len(types) > INDEX_READ_LIMIT:
        return None
    for override in OVERRIDE.finditer(types):
        attributes = {name: first or second for name, first, second in ATTRIBUTE.findall(override.group(1))}
        kind = OOXML_MAIN_PARTS.get(attributes.get(b"ContentType", b"").decode("ascii", "replace"))
        if kind:
            part = attributes.get(b"PartName", b"").decode("utf-8", "replace").lstrip("/")
            if part not in names or not _starts_like_xml(archive, part):
                raise UploadRejected(FILE_DAMAGED.format(actual=DESCRIPTIONS[kind]))
            return kind
    return None


def _starts_like_xml(archive, name):
    try:
        with archive.open(name) as entry:
            return bool(XML_START.match(entry.read(256)))
    except KeyError:
        return False


def _check_pdf(upload):
    """A PDF pypdf can open as far as its pages, without a password; never rendered."""
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise UploadRejected(PDF_NEEDS_PASSWORD)
        pages = len(reader.pages)
    except UploadRejected:
        raise
    except Exception:  # noqa: BLE001 — a hostile file can make a parser raise anything; each means "cannot open"
        raise UploadRejected(FILE_DAMAGED.format(actual="PDF")) from None
    finally:
        upload.seek(0)
    if pages < 1:
        raise UploadRejected(FILE_DAMAGED.format(actual="PDF"))


def _ole_kind(upload):
    # Stream names live in the compound file's directory, which may sit anywhere in the file.
    upload.seek(0)
    tail = b""
    try:
        while chunk := upload.read(CHUNK):
            window = tail + chunk
            for marker, extension in OLE_STREAMS.items():
                if marker in window:
                    return extension
            tail = window[-64:]
    finally:
        upload.seek(0)
    return None


def detect_kind(upload):
    """The canonical extension of what the content is, or None when it is nothing we accept.

    Raises UploadRejected when it claims to be a PDF or a container but cannot be opened as one.
    """
    head = _read_head(upload)
    if head.startswith(ZIP_SIGNATURE):
        return _zip_kind(upload)
    if head.startswith(OLE_SIGNATURE):
        return _ole_kind(upload)
    guess = filetype.guess(head)
    if guess is None:
        return None
    extension = EXTENSION_ALIASES.get(guess.extension, guess.extension)
    if extension == "pdf":
        _check_pdf(upload)
    return extension if extension in ("pdf", "png", "jpeg") else None


def inspect_upload(upload):
    """Check size, content and name of an uploaded file; raise UploadRejected with a GOV.UK message."""
    if not upload.size:
        raise UploadRejected(FILE_EMPTY)
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise UploadRejected(FILE_TOO_LARGE.format(limit=size_limit_words()))
    actual = detect_kind(upload)
    if actual is None:
        raise UploadRejected(FILE_WRONG_TYPE)
    extension = extension_of(upload.name)
    if not extension:
        raise UploadRejected(FILE_NAME_HAS_NO_EXTENSION.format(actual=DESCRIPTIONS[actual], expected=actual))
    if extension != actual:
        shown = PurePosixPath((upload.name or "").replace("\\", "/")).suffix.lower().lstrip(".")
        raise UploadRejected(FILE_NAME_DISAGREES.format(actual=DESCRIPTIONS[actual], extension=shown, expected=actual))
    return UploadKind(extension=actual, content_type=CONTENT_TYPES[actual])


def clean_upload(upload):
    """For a form's clean_<field>(): the file's kind, or a ValidationError with the GOV.UK message."""
    try:
        return inspect_upload(upload)
    except UploadRejected as rejected:
        raise ValidationError(rejected.message, code="rejected") from rejected


def download_name(original_filename, extension, *, fallback):
    """A safe name for a checked file, ending in the extension its content was found to have."""
    stem = PurePosixPath(safe_filename(original_filename, fallback=fallback)).stem or fallback
    return f"{stem}.{extension}"
