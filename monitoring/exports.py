"""The league table as CSV or XLSX: the same rows, columns and values as the page (selectors.league_table)."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from common.spreadsheets import spreadsheet_safe

FILLS = {"Red": "F4CCCC", "Amber": "FCE5CD", "Green": "D9EAD3"}


def headers(table):
    columns = ["Position", "Team", "Directorate", "Director", "Score (%)", "Traffic light"]
    columns += [version.criterion.title for version in table.criteria]
    columns += ["Previous round score (%)", "Change (points)"]
    return columns


def _answer(cell):
    answer = cell.answer
    text = answer.get_choice_display() if answer.choice else "No answer"
    return f"{text} ({answer.get_status_display().lower()}, {cell.light_label.lower()})"


def rows(table):
    for row in table.rows:
        yield [
            row.rank,
            row.team.name,
            row.team.directorate,
            row.team.director_name,
            row.percent,
            row.light_label,
            *[_answer(cell) for cell in row.cells],
            row.previous_percent,
            row.change,
        ]


def league_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(table))
    for row in rows(table):
        writer.writerow([spreadsheet_safe("" if value is None else value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def league_xlsx(table):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "League table"
    sheet.append(headers(table))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows(table):
        sheet.append([spreadsheet_safe(value) for value in values])
        light = sheet.cell(row=sheet.max_row, column=6)
        if light.value in FILLS:
            light.fill = PatternFill("solid", fgColor=FILLS[light.value])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
