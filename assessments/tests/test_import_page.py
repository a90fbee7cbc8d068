import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.models import Assessment
from tests.support.bombs import spreadsheet_bomb

from .import_files import HEADER, csv_bytes, ima_rows, xlsx_bytes

pytestmark = pytest.mark.django_db

URL = "/assessments/import/"


def upload(client, content, name="ratings.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def test_url_name_resolves_to_the_documented_path():
    assert reverse("assessments:import_ratings") == URL


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_kim_lead_cannot_reach_the_page(lead_a_client, framework):
    response = lead_a_client.get(URL)
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()
    assert upload(lead_a_client, csv_bytes(ima_rows())).status_code == 403
    assert lead_a_client.get(reverse("assessments:import_ratings_template")).status_code == 403
    assert Assessment.objects.count() == 0


def test_administrator_who_is_not_an_assessor_cannot_reach_the_page(client, administrator):
    client.force_login(administrator)
    assert client.get(URL).status_code == 403


def test_assessor_sees_the_upload_form_and_the_template_link(assessor_client):
    response = assessor_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Import historic ratings" in html
    assert html.count("<h1") == 1
    assert 'class="govuk-file-upload' in html
    assert 'enctype="multipart/form-data"' in html
    assert reverse("assessments:import_ratings_template") in html


def test_template_downloads_as_csv_with_the_header_and_one_example_row(assessor_client):
    response = assessor_client.get(reverse("assessments:import_ratings_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "department,assessment_type,year,performance_area,rating,comment,framework"
    assert len(lines) == 2


def test_template_file_itself_imports_cleanly(assessor_client, framework, department_a):
    content = b"".join(assessor_client.get(reverse("assessments:import_ratings_template")).streaming_content)
    response = upload(assessor_client, content)
    assert response.status_code == 200
    assert Assessment.objects.filter(department=department_a, year=2014).exists()


def test_bad_file_lists_every_bad_row_in_the_error_summary(assessor_client, framework, department_a):
    rows = [
        *ima_rows(),
        ["Department for Education", "ima", 2014, "Measuring joy", "Satisfactory", ""],
        ["Ministry of Magic", "ima", 2014, "Measuring impact", "Satisfactory", ""],
        ["Department for Education", "ima", 2014, "Measuring impact", "Excellent", ""],
    ]
    response = upload(assessor_client, csv_bytes(rows))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import historic ratings" in html
    assert "govuk-error-summary" in html
    assert "The selected file has problems in 3 rows. Nothing was imported." in html
    assert "Row 12: Performance area &quot;Measuring joy&quot;" in html
    assert "Row 13: Department &quot;Ministry of Magic&quot;" in html
    assert "Row 14: Rating &quot;Excellent&quot;" in html
    assert Assessment.objects.count() == 0


def test_no_file_chosen_asks_for_one(assessor_client):
    response = assessor_client.post(URL, {})
    assert "Select a CSV or Excel file of ratings" in response.content.decode()


def test_wrong_kind_of_file_is_refused(assessor_client):
    response = upload(assessor_client, b"%PDF-1.7", name="report.pdf")
    assert "must be a CSV file or an Excel workbook" in response.content.decode()


def test_user_typed_values_are_escaped_in_the_errors(assessor_client, framework):
    rows = [["<script>alert(1)</script>", "ima", 2014, "Measuring impact", "Satisfactory", ""]]
    html = upload(assessor_client, csv_bytes(rows)).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_good_file_shows_the_assessments_imported_with_links(assessor_client, assessor, framework, department_a):
    response = upload(assessor_client, xlsx_bytes(ima_rows()), name="dfe.xlsx")
    html = response.content.decode()
    assessment = Assessment.objects.get()
    assert response.status_code == 200
    assert "<title>Ratings imported" in html
    assert "Imported 10 ratings: 1 assessment created, 0 updated" in html
    assert f'href="/assessments/{assessment.pk}/"' in html
    assert assessment.published_by == assessor


def test_file_that_cannot_be_read_says_so_once(assessor_client, framework):
    html = upload(assessor_client, "department\nCafé".encode("latin-1")).content.decode()
    assert html.count("must be saved as UTF-8") == 2  # in the error summary and beside the field
    assert "problems in" not in html


def test_thousands_of_unknown_long_headings_give_a_short_page_naming_a_few(assessor_client, framework):
    headings = [f"unknown heading {number} " + "x" * 100 for number in range(10_000)]
    content = csv_bytes([], header=[*HEADER, *headings])
    response = upload(assessor_client, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import historic ratings" in html
    assert "The header row has a column the import does not know (unknown heading 0 xxx" in html
    assert " and 9,995 more): the columns are department" in html
    assert len(response.content) < 50_000


def test_thousands_of_bad_rows_with_long_values_give_a_short_page(assessor_client, framework):
    rows = [["Ministry of " + "M" * 2_000, "ima", 2014, "Measuring impact", "Satisfactory", ""]] * 2_000
    response = upload(assessor_client, csv_bytes(rows))
    html = response.content.decode()
    assert "The selected file has problems in 2000 rows. Nothing was imported." in html
    assert "Row 51: Department &quot;Ministry of MMM" in html
    assert "Row 52:" not in html
    assert "And 1,950 more rows to fix" in html
    assert len(response.content) < 50_000


@pytest.mark.parametrize("name", ["bomb.xlsx", "bomb.csv"])  # judged by content, whatever its name
def test_a_spreadsheet_bomb_is_refused_on_the_page_in_under_a_second(assessor_client, framework, name):
    bomb = spreadsheet_bomb()  # 100 MB of shared strings in about 660 KB
    started = time.monotonic()
    response = upload(assessor_client, bomb, name=name)
    elapsed = time.monotonic() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import historic ratings" in html and "govuk-error-summary" in html
    assert "The file unpacks to more than 20 MB. Upload a smaller spreadsheet, or split it into several files" in html
    assert elapsed < 1
    assert Assessment.objects.count() == 0


def test_a_csv_file_wider_than_the_cell_limit_is_refused(assessor_client, framework, settings):
    settings.SPREADSHEET_MAX_CELLS = 1_000
    html = upload(assessor_client, b"department" + b"," * 5_000 + b"\n").content.decode()
    assert "The file has more than 1,000 cells. Delete the empty rows and columns around the table" in html
