"""Every export holds exactly what its page shows, with the page's filters applied.

The cross-government tables with a row per department are shown a page at a time; their exports hold
every row the filters select, in the order of the pages: the pages, read one after another, equal the file.
"""

import io
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils.dateformat import format as date_format
from openpyxl import load_workbook

from accounts.models import Department
from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from dashboards import views
from dashboards.tests.support import csv_rows, departments, page_table

pytestmark = pytest.mark.django_db

CROSS_GOVERNMENT = {
    "heatmap": "heatmap-table",
    "distribution": "distribution-table",
    "league": "league-table",
    "reassessment": "reassessment-table",
    "overdue": "overdue-table",
}
DEPARTMENT = {"trends": "trends-table", "benchmark": "benchmark-table", "actions": "deadlines-table"}


def xlsx_as_shown(response):
    """The workbook's first sheet as text, each cell displayed by its number format (as a spreadsheet would)."""
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = []
    for row in sheet.iter_rows():
        texts = []
        for cell in row:
            value = cell.value
            if value is None:
                texts.append("")
            elif isinstance(value, datetime | date):
                texts.append(date_format(value, "j F Y"))
            elif cell.number_format == "0.00":
                texts.append(f"{value:.2f}")
            else:
                texts.append(str(value))
        rows.append(texts)
    return rows[0], rows[1:]


@pytest.fixture
def government(framework):
    ministerial = departments(6)
    agencies = departments(3, prefix="Agency", department_type=Department.Type.AGENCY)
    for index, department in enumerate([*ministerial, *agencies]):
        first = published_assessment(department, framework, year=2012 + index % 3, ratings=1 + index % 4)
        plan_with_actions(first, status=PlanStatus.ACCEPTED, due_date=date.today() + timedelta(days=20 + index))
        latest = published_assessment(
            department, framework, year=2016 + index % 4, ratings=[1 + (index + n) % 6 for n in range(10)]
        )
        plan_with_actions(latest, status=PlanStatus.ACCEPTED, due_date=date.today() - timedelta(days=10 + 7 * index))
    return ministerial + agencies


def every_page(client, section, filters):
    """(headers, rows) of a section's table over all its pages, following the page's "Next" link."""
    headers, rows, number = [], [], 1
    while True:
        query = {**filters, f"{section}_page": number} if section in PAGED else filters
        content = client.get("/dashboards/", query).content
        headers, page_rows = page_table(content, CROSS_GOVERNMENT[section])
        rows.extend(page_rows)
        if f'{section}_page={number + 1}#{section}" rel="next"'.encode() not in content:
            return headers, rows
        number += 1


PAGED = ("heatmap", "league", "reassessment", "overdue")


@pytest.mark.parametrize("section", list(CROSS_GOVERNMENT))
@pytest.mark.parametrize(
    "filters",
    [{}, {"theme": "3", "sort": "score_desc"}, {"department_type": "agency", "year_from": "2017", "year_to": "2019"}],
)
def test_cross_government_exports_equal_every_page_with_the_filters(
    assessor_client, government, monkeypatch, section, filters
):
    monkeypatch.setattr(views, "ROWS_PER_PAGE", 4)  # nine departments: three pages
    shown = every_page(assessor_client, section, filters)
    url = reverse("dashboards:export", kwargs={"section": section, "fmt": "csv"})
    csv_response = assessor_client.get(url, filters)
    assert csv_response["Content-Disposition"].startswith(f'attachment; filename="ima-{section}-')
    assert csv_rows(csv_response) == shown
    xlsx = assessor_client.get(reverse("dashboards:export", kwargs={"section": section, "fmt": "xlsx"}), filters)
    assert xlsx_as_shown(xlsx) == shown
    assert shown[1], "the table had rows"


def test_a_paged_table_says_its_export_holds_every_row(assessor_client, government, monkeypatch):
    monkeypatch.setattr(views, "ROWS_PER_PAGE", 4)
    content = assessor_client.get("/dashboards/", {"heatmap_page": "2"}).content.decode()
    _, rows = page_table(content, "heatmap-table")
    assert len(rows) == 4
    assert "Showing 5 to 8 of 9 departments" in content
    assert "The files hold all 9 departments, not only this page." in content
    assert 'href="/dashboards/export/heatmap.csv"' in content  # the page number is not a filter


def test_the_page_links_to_exports_with_its_filters(assessor_client, government):
    content = assessor_client.get("/dashboards/", {"theme": "2"}).content.decode()
    assert 'href="/dashboards/export/heatmap.csv?theme=2"' in content
    assert 'href="/dashboards/export/league.xlsx?theme=2"' in content


def test_the_xlsx_says_which_filters_were_applied(assessor_client, government):
    response = assessor_client.get("/dashboards/export/league.xlsx", {"department_type": "agency"})
    about = load_workbook(io.BytesIO(response.content))["About"]
    lines = [row[0] for row in about.iter_rows(values_only=True)]
    assert "Department type: Executive agency" in lines
    assert any(line.startswith("Score: the mean") for line in lines)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_are_attachments_that_caches_do_not_keep(assessor_client, government, fmt):
    response = assessor_client.get(f"/dashboards/export/league.{fmt}")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("section", list(DEPARTMENT))
def test_department_exports_equal_the_page(client, lead_client_for, government, section):
    department = government[0]
    lead_client = lead_client_for(department)
    page = lead_client.get(reverse("dashboards:department", kwargs={"slug": department.slug}))
    shown = page_table(page.content, DEPARTMENT[section])
    kwargs = {"slug": department.slug, "section": section}
    assert csv_rows(lead_client.get(reverse("dashboards:department_export", kwargs={**kwargs, "fmt": "csv"}))) == shown
    xlsx = lead_client.get(reverse("dashboards:department_export", kwargs={**kwargs, "fmt": "xlsx"}))
    assert xlsx_as_shown(xlsx) == shown
    assert shown[1]


def test_a_cell_that_looks_like_a_formula_is_defused(assessor_client, framework):
    department = departments(1)[0]
    department.name = "=HYPERLINK(evil)"
    department.save()
    published_assessment(department, framework, year=2015, ratings=3)
    content = assessor_client.get("/dashboards/export/heatmap.csv").content.decode()
    assert "'=HYPERLINK(evil)" in content
