"""Fixtures and helpers for the assessment lifecycle tests (imported by the conftest of each test folder)."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import AreaRating, Assessment, RatingLevel
from assessments.services.lifecycle import (
    assessment_open,
    assessment_publish,
    assessment_return,
    assessment_start_review,
    assessment_submit,
    self_assessment_start,
)
from assessments.services.ratings import area_rating_save_assessor, area_rating_save_self
from tests.support.documents import pdf_bytes

NARRATIVE = "We keep a records policy, and staff follow it across every directorate."


def level(framework, position):
    return RatingLevel.objects.get(framework=framework, position=position)


def ratings_of(assessment):
    return list(AreaRating.objects.filter(assessment=assessment).select_related("area__theme"))


def rate_all(assessment, by, position=3, narrative=NARRATIVE):
    target = level(assessment.framework, position)
    for rating in ratings_of(assessment):
        area_rating_save_self(
            rating=rating, by=by, version=rating.version, self_rating=target, narrative=narrative, complete=True
        )


def assessor_rate_all(assessment, by, position=3):
    target = level(assessment.framework, position)
    for rating in ratings_of(assessment):
        area_rating_save_assessor(
            rating=rating, by=by, version=rating.version, assessor_rating=target, assessor_commentary="Seen."
        )


def to_state(assessment, state, *, lead, assessor):
    """Walk an assessment through the real services to `state`."""
    Status = Assessment.Status
    if state == Status.DRAFT:
        return assessment
    rate_all(assessment, lead)
    assessment = assessment_submit(assessment=assessment, by=lead)
    if state == Status.SUBMITTED:
        return assessment
    assessment = assessment_start_review(assessment=assessment, by=assessor)
    if state == Status.IN_REVIEW:
        return assessment
    if state == Status.RETURNED:
        return assessment_return(assessment=assessment, by=assessor, comment="Please add evidence.")
    assessor_rate_all(assessment, assessor)
    return assessment_publish(assessment=assessment, by=assessor)


@pytest.fixture
def self_assessment(framework, lead_a, department_a):
    return self_assessment_start(by=lead_a, department=department_a, year=2025)


@pytest.fixture
def ima(framework, assessor, department_a):
    return assessment_open(by=assessor, department=department_a, assessment_type=Assessment.Type.IMA, year=2025)


@pytest.fixture
def lead_b_client(client, lead_b):
    client.force_login(lead_b)
    return client


# --- files ---------------------------------------------------------------------------------------

PDF_BYTES = pdf_bytes()  # a real one: the upload checker opens PDFs
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    return zip_bytes({"[Content_Types].xml": types, "word/document.xml": "<w:document/>"})


def xlsx_bytes():
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "evidence"
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes():
    return zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document/>"})


def ole_bytes(stream_name):
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1016
    return header + stream_name.encode("utf-16-le") + b"\x00" * 512


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
