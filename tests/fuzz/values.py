"""Hostile values and junk files for the form fuzzer, as fixed lists and as hypothesis strategies."""

import datetime
import io
import json
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

from actionplans.exports import HEADERS as PLAN_HEADERS
from tests.support.documents import pdf_bytes, zip_of

SCRIPT = '<script>alert("fz")</script>'
# What must never appear raw in a response: each would run if it did.
RAW_MARKERS = ('<script>alert("fz")', "<img src=x onerror=", "<svg onload=", "<iframe src=javascript:")

HUGE = "A" * 100_000
HOSTILE = [
    "",
    " ",
    "\x00",
    "Records\x00policy",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f\x9f",
    "\r\n\t\r\n",
    HUGE,
    "😀" * 2000,
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "{{ settings.SECRET_KEY }}{% debug %}",
    "' OR '1'='1' --",
    "1; DROP TABLE assessments_assessment; --",
    "%_\\%",
    "-1",
    "0",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999999999",
    "1e309",
    "NaN",
    "-inf",
    "1.5",
    "0x1F",
    "13",
    "32",
    "99999",
    "-2025",
    "2025-02-30",
    "31/02/2025",
    "29 February 2023",
    "25:61",
    "../../../../etc/passwd",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "http://169.254.169.254/latest/meta-data/",
    "\u202egnp.exe",
    "Ω≈ç√∫˜µ≤≥÷ ﷽ 𝕳𝖊𝖑𝖑𝖔 ",
    '=HYPERLINK("http://evil.example","click")',
]

# -- files -----------------------------------------------------------------------------------------------

PDF = pdf_bytes()  # a real one: the upload checker opens PDFs
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32


def _xlsx(rows):
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(buffer)
    return buffer.getvalue()


def _workbook(sheets):
    """An .xlsx workbook with named sheets of rows (the report import's layout)."""
    import openpyxl

    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(buffer)
    return buffer.getvalue()


def _hostile_plan_rows():
    return [
        PLAN_HEADERS,
        ["R1", SCRIPT, "High", "owner\u200b", "31/02/2025", "Underway", HUGE[:5000]],
        ["R999999999999999999999", "Do it", "Urgent", "DRO", "99999-01-01", "Done?", ""],
        [datetime.datetime(1900, 1, 1), 12.5, None, "=cmd|' /C calc'!A0", -1, True, "x"],
    ]


def _hostile_ratings_csv():
    header = b"department,assessment_type,year,performance_area,rating,comment,framework\n"
    rows = [
        b"Department for Education,ima,99999999999999999999,Measuring impact,Satisfactory,"
        b'"<script>x</script>",ima-2013\n',
        b"Department for Education,ima,-1,\x00,Best practice,=1+1,ima-2013\n",
        b"'; DROP TABLE x; --,self_assessment,2014,Measuring impact,Nope,,\n",
        b"Department for Education,ima,2014,Measuring impact\n",
    ]
    return header + b"".join(rows)


