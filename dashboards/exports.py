"""A dashboard table as CSV or XLSX, holding exactly what the page shows."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from common.downloads import XLSX_CONTENT_TYPE, download_response
from common.spreadsheets import spreadsheet_safe


def table_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_safe(header) for header in table.export_headers])
    for row in table.export_rows():
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue()


def table_workbook(table, *, about=()):
    """The table on the first sheet; `about` (lines: filters applied, rules) on a second."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.key[:31]
    sheet.append([spreadsheet_safe(header) for header in table.export_headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, row in enumerate(table.rows, start=2):
        column = 1
        for cell in row:
            target = sheet.cell(row=row_number, column=column, value=spreadsheet_safe(cell.export_value))
            if cell.value is not None and cell.number_format:
                target.number_format = cell.number_format
            column += cell.span
    sheet.freeze_panes = "B2"
    for column, header in enumerate(table.export_headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = min(max(len(header), 10), 45)
    if about:
        notes = workbook.create_sheet("About")
        for line in about:
            notes.append([spreadsheet_safe(line)])
        notes.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(table, *, fmt, filename, about=()):
    if fmt == "csv":
        return download_response(table_csv(table), content_type="text/csv; charset=utf-8", filename=f"{filename}.{fmt}")
    return download_response(
        table_workbook(table, about=about), content_type=XLSX_CONTENT_TYPE, filename=f"{filename}.{fmt}"
    )
