"""A zip is judged from its directory before anything unpacks it: what it unpacks to, how tightly it is
packed, how many members it has."""

import io
import os
import struct
import time
import zipfile

import pytest
from openpyxl import Workbook

from common.archives import PACKED_TOO_TIGHTLY, TOO_MANY_MEMBERS, ArchiveRejected, archive_members
from tests.support.bombs import MEGABYTE, spreadsheet_bomb, zipped

NOT_A_ZIP = "The selected file must be a spreadsheet saved as .xlsx"


def check(content, max_unpacked=20 * MEGABYTE):
    return archive_members(io.BytesIO(content), max_unpacked=max_unpacked, what="spreadsheet", unreadable=NOT_A_ZIP)


def refusal(content, **kwargs):
    with pytest.raises(ArchiveRejected) as refused:
        check(content, **kwargs)
    return refused.value


def big_workbook(rows):
    """A workbook as people's imports look (write-only: inline strings, so repeated values pack the tightest)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["department", "assessment_type", "year", "performance_area", "rating", "comment", "framework"])
    for number in range(rows):
        sheet.append(["Home Office", "ima", 2000 + number % 25, f"Area {number % 10}", "Satisfactory", "", "ima-2013"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_workbook_openpyxl_writes_passes():
    workbook = Workbook()
    for number in range(2_000):
        workbook.active.append([f"Row {number}", number, "Satisfactory"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert "xl/worksheets/sheet1.xml" in [member.filename for member in check(buffer.getvalue())]


def test_a_large_workbook_of_repeated_values_passes():
    members = check(big_workbook(3_000))
    sheet = next(member for member in members if member.filename == "xl/worksheets/sheet1.xml")
    assert sheet.file_size > MEGABYTE  # over the size from which the packing is judged, and yet
    assert sheet.file_size < 30 * sheet.compress_size


def test_a_bomb_is_refused_by_what_it_unpacks_to_in_a_blink():
    bomb = spreadsheet_bomb()
    started = time.monotonic()
    refused = refusal(bomb)
    assert time.monotonic() - started < 0.1
    assert refused.message == (
        "The file unpacks to more than 20 MB. Upload a smaller spreadsheet, or split it into several files"
    )
    assert refused.field == "file"


def test_a_large_member_packed_too_tightly_is_refused_even_under_the_size_cap():
    refused = refusal(zipped({}, big_name="xl/styles.xml", megabytes=2), max_unpacked=1024 * MEGABYTE)
    assert refused.message == PACKED_TOO_TIGHTLY.format(what="spreadsheet")
    assert refused.message.startswith("The file is packed far more tightly than a real spreadsheet")


def test_a_small_member_is_not_judged_by_its_packing(settings):
    assert settings.ARCHIVE_RATIO_FROM_BYTES == MEGABYTE
    assert check(zipped({"xl/styles.xml": b"A" * 1_000_000}))


def test_a_large_member_packed_as_real_documents_are_passes():
    noise = os.urandom(MEGABYTE // 2).hex().encode()  # a megabyte of hex packs about two to one
    assert check(zipped({"word/media/image1.bin": noise * 2}))


def test_more_members_than_the_setting_are_refused(settings):
    settings.ARCHIVE_MAX_MEMBERS = 10
    refused = refusal(zipped({f"part{number}.xml": b"<a/>" for number in range(11)}))
    assert refused.message == TOO_MANY_MEMBERS.format(limit=10, what="spreadsheet")
    assert check(zipped({f"part{number}.xml": b"<a/>" for number in range(10)}))


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04 broken", b""])
def test_a_file_that_is_not_a_zip_gets_the_callers_message(content):
    assert refusal(content).message == NOT_A_ZIP


def test_the_cap_is_a_setting(settings):
    settings.SPREADSHEET_MAX_UNPACKED_BYTES = 1  # not this function's: its caller passes the cap
    assert check(zipped({"a.xml": b"<a/>" * 1000}), max_unpacked=4000)
    assert refusal(zipped({"a.xml": b"<a/>" * 1000}), max_unpacked=3999).message.startswith(
        "The file unpacks to more than 3.90527 KB"
    )


def test_a_directory_that_understates_a_size_unpacks_no_more_than_it_says():
    content = bytearray(zipped({"xl/sharedStrings.xml": b"A" * 5 * MEGABYTE}))
    # Both headers say 1,000 bytes: the local header (size at byte 22) and the central directory's (byte 24).
    local = content.index(b"PK\x03\x04")
    central = content.index(b"PK\x01\x02")
    struct.pack_into("<I", content, local + 22, 1000)
    struct.pack_into("<I", content, central + 24, 1000)
    assert check(bytes(content))  # what the directory says passes, and that is all that unpacks
    with (
        zipfile.ZipFile(io.BytesIO(bytes(content))) as archive,
        archive.open("xl/sharedStrings.xml") as member,
        pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"),  # after 1,000 bytes, not 5 MB
    ):
        member.read()
