import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from assessments.models import Assessment
from reports import import_views
from tests.support.bombs import spreadsheet_bomb

from .files import first, json_bytes, workbook_bytes

pytestmark = pytest.mark.django_db

URL = "/reports/import/"


def upload(client, content, name="reports.json"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def test_the_url_name_is_the_documented_path():
    assert reverse("reports:import_report") == URL


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_kim_lead_is_refused(lead_a_client, setting, data):
    assert lead_a_client.get(URL).status_code == 403
    assert upload(lead_a_client, json_bytes(data)).status_code == 403
    assert Assessment.objects.count() == 0


def test_an_administrator_who_is_not_an_assessor_is_refused(client, administrator):
    client.force_login(administrator)
    assert client.get(URL).status_code == 403


def test_an_assessor_sees_the_upload_form(assessor_client):
    response = assessor_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Import published reports –" in html
    assert html.count("<h1") == 1
    assert 'class="govuk-file-upload' in html
    assert 'enctype="multipart/form-data"' in html
    assert "govuk-error-summary" not in html


def test_a_good_file_lists_each_assessment_with_a_link(assessor_client, setting, data):
    response = upload(assessor_client, json_bytes(data))
    html = response.content.decode()
    ima = Assessment.objects.get(assessment_type="ima")
    review = Assessment.objects.get(assessment_type="progress_review")
    assert response.status_code == 200
    assert "<title>Reports imported –" in html
    assert html.count("<h1") == 1
    assert "2 assessments in the file: 2 created, 0 updated, 0 unchanged" in html
    assert f'href="{reverse("assessments:assessment_detail", args=[ima.pk])}"' in html
    assert f'href="{reverse("assessments:assessment_detail", args=[review.pk])}"' in html
    assert "Review 2015" in html
    assert ima.published_by == setting["by"]


def test_importing_again_says_nothing_changed(assessor_client, setting, data):
    upload(assessor_client, json_bytes(data))
    html = upload(assessor_client, json_bytes(data)).content.decode()
    assert "2 assessments in the file: 0 created, 0 updated, 2 unchanged" in html
    assert html.count("Unchanged</strong>") == 2


def test_a_workbook_imports_too(assessor_client, setting, data):
    response = upload(assessor_client, workbook_bytes(data), name="reports.xlsx")
    assert "<title>Reports imported –" in response.content.decode()
    assert Assessment.objects.count() == 2


def test_problems_are_listed_in_the_error_summary_with_their_places(assessor_client, setting, data):
    first(data)["ratings"][7]["area"] = "Measuring impakt"
    first(data)["recommendations"][0]["priority"] = "Soon"
    response = upload(assessor_client, json_bytes(data), name="dfe-reports.json")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import published reports –" in html
    assert html.count('class="govuk-error-summary"') == 1
    assert "The file has 2 problems. Nothing was imported: fix them and import the file again" in html
    assert (
        "assessments[0].ratings[7].area: &quot;Measuring impakt&quot; is not a performance area of "
        "IMA performance framework 2013"
    ) in html
    assert 'href="#id_file"' in html
    assert "You chose dfe-reports.json." in html
    assert Assessment.objects.count() == 0


def test_bad_json_is_one_problem(assessor_client, setting):
    html = upload(assessor_client, b'{"assessments": [').content.decode()
    assert "The file is not valid JSON: Expecting value at line 1, column 18" in html
    assert "problems. Nothing was imported" not in html


def test_values_from_the_file_are_escaped(assessor_client, setting, data):
    first(data)["department"] = "<script>alert(1)</script>"
    html = upload(assessor_client, json_bytes(data)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_no_file_wrong_kind_and_too_large(assessor_client, setting, monkeypatch):
    assert import_views.CHOOSE_FILE in assessor_client.post(URL, {}).content.decode()
    html = upload(assessor_client, b"%PDF-1.7", name="report.pdf").content.decode()
    assert "The selected file must be a JSON file (.json) or an Excel workbook (.xlsx)" in html
    monkeypatch.setattr(import_views.ReportImportForm, "max_bytes", 10)
    html = upload(assessor_client, b'{"assessments": []}').content.decode()
    assert import_views.ReportImportForm.too_large_message in html


def test_thousands_of_unknown_long_headings_give_a_short_page_naming_a_few(assessor_client, setting):
    workbook = Workbook()
    workbook.active.title = "assessments"
    workbook.active.append(
        ["department", "type", "year", "published_on", *(f"unknown {number} " + "x" * 100 for number in range(10_000))]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(assessor_client, buffer.getvalue(), name="reports.xlsx")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sheet assessments, row 1: The header row has a column the import does not know" in html
    assert "and 9,995 more): the columns are department" in html
    assert len(response.content) < 50_000


@pytest.mark.filterwarnings("ignore:Title is more than 31 characters")
def test_a_sheet_with_a_long_name_is_named_shortly(assessor_client, setting):
    workbook = Workbook()
    workbook.active.title = "assessments"
    workbook.create_sheet("s" * 5_000)
    buffer = io.BytesIO()
    workbook.save(buffer)
    html = upload(assessor_client, buffer.getvalue(), name="reports.xlsx").content.decode()
    assert "Sheet " + "s" * 59 + "…:" in html
    assert "s" * 61 not in html


def test_a_spreadsheet_bomb_is_refused_on_the_page_in_under_a_second(assessor_client, setting):
    bomb = spreadsheet_bomb()  # 100 MB of shared strings in about 660 KB
    started = time.monotonic()
    response = upload(assessor_client, bomb, name="reports.xlsx")
    elapsed = time.monotonic() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "The file unpacks to more than 20 MB. Upload a smaller spreadsheet, or split it into several files" in html
    assert elapsed < 1
    assert Assessment.objects.count() == 0