def _hostile_reports():
    """Whole published reports (reports:import_report): the right shape with hostile values, and shapes that are
    not the right shape; the department is the fuzz world's, so a careful part gets as far as the import."""
    department = "Department for Education"
    hostile = {
        "department": department,
        "type": "ima",
        "year": 2014,
        "published_on": "2014-07",
        "fieldwork": {"from": "2014-02-30", "to": "2014-01-01", "place": SCRIPT},
        "background": SCRIPT + "\n\n" + HUGE[:60000],
        "key_findings": '"><img src=x onerror=alert(1)>',
        "commitment": {"text": SCRIPT, "signed_by": "<svg onload=alert(1)>", "signed_on": "31/02/2025"},
        "ratings": [{"area": SCRIPT, "rating": "<iframe src=javascript:alert(1)></iframe>"}],
        "themes": [{"theme": 99999999999999999999, "progress": SCRIPT}, {"theme": SCRIPT}],
        "recommendations": [{"number": "R-1", "area": SCRIPT, "text": "\x00", "priority": SCRIPT}],
        "next_steps": {"lead": SCRIPT, "items": [SCRIPT, {"text": 1.5, "recommendation": SCRIPT}]},
        SCRIPT: "an unknown part",
    }
    # Every part but the narratives right: the hostile texts are stored and printed back on the done page.
    stored = {
        "department": department,
        "type": "reassessment",
        "year": 2012,
        "published_on": "2012-11-20",
        "background": SCRIPT,
        "key_findings": '"><img src=x onerror=alert(1)>',
        "recommendations": [
            {"number": 1, "area": "Measuring impact", "text": "<svg onload=alert(1)>", "priority": "High"}
        ],
    }

    def as_json(value):
        return json.dumps(value).encode()

    workbook = _workbook(
        {
            "assessments": [
                ["Department", "Type", "Year", "Published on", "Background", "Fieldwork from"],
                [department, "IMA", "2014", "2014-13", SCRIPT, datetime.datetime(1900, 1, 1)],
                [SCRIPT, 12.5, -1, None, '=HYPERLINK("http://evil.example")', "x"],
            ],
            "ratings": [["department", "type", "year", "area"], [department, "ima", 2014, SCRIPT]],
            SCRIPT[:31].replace("/", ""): [["anything"]],
        }
    )
    return [
        ("reports.xlsx", workbook, XLSX),
        ("reports.json", as_json({"assessments": [hostile]}), "application/json"),
        ("reports.json", as_json({"assessments": [stored]}), "application/json"),
        (
            "reports.json",
            as_json({"assessments": [{"department": department, "type": "self_assessment"}] * 3}),
            "application/json",
        ),
        ("reports.json", b'{"assessments": [{"year": NaN, "department": Infinity}]}', "application/json"),
        ("reports.json", b"[" * 100_000, "application/json"),
        ("reports.json", b'{"assessments": [' + b'{"a": 1},' * 20000, "application/json"),
        ("reports.json", '\ufeff{"assessments": []}'.encode("utf-16"), "application/json"),
        (
            "reports.json",
            as_json({"assessments": [{"department": department, "year": 10**30, "type": []}]}),
            "text/plain",
        ),
    ]


def junk_files():
    """(name, bytes, declared content type): wrong types, lies about type, hostile names and contents."""
    return [
        ("empty.pdf", b"", "application/pdf"),
        ("not-a-pdf.pdf", b"MZ\x90\x00 this is a Windows program", "application/pdf"),
        ("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("polyglot.png", PNG + b"<script>alert(1)</script>", "image/png"),
        ("../../../../etc/passwd", PDF, "application/pdf"),
        ("x" * 300 + ".pdf", PDF, "application/pdf"),
        ('quote"and;semicolon\r\n.pdf', PDF, "application/pdf"),
        ("ratings.csv", _hostile_ratings_csv(), "text/csv"),
        ("ratings.csv", b"\xff\xfe\x00\x00 not utf-8 \x80\x81", "text/csv"),
        ("ratings.csv", b"department\n" + b"a," * 5000 + b"\n", "text/csv"),
        ("plan.xlsx", b"PK\x03\x04 not really a zip", XLSX),
        ("plan.xlsx", zip_of({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<<<"}), XLSX),
        ("plan.xlsx", _xlsx(_hostile_plan_rows()), XLSX),
        ("plan.xlsx", _xlsx([["only", "wrong", "headings"]]), XLSX),
        ("evidence.docx", zip_of({"word/document.xml": SCRIPT}), "application/msword"),
        *_hostile_reports(),
    ]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


# -- hypothesis strategies --------------------------------------------------------------------------------


def _client_can_send(name):
    # The test client itself refuses these names before anything reaches the app.
    return not {"\x00", "\r", "\n"} & set(name) and os.path.basename(name) not in ("", ".", "..")


hostile_text = st.sampled_from(HOSTILE)
generated_text = st.text(max_size=300)  # every unicode category but surrogates, control characters included
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True, allow_infinity=True)
).map(str)
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(
    lambda day: day.isoformat()
)
junk_upload = st.sampled_from(junk_files()).map(lambda spec: upload(*spec)) | st.builds(
    upload,
    st.text(min_size=1, max_size=40).filter(_client_can_send),
    st.binary(max_size=4096),
    st.sampled_from(["application/pdf", "text/csv", XLSX, "application/octet-stream"]),
)


def field_value(offered):
    """A value for one field: one it offers (so a form can get past it), or anything hostile."""
    choices = [st.sampled_from(offered)] if offered else []
    return st.one_of(*choices, hostile_text, generated_text, numbers, dates)
