"""Evidence uploaded on an area's page must open as what it claims to be: fakes, password-protected PDFs and
zip bombs are refused on the page, with nothing saved."""

import pytest
from django.urls import reverse

from assessments.models import Evidence
from assessments.tests.support import ratings_of, upload
from tests.support.bombs import document_bomb
from tests.support.documents import docx_bytes, docx_parts, pdf_bytes, zip_of

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fake_docx():
    parts = docx_parts()
    del parts["word/document.xml"]  # its content types name a Word document that is not there
    return zip_of(parts)


def post_evidence(client, assessment, name, content):
    rating = ratings_of(assessment)[0]
    url = reverse("assessments:area_edit", args=[assessment.pk, rating.pk])
    return client.post(
        url, {"version": 1, "narrative": "", "action": "evidence", "evidence_file": upload(name, content)}
    )


@pytest.mark.parametrize(
    ("name", "content"), [("policy.pdf", pdf_bytes()), ("policy.docx", docx_bytes())], ids=["pdf", "docx"]
)
def test_a_real_document_is_saved(lead_a_client, self_assessment, name, content):
    response = post_evidence(lead_a_client, self_assessment, name, content)
    assert response.status_code == 302
    assert Evidence.objects.get().original_filename == name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "policy.pdf",
            FAKE_PDF,
            "The selected file cannot be opened as a PDF file. Save it again from the program that made it, "
            "then upload it",
        ),
        (
            "secret.pdf",
            pdf_bytes(user_password="secret"),
            "The selected PDF is protected with a password. Remove the password, then upload it again",
        ),
        (
            "policy.docx",
            fake_docx(),
            "The selected file cannot be opened as a Word file. Save it again from the program that made it, "
            "then upload it",
        ),
        (
            "bomb.docx",
            document_bomb(),
            "The file is packed far more tightly than a real file, so it was not opened. "
            "Save it again from the program that made it, then upload it",
        ),
    ],
    ids=["fake-pdf", "password-pdf", "fake-docx", "zip-bomb"],
)
def test_a_document_that_does_not_open_is_refused_on_the_page(lead_a_client, self_assessment, name, content, message):
    response = post_evidence(lead_a_client, self_assessment, name, content)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert f'href="#id_evidence_file">{message}' in page
    assert not Evidence.objects.exists()
