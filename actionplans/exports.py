"""A plan as CSV or XLSX, in the published column order (generation 2 plans, 2016)."""

import csv
import io
import math
import re

from django.utils.dateformat import format as date_format
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from actionplans.choices import ActionStatus, Priority, RecommendationStatus
from common.spreadsheets import spreadsheet_safe

HEADERS = [
    "Recommendation",
    "Actions to address recommendations and reduce risk",
    "Priority",
    "Owner",
    "Due for completion",
    "Status",
    "Additional commentary",
]
# After the published columns, so the layout (and import) stays as published.
EXTRA_HEADERS = ["RAG", "Days overdue"]
COLUMN_WIDTHS = [42, 55, 11, 28, 16, 15, 60, 9, 10]
RAG_FILLS = {"red": "F4CCCC", "amber": "FCE5CD", "green": "D9EAD3"}
HEADER_FILL = "1D70B8"


def recommendation_cell(recommendation):
    text = f"{recommendation.label}: {recommendation.text}"
    if recommendation.status == RecommendationStatus.CLOSED:
        text += " (closed)"
    return text


def commentary_cell(action):
    """The dated progress notes, oldest first, one per line."""
    lines = []
    for update in action.progress_updates.all():
        line = f"{date_format(update.date, 'j F Y')}"
        if update.author_id:
            line += f" ({update.author.full_name or update.author.email})"
        line += f": {update.commentary}"
        if update.changes_status:
            line += f" [{ActionStatus(update.status_from).label} → {ActionStatus(update.status_to).label}]"
        lines.append(line)
    return "\n".join(lines)


def plan_rows(groups):
    """One row per action (a recommendation without actions still gets its row). Dates stay dates."""
    for group in groups:
        recommendation = recommendation_cell(group.recommendation)
        if not group.rows:
            yield [recommendation, "", "", "", None, "", "", "", ""]
        for row in group.rows:
            action = row.action
            yield [
                recommendation,
                f"{action.label}: {action.description}",
                Priority(action.priority).label,
                action.owner_display,
                action.due_date,
                ActionStatus(action.status).label,
                commentary_cell(action),
                row.rag_label,
                row.days_overdue,
            ]


def plan_csv(groups):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so Excel opens UTF-8 (names like "Siân") correctly
    writer = csv.writer(buffer)
    writer.writerow(HEADERS + EXTRA_HEADERS)
    for values in plan_rows(groups):
        due = values[4]
        values[4] = due.isoformat() if due else ""
        writer.writerow([spreadsheet_safe(value) for value in values])
    return buffer.getvalue()


def sheet_title(plan, taken):
    """Excel: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "", f"{plan.assessment.department.short_name} {plan.assessment.short_label}")[:31]
    title, counter = base, 2
    while title.casefold() in taken:
        suffix = f" ({counter})"
        title, counter = base[: 31 - len(suffix)] + suffix, counter + 1
    taken.add(title.casefold())
    return title


def _row_height(values):
    """Spreadsheets do not grow rows for wrapped text written by a library: estimate the lines instead."""
    lines = 1
    for value, width in zip(values, COLUMN_WIDTHS, strict=False):
        if isinstance(value, str) and value:
            wrapped = sum(max(1, math.ceil(len(part) / (width * 1.1))) for part in value.split("\n"))
            lines = max(lines, wrapped)
    return min(409, 15 * lines + 3)  # 409 points is Excel's tallest row


def _write_sheet(sheet, groups):
    header_font = Font(bold=True, color="FFFFFF")
    wrap = Alignment(wrap_text=True, vertical="top")
    group_border = Border(top=Side(style="thin", color="505A5F"))
    sheet.append(HEADERS + EXTRA_HEADERS)
    sheet.row_dimensions[1].height = _row_height(HEADERS + EXTRA_HEADERS)
    for cell in sheet[1]:
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = wrap
    previous_recommendation = None
    for values in plan_rows(groups):
        first_of_group = values[0] != previous_recommendation
        previous_recommendation = values[0]
        if not first_of_group:
            values[0] = None  # as published: the recommendation once, beside its first action
        sheet.append(values)
        row = sheet.max_row
        sheet.row_dimensions[row].height = _row_height(values)
        for cell in sheet[row]:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text typed by people is never a formula
            if first_of_group and row > 2:
                cell.border = group_border
        sheet.cell(row=row, column=5).number_format = "d mmmm yyyy"
        rag = sheet.cell(row=row, column=8)
        fill = RAG_FILLS.get(str(rag.value or "").lower())
        if fill:
            rag.fill = PatternFill("solid", fgColor=fill)
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS + EXTRA_HEADERS))}{max(sheet.max_row, 2)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def plans_xlsx(plans_with_groups, *, title="Action plans"):
    """`plans_with_groups`: [(plan, groups)…]; one sheet per plan. Returns the workbook's bytes."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    workbook.properties.creator = "IMA Portal"
    taken = set()
    for plan, groups in plans_with_groups:
        _write_sheet(workbook.create_sheet(title=sheet_title(plan, taken)), groups)
    if not workbook.worksheets:
        _write_sheet(workbook.create_sheet(title="No plans"), [])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
