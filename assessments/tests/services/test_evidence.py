"""Evidence files are judged by their content, kept in private storage and removed with their row."""

import pytest
from django.core.files.storage import default_storage

from assessments.models import Assessment, Evidence
from assessments.services import evidence as service
from assessments.tests.support import (
    JPEG_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    docx_bytes,
    odt_bytes,
    ole_bytes,
    ratings_of,
    to_state,
    upload,
    xlsx_bytes,
    zip_bytes,
)
from common import uploads
from common.errors import NotAllowed, ServiceError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("policy.pdf", PDF_BYTES, "application/pdf"),
        ("chart.PNG", PNG_BYTES, "image/png"),
        ("photo.jpg", JPEG_BYTES, "image/jpeg"),
        ("photo.jpeg", JPEG_BYTES, "image/jpeg"),
        ("report.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("register.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("notes.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
        ("old.doc", ole_bytes("WordDocument"), "application/msword"),
        ("old.xls", ole_bytes("Workbook"), "application/vnd.ms-excel"),
    ],
)
def test_accepted_files_are_recognised_by_content(name, content, content_type):
    assert uploads.inspect_upload(upload(name, content)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", b"just some text, no signature at all"),
        ("program.exe", b"MZ\x90\x00\x03" + b"\x00" * 100),
        ("archive.zip", zip_bytes({"a.txt": "hello"})),
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ],
)
def test_other_types_are_refused(name, content):
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload(name, content))
    assert caught.value.message == uploads.FILE_WRONG_TYPE


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("policy.pdf", b"MZ\x90\x00" + b"\x00" * 100),  # a program renamed .pdf
        ("policy.docx", zip_bytes({"a.txt": "not a Word document"})),  # a plain zip renamed .docx
        ("policy.docx", zip_bytes({"[Content_Types].xml": '<Types><Default ContentType="text/xml"/></Types>'})),
        (
            "macro.docx",
            zip_bytes({"[Content_Types].xml": 'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"'}),
        ),
    ],
)
def test_spoofed_content_is_refused(name, content):
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload(name, content))
    assert caught.value.message == uploads.FILE_WRONG_TYPE


def test_a_real_file_with_the_wrong_extension_is_refused_saying_what_it_is():
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload("scan.pdf", PNG_BYTES))
    assert caught.value.message == (
        "The selected file is a PNG file but its name ends in .pdf. Rename it to end in .png, or choose another file"
    )


def test_a_file_without_an_extension_is_refused():
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload("scan", PDF_BYTES))
    assert caught.value.message == uploads.FILE_NAME_HAS_NO_EXTENSION.format(actual="PDF", expected="pdf")


def test_a_file_over_the_limit_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload("big.pdf", PDF_BYTES + b"0" * 2048))
    assert caught.value.message == "The selected file must be smaller than 1 KB"


def test_the_default_limit_is_20_mb_and_named_in_the_message(settings):
    assert settings.MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    big = upload("big.pdf", PDF_BYTES)
    big.size = settings.MAX_UPLOAD_BYTES + 1
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(big)
    assert caught.value.message == "The selected file must be smaller than 20 MB"


def test_an_empty_file_is_refused():
    with pytest.raises(uploads.UploadRejected) as caught:
        uploads.inspect_upload(upload("empty.pdf", b""))
    assert caught.value.message == uploads.FILE_EMPTY


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\me\\Policy.pdf", "Policy.pdf"),
        ('evil"; filename="x.pdf', "evil filename=x.pdf"),
        ("line\r\nbreak.pdf", "linebreak.pdf"),
        ("", "evidence"),
    ],
)
def test_filenames_are_made_safe(given, safe):
    assert uploads.safe_filename(given) == safe


def test_lead_adds_a_file_stored_under_a_random_private_name(self_assessment, lead_a, settings):
    rating = ratings_of(self_assessment)[0]
    evidence = service.evidence_add_file(rating=rating, by=lead_a, upload=upload("Records policy.pdf", PDF_BYTES))
    assert (evidence.kind, evidence.title, evidence.original_filename) == (
        "file",
        "Records policy.pdf",
        "Records policy.pdf",
    )
    assert (evidence.content_type, evidence.size, evidence.uploaded_by) == ("application/pdf", len(PDF_BYTES), lead_a)
    assert evidence.file.name.startswith(f"evidence/{self_assessment.pk}/")
    assert "Records" not in evidence.file.name
    assert default_storage.exists(evidence.file.name)
    assert str(settings.MEDIA_ROOT) in default_storage.path(evidence.file.name)


def test_lead_adds_a_link_with_a_title(self_assessment, lead_a):
    evidence = service.evidence_add_link(
        rating=ratings_of(self_assessment)[0], by=lead_a, url="https://intranet.example.gov.uk/kim", title="KIM page"
    )
    assert (evidence.kind, evidence.url, evidence.title) == ("link", "https://intranet.example.gov.uk/kim", "KIM page")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.gov.uk/x", "intranet/kim", "https://"])
def test_links_must_be_web_addresses(self_assessment, lead_a, url):
    with pytest.raises(ServiceError) as caught:
        service.evidence_add_link(rating=ratings_of(self_assessment)[0], by=lead_a, url=url, title="A link")
    assert (caught.value.message, caught.value.field) == (service.LINK_NOT_WEB, "link_url")


def test_deleting_evidence_removes_its_file_after_commit(self_assessment, lead_a, django_capture_on_commit_callbacks):
    evidence = service.evidence_add_file(
        rating=ratings_of(self_assessment)[0], by=lead_a, upload=upload("a.pdf", PDF_BYTES)
    )
    stored = evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        service.evidence_delete(evidence=evidence, by=lead_a)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not default_storage.exists(stored)


@pytest.mark.parametrize(
    "state", [Assessment.Status.SUBMITTED, Assessment.Status.IN_REVIEW, Assessment.Status.PUBLISHED]
)
def test_evidence_cannot_change_once_submitted(self_assessment, lead_a, assessor, state):
    evidence = service.evidence_add_link(
        rating=ratings_of(self_assessment)[0], by=lead_a, url="https://example.gov.uk", title="Link"
    )
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    message = service.EVIDENCE_WRONG_STATE.format(status=assessment.get_status_display().lower())
    with pytest.raises(ServiceError) as caught:
        service.evidence_delete(evidence=evidence, by=lead_a)
    assert caught.value.message == message
    assert not isinstance(caught.value, NotAllowed)
    with pytest.raises(ServiceError):
        service.evidence_add_file(rating=ratings_of(assessment)[0], by=lead_a, upload=upload("a.pdf", PDF_BYTES))


@pytest.mark.parametrize("who", ["lead_b", "contributor_a", "assessor"])
def test_only_the_departments_kim_lead_adds_evidence(request, self_assessment, who):
    with pytest.raises(NotAllowed) as caught:
        service.evidence_add_file(
            rating=ratings_of(self_assessment)[0], by=request.getfixturevalue(who), upload=upload("a.pdf", PDF_BYTES)
        )
    assert caught.value.message == service.ONLY_LEAD_EVIDENCE.format(department="Department for Education")
