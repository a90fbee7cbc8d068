"""What a zip container (an .xlsx, .docx or OpenDocument file) says about itself, checked before anything
unpacks it.

A 256 KB workbook whose shared strings unpack to 100 MB kept a core busy for 90 seconds and took 560 MB.
The zip's central directory names every member with its packed and unpacked size, and reading it costs
next to nothing, so a file is refused from its directory alone when it would unpack to more than the
cap, when one large member is packed more tightly than real documents ever are (a bomb is thousands to
one; Office and OpenDocument XML, images included, stay well under 100 to one), or when it has more
members than a real document. Python's zipfile never unpacks more than a member's declared size (it
stops there and reports a bad CRC), so a directory that lies about sizes cannot smuggle more past it.
"""

import zipfile

from django.conf import settings

from .errors import ServiceError

UNPACKS_TOO_LARGE = "The file unpacks to more than {limit}. Upload a smaller {what}, or split it into several files"
PACKED_TOO_TIGHTLY = (
    "The file is packed far more tightly than a real {what}, so it was not opened. "
    "Save it again from the program that made it, then upload it"
)
TOO_MANY_MEMBERS = (
    "The file is made of more than {limit:,} parts, far more than a real {what}. "
    "Save it again from the program that made it, then upload it"
)


class ArchiveRejected(ServiceError):
    pass


def size_words(size):
    """A byte count as a person reads it: 20 MB, 512 KB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def archive_members(file, *, max_unpacked, what, unreadable):
    """The members of a zip, from its central directory only, or ArchiveRejected with a GOV.UK message.

    `file` is a seekable binary file (left at its start); `unreadable` is the message for a file
    that is not a zip at all; `what` names the document in messages ("spreadsheet", "file").
    """
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ArchiveRejected(unreadable, field="file") from None
    finally:
        file.seek(0)
    if len(members) > settings.ARCHIVE_MAX_MEMBERS:
        raise ArchiveRejected(TOO_MANY_MEMBERS.format(limit=settings.ARCHIVE_MAX_MEMBERS, what=what), field="file")
    if sum(member.file_size for member in members) > max_unpacked:
        raise ArchiveRejected(UNPACKS_TOO_LARGE.format(limit=size_words(max_unpacked), what=what), field="file")
    if any(_packed_too_tightly(member) for member in members):
        raise ArchiveRejected(PACKED_TOO_TIGHTLY.format(what=what), field="file")
    return members


def _packed_too_tightly(member):
    if member.file_size <= settings.ARCHIVE_RATIO_FROM_BYTES:
        return False
    return member.file_size > settings.ARCHIVE_MAX_RATIO * max(member.compress_size, 1)
