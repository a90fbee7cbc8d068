"""CSV and XLSX of a plan in the published column order, with RAG derived by the one rule."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from actionplans.exports import EXTRA_HEADERS, HEADERS, plan_csv, plans_xlsx
from actionplans.selectors.rows import groups_for_plans
from actionplans.services.plans import plan_submit
from actionplans.services.progress import progress_update_create
from actionplans.services.recommendations import recommendation_close
from actionplans.services.review import plan_accept
from actionplans.tests import steps
from assessments.tests.factories import published_assessment

pytestmark = pytest.mark.django_db

PUBLISHED_ORDER = [
    "Recommendation",
    "Actions to address recommendations and reduce risk",
    "Priority",
    "Owner",
    "Due for completion",
    "Status",
    "Additional commentary",
]


@pytest.fixture
def plan(assessor, lead_a, contributor_a, assessment_a):
    """R1 with two actions (one 40 days overdue, with progress); R2 closed, without actions; accepted."""
    plan = steps.draft(assessor, lead_a, assessment_a, recommendations=2, actions=False)
    r1, r2 = plan.assessment.recommendations.order_by("number")
    today = timezone.localdate()
    steps.add_action(
        plan,
        lead_a,
        r1,
        "Write the policy",
        due_date=today - timedelta(days=40),
        priority="high",
        owner_user=contributor_a,
    )
    steps.add_action(plan, lead_a, r1, "Train staff", owner_user=contributor_a, due_date=today + timedelta(days=90))
    recommendation_close(recommendation=r2, by=assessor)
    plan_submit(plan=plan, by=lead_a)
    plan_accept(plan=plan, by=assessor)
    first = plan.actions.get(sequence=1)
    progress_update_create(action=first, by=contributor_a, commentary="Drafted", date=today - timedelta(days=2))
    progress_update_create(action=first, by=lead_a, commentary="Board saw it", status="underway")
    return plan


def _groups(plan):
    return groups_for_plans([plan], today=timezone.localdate())[plan.pk]


def test_csv_columns_are_in_the_published_order(plan):
    rows = list(csv.reader(io.StringIO(plan_csv(_groups(plan)).lstrip("\ufeff"))))
    assert rows[0][:7] == PUBLISHED_ORDER
    assert rows[0] == HEADERS + EXTRA_HEADERS == [*PUBLISHED_ORDER, "RAG", "Days overdue"]


def test_csv_rows_hold_each_action_and_its_commentary(plan, contributor_a):
    today = timezone.localdate()
    rows = list(csv.reader(io.StringIO(plan_csv(_groups(plan)).lstrip("\ufeff"))))
    first, second, closed_recommendation = rows[1], rows[2], rows[3]
    assert first[0] == "R1: Recommendation 1"
    assert first[1] == "1A: Write the policy"
    owner = f"Departmental Records Officer ({contributor_a.full_name})"
    assert first[2:6] == ["High", owner, (today - timedelta(days=40)).isoformat(), "Underway"]
    commentary = first[6].splitlines()
    assert commentary[0].endswith(f"({contributor_a.full_name}): Drafted")
    assert "Board saw it [Not started → Underway]" in commentary[1]
    assert first[7:] == ["Red", "40"]
    assert second[3] == f"Departmental Records Officer ({contributor_a.full_name})"
    assert closed_recommendation[0] == "R2: Recommendation 2 (closed)" and closed_recommendation[1] == ""


def test_csv_neutralises_formulas_typed_by_people(assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, recommendations=1, actions=False)
    steps.add_action(plan, lead_a, assessment_a.recommendations.get(), "x", owner_text='=HYPERLINK("http://evil")')
    rows = list(csv.reader(io.StringIO(plan_csv(_groups(plan)).lstrip("\ufeff"))))
    assert rows[1][3] == '\'=HYPERLINK("http://evil")'


def test_xlsx_is_styled_frozen_wrapped_and_sized(plan):
    workbook = load_workbook(io.BytesIO(plans_xlsx([(plan, _groups(plan))])))
    sheet = workbook.active
    assert sheet.title == "DfE IMA 2013"
    assert [cell.value for cell in sheet[1]] == HEADERS + EXTRA_HEADERS
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb.endswith("1D70B8")
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 55 and sheet.column_dimensions["G"].width == 60
    assert all(cell.alignment.wrap_text for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row) for cell in row)


def test_xlsx_content_keeps_dates_as_dates_and_the_recommendation_once(plan):
    sheet = load_workbook(io.BytesIO(plans_xlsx([(plan, _groups(plan))]))).active
    assert sheet["A2"].value == "R1: Recommendation 1" and sheet["A3"].value is None
    assert sheet["B2"].value == "1A: Write the policy"
    due = sheet["E2"].value
    assert isinstance(due, datetime) and due.date() == timezone.localdate() - timedelta(days=40)
    assert sheet["E2"].number_format == "d mmmm yyyy"
    assert sheet["H2"].value == "Red" and sheet["H2"].fill.fgColor.rgb.endswith("F4CCCC")
    assert sheet["A4"].value == "R2: Recommendation 2 (closed)"


def test_xlsx_never_turns_typed_text_into_a_formula(assessor, lead_a, assessment_a):
    plan = steps.draft(assessor, lead_a, assessment_a, recommendations=1, actions=False)
    steps.add_action(plan, lead_a, assessment_a.recommendations.get(), "x", owner_text="=1+1")
    sheet = load_workbook(io.BytesIO(plans_xlsx([(plan, _groups(plan))]))).active
    assert sheet["D2"].data_type == "s" and sheet["D2"].value == "=1+1"


def test_xlsx_has_one_sheet_per_plan_with_unique_names(assessor, lead_a, framework, department_a, assessment_a):
    first = steps.draft(assessor, lead_a, assessment_a, recommendations=1)
    second_assessment = published_assessment(department_a, framework, year=2013)
    second = steps.draft(assessor, lead_a, second_assessment, recommendations=1)
    groups = groups_for_plans([first, second], today=date(2026, 1, 1))
    workbook = load_workbook(io.BytesIO(plans_xlsx([(p, groups[p.pk]) for p in (first, second)])))
    assert workbook.sheetnames == ["DfE IMA 2013", "DfE IMA 2013 (2)"]
