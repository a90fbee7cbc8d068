"""Every import reads its file within limits: rows, cells, tags parsed whole and seconds."""

import csv
import datetime
import io
import itertools
import time

import pytest
from openpyxl import Workbook

from common import spreadsheets
from common.spreadsheets import (
    TOO_MANY_CELLS,
    TOO_MANY_ROWS,
    TOO_MUCH_MARKUP,
    TOO_SLOW,
    SpreadsheetRefused,
    bounded_rows,
    workbook_opened,
)
from tests.support.bombs import spreadsheet_bomb, workbook_parts, zipped

NOT_XLSX = "The selected file must be a spreadsheet saved as .xlsx"


def workbook(rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_all(content):
    with workbook_opened(content, unreadable=NOT_XLSX) as book:
        return [list(row) for sheet in book.worksheets for row in book.rows(sheet)]


def refusal(content):
    with pytest.raises(SpreadsheetRefused) as refused:
        read_all(content)
    return refused.value


def test_a_workbook_is_read_row_by_row():
    assert read_all(workbook([["department", "year"], ["Home Office", 2014]])) == [
        ["department", "year"],
        ["Home Office", 2014],
    ]


def test_an_open_file_is_read_as_well_as_bytes():
    with workbook_opened(io.BytesIO(workbook([["a"]])), unreadable=NOT_XLSX) as book:
        assert [list(row) for row in book.rows(book.worksheets[0])] == [["a"]]


@pytest.mark.parametrize("content", [b"PK\x03\x04 not a zip", zipped({"a.txt": b"no workbook here"})])
def test_a_file_that_is_not_a_workbook_gets_the_callers_message(content):
    refused = refusal(content)
    assert refused.message == NOT_XLSX and refused.field == "file"


def test_a_bomb_is_refused_before_openpyxl_opens_it():
    bomb = spreadsheet_bomb()
    started = time.monotonic()
    assert refusal(bomb).message.startswith("The file unpacks to more than 20 MB")
    assert time.monotonic() - started < 1


def test_rows_beyond_the_setting_are_refused(settings):
    settings.SPREADSHEET_MAX_ROWS = 10
    assert len(read_all(workbook([[number] for number in range(10)]))) == 10
    refused = refusal(workbook([[number] for number in range(11)]))
    assert refused.message == "The file has more than 10 rows. Split it into smaller files and upload each one"


def test_blank_rows_count_as_rows(settings):
    settings.SPREADSHEET_MAX_ROWS = 10
    book = Workbook()
    book.active["A1"] = "heading"
    book.active["A5000"] = "far below"
    buffer = io.BytesIO()
    book.save(buffer)
    assert refusal(buffer.getvalue()).message == TOO_MANY_ROWS.format(limit=10)


def test_cells_beyond_the_setting_are_refused(settings):
    settings.SPREADSHEET_MAX_CELLS = 100
    assert len(read_all(workbook([range(10)] * 10))) == 10
    refused = refusal(workbook([range(10)] * 11))
    assert refused.message == (
        "The file has more than 100 cells. Delete the empty rows and columns around the table, "
        "or split it into smaller files"
    )


def test_a_sheet_claiming_every_column_is_refused_after_a_few_rows(settings):
    parts = workbook_parts(rows=[["value"]] * 20)  # openpyxl pads each row to the width the sheet claims
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace('ref="A1:A20"', 'ref="A1:XFD1048576"').encode()
    started = time.monotonic()
    assert refusal(zipped(parts)).message == TOO_MANY_CELLS.format(limit=settings.SPREADSHEET_MAX_CELLS)
    assert time.monotonic() - started < 2


def test_reading_stops_at_the_deadline(settings):
    settings.SPREADSHEET_READ_SECONDS = 0
    refused = refusal(workbook([["a"]]))
    assert (
        refused.message == "The file took more than 0 seconds to read. Split it into smaller files and upload each one"
    )


def test_the_clock_is_checked_while_the_shared_strings_are_parsed(settings, monkeypatch):
    """A second passes at each look at the clock: the shared strings' pieces run out the 60 seconds."""
    clock = itertools.count(1_000_000)
    monkeypatch.setattr(spreadsheets.time, "monotonic", lambda: next(clock))
    settings.SPREADSHEET_READ_SECONDS = 60
    assert read_all(workbook([["a"]])) == [["a"]]
    strings = b"".join(b"<si><t>%d</t></si>" % number for number in range(100_000))  # 1.7 MB, packs 5 to 1
    assert refusal(workbook_with_shared_strings(strings)).message == TOO_SLOW.format(limit=60)


def workbook_with_shared_strings(strings):
    parts = workbook_parts(rows=[[1]])
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Target="sharedStrings.xml" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + strings + b"</sst>"
    )
    return zipped(parts)


def test_styles_with_too_many_tags_are_refused_before_they_are_parsed():
    parts = workbook_parts()
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(b"</cellXfs>", b"<xf/>" * 60_000 + b"</cellXfs>")
    started = time.monotonic()
    assert refusal(zipped(parts)).message == TOO_MUCH_MARKUP
    assert time.monotonic() - started < 1


def test_csv_rows_are_bounded_too(settings):
    settings.SPREADSHEET_MAX_CELLS = 1_000
    wide = io.StringIO("," * 5_000 + "\n")
    with pytest.raises(SpreadsheetRefused) as refused:
        list(bounded_rows(csv.reader(wide)))
    assert refused.value.message == TOO_MANY_CELLS.format(limit=1_000)
    assert list(bounded_rows(csv.reader(io.StringIO("a,b\nc,d\n")))) == [["a", "b"], ["c", "d"]]


def test_a_cell_naming_a_style_the_workbook_lacks_is_unreadable_not_an_error():
    parts = workbook_parts(rows=[["department", 5]])
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b'<c r="B1"', b'<c r="B1" s="999"')
    with pytest.raises(SpreadsheetRefused) as refused, workbook_opened(zipped(parts), unreadable=NOT_XLSX) as book:
        list(book.rows(book.worksheets[0], values_only=False))
    assert refused.value.message == NOT_XLSX


def test_cells_come_with_their_number_format():
    book = Workbook()
    book.active["A1"] = datetime.date(2014, 3, 1)
    book.active["A1"].number_format = "mmm yyyy"
    buffer = io.BytesIO()
    book.save(buffer)
    with workbook_opened(buffer.getvalue(), unreadable=NOT_XLSX) as opened:
        [[cell]] = list(opened.rows(opened.worksheets[0], values_only=False))
    assert (cell.value, cell.number_format) == (datetime.datetime(2014, 3, 1), "mmm yyyy")
