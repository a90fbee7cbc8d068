"""An Excel workbook with the same parts as sheets imports exactly as the JSON does."""

import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from assessments.models import Assessment
from assessments.report.publication import FIELDWORK_ORDER
from reports.importing import reading

from .files import first, review, workbook_bytes

pytestmark = pytest.mark.django_db


def edited(content, change):
    """The workbook with `change(workbook)` applied."""
    workbook = load_workbook(io.BytesIO(content))
    change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_workbook_imports_what_the_json_imports(run, data):
    result = run(workbook_bytes(data), "reports.xlsx")
    assert [item.action for item in result.assessments] == ["created", "created"]
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert review_.next_steps.count() == 3
    assert review_.ratings.exclude(baseline_rating=None).count() == 10
    assert Assessment.objects.get(assessment_type="ima").recommendations.count() == 4
    # The JSON of the same reports finds nothing to change: both say the same thing.
    again = run(data)
    assert [item.action for item in again.assessments] == ["unchanged", "unchanged"]


def test_sheet_and_column_names_match_loosely_and_blank_rows_are_skipped(run, data):
    def change(workbook):
        sheet = workbook["next_steps"]
        sheet.title = "Next steps"
        sheet["D1"] = "Text"
        sheet.insert_rows(3)

    run(edited(workbook_bytes(data), change), "reports.xlsx")
    assert Assessment.objects.get(assessment_type="progress_review").next_steps.count() == 3


def test_date_cells_keep_their_precision(run, data):
    def change(workbook):
        sheet = workbook["assessments"]
        header = [cell.value for cell in sheet[1]]
        cell = sheet.cell(row=2, column=header.index("published_on") + 1)
        cell.value = datetime.datetime(2013, 11, 1)
        cell.number_format = "mmmm yyyy"
        cell = sheet.cell(row=3, column=header.index("published_on") + 1)
        cell.value = datetime.datetime(2015, 7, 20)
        cell.number_format = "dd/mm/yyyy"

    run(edited(workbook_bytes(data), change), "reports.xlsx")
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert (ima.published_on, ima.published_precision) == (datetime.date(2013, 11, 1), "month")
    assert (review_.published_on, review_.published_precision) == (datetime.date(2015, 7, 20), "day")


def test_problems_name_the_sheet_row_and_column(refused, data):
    review(data)["ratings"][3]["area"] = "Measuring impakt"
    first(data)["recommendations"][1]["priority"] = "Soon"
    review(data)["fieldwork"]["to"] = "2015-03-01"
    # Assessment by assessment, as the JSON is.
    assert refused(workbook_bytes(data), "reports.xlsx") == [
        'Sheet recommendations, row 3, column priority: "Soon" is not a priority: use High, Medium or Low',
        f"Sheet assessments, row 3, column fieldwork_to: {FIELDWORK_ORDER}",
        'Sheet ratings, row 15, column area: "Measuring impakt" is not a performance area of '
        "IMA performance framework 2013",
    ]


def test_rows_that_name_no_assessment_in_the_sheet(refused, data):
    def change(workbook):
        workbook["ratings"].append(["Home Office", "ima", 2013, "Measuring impact", "Satisfactory"])
        workbook["themes"].append(["DfE", "", "", 1, "", "Findings."])

    assert refused(edited(workbook_bytes(data), change), "reports.xlsx") == [
        'Sheet ratings, row 22: "Home Office" "ima" 2013 is not in the assessments sheet: add a row for it there, '
        "or correct this row",
        f"Sheet themes, row 10: {reading.ERROR_ROW_NEEDS_ASSESSMENT}",
    ]


def test_headers_and_sheets_are_checked(refused, data):
    def change(workbook):
        workbook.create_sheet("Notes")
        sheet = workbook["recommendations"]
        sheet["E1"] = "Performance area"
        sheet["G1"] = None

    assert refused(edited(workbook_bytes(data), change), "reports.xlsx") == [
        f"Sheet Notes: {reading.ERROR_UNKNOWN_SHEET}",
        "Sheet recommendations, row 1: The header row has no area or priority columns",
        'Sheet recommendations, row 1: The header row has a column the import does not know ("Performance area"): '
        "the columns are department, type, year, number, area, text, priority",
    ]


def test_a_workbook_without_an_assessments_sheet(refused):
    workbook = Workbook()
    workbook.active.title = "ratings"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert refused(buffer.getvalue(), "reports.xlsx") == [reading.ERROR_NO_ASSESSMENTS_SHEET]


def test_a_file_named_xlsx_that_is_not_a_workbook(refused):
    assert refused(b"department,type\n", "reports.xlsx") == [reading.ERROR_NOT_A_REPORT_FILE]
    assert refused(b"PK\x03\x04 broken", "reports.xlsx") == [reading.ERROR_NOT_A_REPORT_FILE]
