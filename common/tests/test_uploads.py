"""What claims to be a PDF or an Office or OpenDocument container must open as one: the upload checker
parses its structure (never renders it) and refuses fakes, password-protected PDFs and zip bombs."""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from pypdf import PageObject

from common import uploads
from common.archives import PACKED_TOO_TIGHTLY
from common.uploads import FILE_DAMAGED, FILE_WRONG_TYPE, PDF_NEEDS_PASSWORD, UploadRejected, inspect_upload
from tests.support.bombs import document_bomb
from tests.support.documents import content_types, docx_bytes, docx_parts, odt_parts, pdf_bytes, zip_of

FAKE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def kind(name, content):
    return inspect_upload(SimpleUploadedFile(name, content)).extension


def refusal(name, content):
    with pytest.raises(UploadRejected) as refused:
        inspect_upload(SimpleUploadedFile(name, content))
    return refused.value.message


def xlsx_bytes():
    workbook = Workbook()
    workbook.active["A1"] = "Register of files"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- PDF ------------------------------------------------------------------------------------------


def test_a_real_pdf_is_accepted():
    assert kind("policy.pdf", pdf_bytes()) == "pdf"


@pytest.mark.parametrize(
    "content",
    [
        FAKE_PDF,
        b"%PDF-1.7",
        b"%PDF-1.4\n" + bytes(range(256)) * 100,
        pdf_bytes()[:300],  # cut short
        pdf_bytes(0),  # no pages
    ],
    ids=["header-only", "signature-only", "noise", "truncated", "no-pages"],
)
def test_a_file_that_only_starts_like_a_pdf_is_refused(content):
    assert refusal("policy.pdf", content) == (
        "The selected file cannot be opened as a PDF file. Save it again from the program that made it, then upload it"
    )


def test_a_pdf_that_needs_a_password_is_refused_saying_to_remove_it():
    assert refusal("secret.pdf", pdf_bytes(user_password="secret")) == (
        "The selected PDF is protected with a password. Remove the password, then upload it again"
    )


def test_a_pdf_with_only_an_owners_password_opens_for_anyone_and_is_accepted():
    assert kind("restricted.pdf", pdf_bytes(owner_password="owner")) == "pdf"


def test_a_long_pdf_is_checked_without_reading_any_page_content(monkeypatch):
    def read(*args, **kwargs):
        raise AssertionError("the checker read a page's content")

    monkeypatch.setattr(PageObject, "get_contents", read)
    monkeypatch.setattr(PageObject, "extract_text", read)
    assert kind("long.pdf", pdf_bytes(1_000)) == "pdf"


def test_the_checked_pdf_is_left_at_its_start_for_saving():
    upload = SimpleUploadedFile("policy.pdf", pdf_bytes())
    inspect_upload(upload)
    assert upload.read(5) == b"%PDF-"


# --- Office Open XML and OpenDocument ---------------------------------------------------------------


def test_a_real_word_document_is_accepted():
    assert kind("report.docx", docx_bytes()) == "docx"


def test_a_workbook_is_accepted():
    assert kind("register.xlsx", xlsx_bytes()) == "xlsx"


def test_a_real_opendocument_text_is_accepted():
    assert kind("notes.odt", zip_of(odt_parts())) == "odt"


def test_a_word_document_without_its_document_part_is_refused():
    parts = docx_parts()
    del parts["word/document.xml"]
    assert refusal("report.docx", zip_of(parts)) == FILE_DAMAGED.format(actual="Word")


def test_a_word_document_whose_document_part_is_not_xml_is_refused():
    parts = {**docx_parts(), "word/document.xml": b"MZ\x90\x00 a program, not a document"}
    assert refusal("report.docx", zip_of(parts)) == FILE_DAMAGED.format(actual="Word")


def test_content_types_naming_a_part_elsewhere_must_find_it_there():
    parts = {**docx_parts(), "[Content_Types].xml": content_types(part="/word/elsewhere.xml")}
    assert refusal("report.docx", zip_of(parts)) == FILE_DAMAGED.format(actual="Word")
    parts["word/elsewhere.xml"] = parts.pop("word/document.xml")
    assert kind("report.docx", zip_of(parts)) == "docx"


def test_a_zip_whose_content_types_name_no_document_is_not_an_office_file():
    parts = {**docx_parts(), "[Content_Types].xml": content_types(content_type="application/xml")}
    assert refusal("report.docx", zip_of(parts)) == FILE_WRONG_TYPE


def test_an_opendocument_whose_mimetype_is_not_first_is_refused():
    parts = odt_parts()
    parts = {"content.xml": parts.pop("content.xml"), **parts}
    assert refusal("notes.odt", zip_of(parts)) == FILE_DAMAGED.format(actual="OpenDocument text")


def test_an_opendocument_without_content_is_refused():
    parts = odt_parts()
    del parts["content.xml"]
    assert refusal("notes.odt", zip_of(parts)) == FILE_DAMAGED.format(actual="OpenDocument text")


def test_a_zip_that_starts_like_one_but_is_broken_is_refused():
    assert refusal("report.docx", b"PK\x03\x04" + b"\x00" * 200) == FILE_WRONG_TYPE


# --- zip bombs ------------------------------------------------------------------------------------


def test_a_document_bomb_is_refused_from_its_directory_in_a_blink():
    bomb = document_bomb()  # 100 MB of one character in a few hundred KB
    started = time.monotonic()
    assert refusal("report.docx", bomb) == PACKED_TOO_TIGHTLY.format(what="file")
    assert time.monotonic() - started < 0.5


def test_a_document_that_unpacks_to_more_than_the_setting_is_refused(settings):
    settings.UPLOAD_MAX_UNPACKED_BYTES = 512
    assert refusal("report.docx", docx_bytes()) == (
        "The file unpacks to more than 0.5 KB. Upload a smaller file, or split it into several files"
    )


def test_the_unpacked_limit_defaults_to_ten_times_the_upload_limit(settings):
    assert settings.UPLOAD_MAX_UNPACKED_BYTES == 10 * settings.MAX_UPLOAD_BYTES == 200 * 1024 * 1024


def test_the_form_wrapper_gives_the_same_message():
    with pytest.raises(uploads.ValidationError) as refused:
        uploads.clean_upload(SimpleUploadedFile("policy.pdf", FAKE_PDF))
    assert refused.value.messages == [FILE_DAMAGED.format(actual="PDF")]
    assert PDF_NEEDS_PASSWORD.startswith("The selected PDF is protected")
