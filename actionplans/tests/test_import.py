"""Importing a plan drafted offline: checked first, all or nothing, every bad row reported by number."""

import io
import time
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actionplans.exports import HEADERS, plans_xlsx
from actionplans.forms import PlanImportForm
from actionplans.imports import PlanWorkbookReader
from actionplans.models import Action
from actionplans.selectors.rows import groups_for_plans
from actionplans.services import imports as import_services
from actionplans.services.imports import ImportRejected, plan_import_actions
from actionplans.tests import steps
from actionplans.views.common import department_members
from common.errors import ServiceError
from common.requests import run_service
from tests.support.bombs import spreadsheet_bomb

pytestmark = pytest.mark.django_db

GOOD_ROWS = [
    [
        "R1: Recommendation 1",
        "1A: Write the retention schedule",
        "High",
        "Departmental Records Officer",
        "31/03/2027",
        "",
        "",
    ],
    [None, "Brief every directorate", "medium", "Cora Contrib-A", datetime(2027, 6, 30), "UNDERWAY", "ignored notes"],
    ["R2", "2A – Publish the guidance", "Low", "Head of KIM", date(2027, 9, 1), "Not started", ""],
]


def xlsx(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture
def plan(assessor, lead_a, contributor_a, assessment_a):
    return steps.draft(assessor, lead_a, assessment_a, recommendations=2)


def read(plan, file):
    reader = PlanWorkbookReader(
        recommendations=plan.assessment.recommendations.all(), members=department_members(plan.assessment.department)
    )
    return reader.read(file)


def test_good_spreadsheet_replaces_the_draft_actions(plan, lead_a, contributor_a):
    actions, errors = read(plan, xlsx(GOOD_ROWS))
    assert errors == []
    plan_import_actions(plan=plan, by=lead_a, actions=actions)
    saved = list(
        plan.actions.select_related("recommendation", "owner_user").order_by("recommendation__number", "sequence")
    )
    assert [(a.label, a.description) for a in saved] == [
        ("1A", "Write the retention schedule"),
        ("1B", "Brief every directorate"),
        ("2A", "Publish the guidance"),
    ]
    assert [a.priority for a in saved] == ["high", "medium", "low"]
    assert saved[0].due_date == date(2027, 3, 31) and saved[1].due_date == date(2027, 6, 30)
    assert saved[1].status == "underway"
    assert saved[1].owner_user == contributor_a and saved[1].owner_text == "Cora Contrib-A"


def test_every_bad_row_is_reported_with_its_number_and_nothing_is_saved(plan):
    before = list(Action.objects.values_list("pk", "description"))
    rows = [
        ["R1", "", "High", "DRO", "31/03/2027", "", ""],  # row 2: no action
        ["R9", "Something", "High", "DRO", "31/03/2027", "", ""],  # row 3: unknown recommendation
        ["R2", "Something", "Urgent", "", "31/02/2027", "Done-ish", ""],  # row 4: four problems
        ["R2", "Fine", "Low", "DRO", "2027-01-01", "", ""],  # row 5: fine
        ["R2", "No date", "Low", "DRO", None, "", ""],  # row 6: no due date
    ]
    _, errors = read(plan, xlsx(rows))
    assert errors == [
        "Row 2: enter the action",
        "Row 3: R9 is not a recommendation of this assessment. Use one of R1, R2",
        "Row 4: enter a priority of High, Medium or Low",
        "Row 4: enter an owner, a person or a role like Departmental Records Officer",
        "Row 4: enter the due date as a real date, like 31/03/2027",
        "Row 4: enter a status of Not started, Underway, Complete or Not applicable, or leave it empty",
        "Row 6: enter the date the action is due for completion",
    ]
    assert list(Action.objects.values_list("pk", "description")) == before


def test_wrong_headings_are_refused(plan):
    _, errors = read(plan, xlsx(GOOD_ROWS, headers=["Rec", "Action", "Priority"]))
    assert errors[0].startswith("Row 1: the headings must be Recommendation, Actions to address")


def test_a_file_that_is_not_a_spreadsheet_is_refused(plan):
    _, errors = read(plan, io.BytesIO(b"not a zip"))
    assert errors == ["The selected file must be a spreadsheet saved as .xlsx"]


def test_an_empty_spreadsheet_is_refused(plan):
    _, errors = read(plan, xlsx([]))
    assert errors == ["The spreadsheet has no actions. Add one row per action below the headings"]


def test_the_exported_spreadsheet_imports_back(plan, lead_a):
    exported = plans_xlsx([(plan, groups_for_plans([plan], today=date(2026, 1, 1))[plan.pk])])
    before = sorted(plan.actions.values_list("description", "owner_text", "priority", "due_date", "status"))
    actions, errors = read(plan, io.BytesIO(exported))
    assert errors == []
    plan_import_actions(plan=plan, by=lead_a, actions=actions)
    assert sorted(plan.actions.values_list("description", "owner_text", "priority", "due_date", "status")) == before


def test_import_is_refused_once_the_plan_has_been_accepted(assessor, lead_a, assessment_a):
    plan = steps.reopened(assessor, lead_a, assessment_a)
    actions, _ = read(plan, xlsx(GOOD_ROWS[:1]))
    with pytest.raises(ServiceError) as refused:
        plan_import_actions(plan=plan, by=lead_a, actions=actions)
    assert refused.value.message == import_services.IMPORT_AFTER_ACCEPTANCE


def test_rows_the_service_refuses_become_errors_of_the_upload_one_per_row(plan, lead_a, lead_b):
    actions, errors = read(plan, xlsx(GOOD_ROWS))
    assert errors == []
    actions[0].owner_user = actions[2].owner_user = lead_b  # e.g. left the department since the file was read
    expected = [
        import_services.OWNER_NOT_MEMBER.format(row=2, name=lead_b.full_name),
        import_services.OWNER_NOT_MEMBER.format(row=4, name=lead_b.full_name),
    ]
    with pytest.raises(ImportRejected) as refused:
        plan_import_actions(plan=plan, by=lead_a, actions=actions)
    assert refused.value.errors == expected and refused.value.field == "file"
    reader = PlanWorkbookReader(
        recommendations=plan.assessment.recommendations.all(), members=department_members(plan.assessment.department)
    )
    form = PlanImportForm({}, {"file": SimpleUploadedFile("plan.xlsx", xlsx(GOOD_ROWS).read())}, reader=reader)
    assert form.is_valid()
    form.actions[0].owner_user = form.actions[2].owner_user = lead_b
    _, ok = run_service(form, plan_import_actions, plan=plan, by=lead_a, actions=form.actions)
    assert not ok and form.errors == {"file": expected}
    assert plan.actions.count() == 2  # all or nothing


def test_import_page_lists_the_row_errors_in_the_error_summary(client, lead_a, plan):
    client.force_login(lead_a)
    upload = SimpleUploadedFile("plan.xlsx", xlsx([["R9", "x", "High", "DRO", "31/03/2027", "", ""]]).read())
    response = client.post(reverse("actionplans:plan_import", args=[plan.pk]), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and "<title>Error: Import actions" in html
    assert "Row 2: R9 is not a recommendation of this assessment" in html


def test_import_page_refuses_other_file_types(client, lead_a, plan):
    client.force_login(lead_a)
    upload = SimpleUploadedFile("plan.csv", b"a,b,c")
    response = client.post(reverse("actionplans:plan_import", args=[plan.pk]), {"file": upload})
    assert "The selected file must be a spreadsheet saved as .xlsx" in response.content.decode()


def test_import_page_saves_and_redirects(client, lead_a, plan):
    client.force_login(lead_a)
    upload = SimpleUploadedFile("plan.xlsx", xlsx(GOOD_ROWS).read())
    response = client.post(reverse("actionplans:plan_import", args=[plan.pk]), {"file": upload}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("actionplans:plan_detail", args=[plan.pk])
    assert "3 actions imported" in response.content.decode()
    assert plan.actions.count() == 3


def test_a_thousand_bad_rows_give_a_short_page_naming_the_first_fifty(client, lead_a, plan):
    client.force_login(lead_a)
    rows = [["R9" + "9" * 3_000, "Act", "High", "DRO", "31/03/2027", "", ""]] * 1_000
    upload = SimpleUploadedFile("plan.xlsx", xlsx(rows).read())
    response = client.post(reverse("actionplans:plan_import", args=[plan.pk]), {"file": upload})
    html = response.content.decode()
    assert "Row 51: R999999999999999999… is not a recommendation of this assessment" in html
    assert "Row 52:" not in html
    assert "And 950 more problems" in html
    assert len(response.content) < 50_000


def test_a_spreadsheet_bomb_is_refused_on_the_page_in_under_a_second(client, lead_a, plan):
    bomb = spreadsheet_bomb()  # 100 MB of shared strings in about 660 KB
    before = list(plan.actions.values_list("pk", flat=True))
    client.force_login(lead_a)
    started = time.monotonic()
    response = client.post(reverse("actionplans:plan_import", args=[plan.pk]), {"file": upload_of(bomb)})
    elapsed = time.monotonic() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import actions" in html and "govuk-error-summary" in html
    assert "The file unpacks to more than 20 MB. Upload a smaller spreadsheet, or split it into several files" in html
    assert elapsed < 1
    assert list(plan.actions.values_list("pk", flat=True)) == before


def upload_of(content):
    return SimpleUploadedFile("plan.xlsx", content)
