"""What every CSV and XLSX export and import shares: cells written so a spreadsheet shows them as typed,
and files read within limits.

Every import reads its file here, so no file can run away with the server: an .xlsx is first checked from
its zip directory (common/archives.py: what it unpacks to, how tightly it is packed, how many parts), then
opened by openpyxl in read-only mode, and every row read of a workbook or CSV file counts against
SPREADSHEET_MAX_ROWS and SPREADSHEET_MAX_CELLS (blank rows and padded cells too) and a clock of
SPREADSHEET_READ_SECONDS. Each refusal is a SpreadsheetRefused, a ServiceError the import shows on its form.

    with workbook_opened(upload, unreadable=NOT_XLSX) as workbook:
        for values in workbook.rows(workbook.worksheets[0]):
            ...
"""

import io
import re
import time
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from django.conf import settings
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.exceptions import InvalidFileException

from .archives import ArchiveRejected, archive_members
from .errors import ServiceError

# A cell starting with one of these would run as a formula in a spreadsheet (CSV injection).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")

TOO_MANY_ROWS = "The file has more than {limit:,} rows. Split it into smaller files and upload each one"
TOO_MANY_CELLS = (
    "The file has more than {limit:,} cells. Delete the empty rows and columns around the table, "
    "or split it into smaller files"
)
TOO_SLOW = "The file took more than {limit:g} seconds to read. Split it into smaller files and upload each one"
TOO_MUCH_MARKUP = (
    "The spreadsheet has more cell styles, names or settings than the import can read. "
    "Copy its cells into a new workbook, then upload that"
)

# openpyxl parses a worksheet and the shared strings as a stream, reading 16 KB at a time, and each read
# checks the clock. Styles, the workbook part and the content types it reads whole and parses in one go,
# which no clock can stop, so the tags ("<") of what is read whole are counted first: 50,000 parse in about
# a second; a real workbook's styles have a few hundred to a few thousand.
MAX_TAGS_READ_WHOLE = 50_000

# What a damaged or hostile file makes openpyxl raise while opening or reading it.
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    InvalidFileException,
    EOFError,
    IndexError,
    KeyError,
    NotImplementedError,
    OSError,
    RuntimeError,
    TypeError,
    ValueError,
)


class SpreadsheetRefused(ServiceError):
    pass


def spreadsheet_safe(value):
    """Text that a spreadsheet shows as typed: a leading apostrophe stops it being read as a formula."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


class ReadingLimits:
    """What one file may cost: rows, cells, tags parsed whole and seconds, counted from its opening."""

    def __init__(self):
        self.rows = self.cells = self.tags = 0
        self.deadline = time.monotonic() + settings.SPREADSHEET_READ_SECONDS

    def check_time(self):
        if time.monotonic() > self.deadline:
            raise SpreadsheetRefused(TOO_SLOW.format(limit=settings.SPREADSHEET_READ_SECONDS), field="file")

    def charge_row(self, row):
        self.rows += 1
        self.cells += len(row)
        if self.rows > settings.SPREADSHEET_MAX_ROWS:
            raise SpreadsheetRefused(TOO_MANY_ROWS.format(limit=settings.SPREADSHEET_MAX_ROWS), field="file")
        if self.cells > settings.SPREADSHEET_MAX_CELLS:
            raise SpreadsheetRefused(TOO_MANY_CELLS.format(limit=settings.SPREADSHEET_MAX_CELLS), field="file")
        self.check_time()

    def charge_tags(self, count):
        self.tags += count
        if self.tags > MAX_TAGS_READ_WHOLE:
            raise SpreadsheetRefused(TOO_MUCH_MARKUP, field="file")


def bounded_rows(rows, limits=None):
    """Rows (of a csv.reader, say) passed on until the file has cost too much."""
    limits = limits or ReadingLimits()
    for row in rows:
        limits.charge_row(row)
        yield row


@contextmanager
def workbook_opened(file, *, unreadable):
    """An .xlsx (bytes or a seekable file) opened read-only within the limits, closed afterwards.

    Raises SpreadsheetRefused: with `unreadable` when it is not a workbook openpyxl can read, else with
    what it would cost too much of.
    """
    limits = ReadingLimits()
    file = io.BytesIO(file) if isinstance(file, bytes | bytearray) else file
    try:
        archive_members(
            file, max_unpacked=settings.SPREADSHEET_MAX_UNPACKED_BYTES, what="spreadsheet", unreadable=unreadable
        )
    except ArchiveRejected as rejected:
        raise SpreadsheetRefused(rejected.message, field="file") from None
    try:
        reader = _LimitedExcelReader(file, limits)
        reader.read()
    except UNREADABLE:
        raise SpreadsheetRefused(unreadable, field="file") from None
    try:
        yield OpenWorkbook(reader.wb, limits, unreadable)
    finally:
        reader.wb.close()


@dataclass(frozen=True)
class CellRead:
    value: object
    number_format: str | None


class OpenWorkbook:
    def __init__(self, workbook, limits, unreadable):
        self.workbook = workbook
        self.limits = limits
        self.unreadable = unreadable

    @property
    def worksheets(self):
        return self.workbook.worksheets

    def rows(self, sheet, *, values_only=True):
        """The sheet's rows (padded to the sheet's width), each one counted: values, or with `values_only=False`
        cells with their `value` and `number_format` (read here: a style the file lacks is an error)."""
        try:
            rows = sheet.iter_rows(values_only=values_only)
            while True:
                try:
                    row = next(rows)
                except StopIteration:
                    return
                self.limits.charge_row(row)
                yield row if values_only else tuple(CellRead(cell.value, cell.number_format) for cell in row)
        except UNREADABLE:
            raise SpreadsheetRefused(self.unreadable, field="file") from None


class _LimitedExcelReader(ExcelReader):
    """openpyxl's reader (read-only, cached values, no external links) reading every part through the limits.

    openpyxl opens the zip in its constructor; the limited zip replaces it before anything is read.
    """

    def __init__(self, file, limits):
        super().__init__(file, read_only=True, data_only=True, keep_links=False)
        self.archive.close()
        self.archive = _LimitedZipFile(file, limits)
        self.valid_files = self.archive.namelist()


class _LimitedZipFile(zipfile.ZipFile):
    def __init__(self, file, limits):
        super().__init__(file)
        self.limits = limits

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):
        member = super().open(name, mode, pwd, force_zip64=force_zip64)
        return _LimitedMember(member, self.limits) if mode == "r" else member


class _LimitedMember:
    """A member being unpacked: each read checks the clock; what is read whole has its tags counted."""

    def __init__(self, member, limits):
        self.member = member
        self.limits = limits

    def read(self, size=-1):
        self.limits.check_time()
        data = self.member.read(size)
        if size is None or size < 0:
            self.limits.charge_tags(data.count(b"<"))
        return data

    def close(self):
        self.member.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __getattr__(self, name):
        return getattr(self.member, name)
