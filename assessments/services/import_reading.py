"""Reading a ratings file (CSV or XLSX) into numbered rows keyed by column name.

Row numbers are those a person sees in their spreadsheet: the header is row 1.
"""

import csv
import io
import re
from dataclasses import dataclass

from common.errors import ServiceError
from common.names import listed, normalise_name
from common.spreadsheets import SpreadsheetRefused, bounded_rows, workbook_opened

REQUIRED_COLUMNS = ("department", "assessment_type", "year", "performance_area", "rating")
OPTIONAL_COLUMNS = ("comment", "framework")
MAX_ROWS = 20_000

ERROR_EMPTY = "The file is empty: it needs a header row and at least one row of ratings"
ERROR_NO_RATINGS = "The file has a header row but no ratings: add one row per performance area"
ERROR_NOT_A_TABLE = "The file must be a CSV file or an Excel workbook (.xlsx)"
ERROR_OLD_EXCEL = "The file is an old-style Excel workbook (.xls): save it as .xlsx or CSV and upload it again"
ERROR_NOT_UTF8 = "The CSV file must be saved as UTF-8 (in Excel: Save as, then CSV UTF-8)"
ERROR_TOO_MANY_ROWS = f"The file has more than {MAX_ROWS:,} rows: split it into smaller files"
ERROR_MISSING_COLUMNS = "The header row has no {columns} column{s}: the required columns are " + ", ".join(
    REQUIRED_COLUMNS
)
ERROR_UNKNOWN_COLUMNS = "The header row has a column the import does not know ({columns}): the columns are " + (
    ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
)
ERROR_REPEATED_COLUMN = "The header row has the {column} column more than once"

ZIP_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and other old Office files


class ImportFileError(ServiceError):
    """The file cannot be read as a table of ratings; `row` is the header's row number when it is about the header."""

    def __init__(self, message, row=None):
        super().__init__(message, field="file")
        self.row = row


@dataclass
class Table:
    columns: tuple
    rows: list  # [(row number, {column: text})]

    @property
    def has_comment(self):
        return "comment" in self.columns


def column_key(heading):
    """ "Performance area", "performance-area" and " PERFORMANCE_AREA " all name one column."""
    return re.sub(r"[\s\-]+", "_", normalise_name(heading))


def read_table(*, content, filename=""):
    try:
        return _table(_records(content, filename))
    except SpreadsheetRefused as refused:
        raise ImportFileError(refused.message) from None


def _table(records):
    header_number, header = next(records, (None, None))
    if header is None:
        raise ImportFileError(ERROR_EMPTY)
    columns = _columns(header, header_number)
    rows = []
    for number, cells in records:
        if number > MAX_ROWS + 1:
            raise ImportFileError(ERROR_TOO_MANY_ROWS)
        values = {column: cells[index] if index < len(cells) else "" for index, column in columns.items()}
        if any(value.strip() for value in values.values()):  # spreadsheets keep blank rows around
            rows.append((number, values))
    if not rows:
        raise ImportFileError(ERROR_NO_RATINGS)
    return Table(columns=tuple(columns.values()), rows=rows)


def _columns(header, number):
    columns = {}
    unknown = []
    problems = []
    for index, heading in enumerate(header):
        key = column_key(heading)
        if not key:
            continue
        if key not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            unknown.append(heading.strip())
        elif key in columns.values():
            problems.append(ERROR_REPEATED_COLUMN.format(column=key))
        else:
            columns[index] = key
    missing = [column for column in REQUIRED_COLUMNS if column not in columns.values()]
    if missing:
        names = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        problems.insert(0, ERROR_MISSING_COLUMNS.format(columns=names, s="s" if len(missing) > 1 else ""))
    if unknown:
        problems.append(ERROR_UNKNOWN_COLUMNS.format(columns=listed(unknown)))
    if problems:
        raise ImportFileError("; ".join(problems), row=number)
    return columns


def _records(content, filename):
    """Yield (row number, [cell text]) from the first non-blank row on; sniffed by content, then name."""
    if content.startswith(ZIP_SIGNATURE):
        records = _xlsx_records(content)
    elif content.startswith(OLE2_SIGNATURE):
        raise ImportFileError(ERROR_OLD_EXCEL)
    elif filename.lower().endswith((".xlsx", ".xlsm")) or b"\x00" in content[:4096]:
        raise ImportFileError(ERROR_NOT_A_TABLE)
    else:
        records = _csv_records(content)
    return _skip_leading_blank(records)


def _skip_leading_blank(records):
    """The header is the first row with anything in it (some exports start with a blank line)."""
    started = False
    for number, cells in records:
        if not started and not any(cell.strip() for cell in cells):
            continue
        started = True
        yield number, cells


def _csv_records(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(ERROR_NOT_UTF8) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel in some locales saves with semicolons; pick what the header row uses.
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(bounded_rows(reader), start=1)
    except csv.Error:
        raise ImportFileError(ERROR_NOT_A_TABLE) from None


def _xlsx_records(content):
    with workbook_opened(content, unreadable=ERROR_NOT_A_TABLE) as workbook:
        if not workbook.worksheets:
            raise ImportFileError(ERROR_NOT_A_TABLE)
        for number, cells in enumerate(workbook.rows(workbook.worksheets[0]), start=1):
            yield number, [_cell_text(cell) for cell in cells]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
