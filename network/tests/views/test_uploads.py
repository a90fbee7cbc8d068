"""Meeting papers follow the evidence rules: type by content, no spoofed extension, size cap, private download."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, resolve

from assessments.tests.support import docx_bytes
from network.models import MeetingPaper
from network.services.papers import paper_add
from network.tests.factories import MeetingFactory
from tests.support.documents import pdf_bytes

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2016, 3, 9))


def upload(client, meeting, name, content, title="Records transfer report"):
    return client.post(
        f"/network/meetings/{meeting.pk}/papers/new/", {"title": title, "file": SimpleUploadedFile(name, content)}
    )


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [("report.pdf", PDF, "pdf"), ("Chart.PNG", PNG, "png"), ("notes.docx", docx_bytes(), "docx")],
)
def test_allowed_types_are_stored_under_a_random_name(assessor_client, meeting, name, content, extension):
    assert upload(assessor_client, meeting, name, content).status_code == 302
    paper = MeetingPaper.objects.get()
    assert paper.extension == extension and paper.original_filename == name
    assert name not in paper.file.name and paper.file.name.startswith(f"network/papers/{meeting.pk}/")


def test_wrong_type_is_refused(assessor_client, meeting):
    response = upload(assessor_client, meeting, "script.pdf", b"#!/bin/sh\necho hello\n")
    assert response.status_code == 200
    assert "The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG" in response.content.decode()
    assert not MeetingPaper.objects.exists()


def test_spoofed_extension_is_refused(assessor_client, meeting):
    response = upload(assessor_client, meeting, "minutes.pdf", PNG)
    page = response.content.decode()
    assert response.status_code == 200 and "is a PNG file but its name ends in .pdf" in page
    assert "<title>Error: " in page
    assert not MeetingPaper.objects.exists()


def test_executable_renamed_as_pdf_is_refused(assessor_client, meeting):
    response = upload(assessor_client, meeting, "agenda.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    assert "The selected file must be a" in response.content.decode()
    assert not MeetingPaper.objects.exists()


def test_too_large_is_refused(assessor_client, meeting, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = upload(assessor_client, meeting, "big.pdf", PDF + b"0" * 2048)
    assert "The selected file must be smaller than 1 KB" in response.content.decode()
    assert not MeetingPaper.objects.exists()


def test_empty_file_and_missing_file_are_refused(assessor_client, meeting):
    page = upload(assessor_client, meeting, "empty.pdf", b"").content.decode()
    assert "The selected file is empty" in page
    page = assessor_client.post(f"/network/meetings/{meeting.pk}/papers/new/", {"title": "x"}).content.decode()
    assert "Select a file to upload" in page


def test_member_downloads_as_attachment_with_a_safe_name(client, assessor, lead_a, meeting):
    client.force_login(assessor)
    upload(client, meeting, 'Q1 "report"; <2016>.pdf', PDF)
    paper = MeetingPaper.objects.get()
    client.force_login(lead_a)
    response = client.get(f"/network/meetings/{meeting.pk}/papers/{paper.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Q1 report 2016.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_non_member_download_is_404(client, assessor, meeting):
    client.force_login(assessor)
    upload(client, meeting, "report.pdf", PDF)
    paper = MeetingPaper.objects.get()
    nobody = get_user_model().objects.create_user("nobody@example.gov.uk", "pw", full_name="No Body")
    client.force_login(nobody)
    assert client.get(f"/network/meetings/{meeting.pk}/papers/{paper.pk}/").status_code == 404
    client.logout()
    assert client.get(f"/network/meetings/{meeting.pk}/papers/{paper.pk}/").status_code == 302


def test_paper_of_another_meeting_is_404(lead_a_client, assessor, meeting):
    paper = paper_add(meeting=meeting, by=assessor, title="x", upload=SimpleUploadedFile("a.pdf", PDF))
    other = MeetingFactory(date=datetime.date(2016, 6, 1))
    assert lead_a_client.get(f"/network/meetings/{other.pk}/papers/{paper.pk}/").status_code == 404


def test_removing_a_paper_deletes_the_file(assessor_client, assessor, meeting, django_capture_on_commit_callbacks):
    paper = paper_add(meeting=meeting, by=assessor, title="x", upload=SimpleUploadedFile("a.pdf", PDF))
    name = paper.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = assessor_client.post(f"/network/meetings/{meeting.pk}/papers/{paper.pk}/remove/")
    assert response.status_code == 302
    assert not MeetingPaper.objects.exists() and not default_storage.exists(name)


def test_papers_are_never_under_a_public_url(settings):
    assert not settings.MEDIA_URL or settings.MEDIA_URL == "/"
    with pytest.raises(Resolver404):
        resolve("/media/network/papers/1/abc")
