"""An answer a careful person might give to each field: so generated cases get past validation and reach
the save, the service and the page shown after it (where typed HTML must come back escaped)."""

import json
import re

from accounts.tests.factories import TEST_PASSWORD

from .values import PDF, SCRIPT, upload

TEXT = f"Keep records of value {SCRIPT} & <b>bold</b> 'quoted'"
# The GOV.UK date input's day, month and year boxes: due dates ahead, other dates (progress, meetings) past.
DATE_PARTS = {"0": "15", "1": "6", "2": "2026"}
DUE_YEAR = "2030"
BY_NAME = [
    (re.compile(r"password[12]$"), "plum-harbour-tangent-47"),
    (re.compile(r"password"), TEST_PASSWORD),
    (re.compile(r"^username$|email"), "lead.a@example.gov.uk"),
    (re.compile(r"year"), "2026"),
    (re.compile(r"end_time"), "12:00"),
    (re.compile(r"time"), "10:00"),
    (re.compile(r"url"), "https://www.example.gov.uk/policy"),
]


# A file a careful person would choose, by the form's URL name (else a PDF, as evidence and papers are).
REPORT = {
    "department": "Department for Education",
    "type": "ima",
    "year": 2012,
    "published_on": "2012-11-20",
    "fieldwork": {"from": "2012-06-04", "to": "2012-06-06", "place": TEXT},
    "key_findings": TEXT,
    "recommendations": [{"number": 1, "area": "Measuring impact", "text": TEXT, "priority": "High"}],
}
FILES = {"reports:import_report": ("reports.json", json.dumps({"assessments": [REPORT]}).encode(), "application/json")}


def _value(name, fields, siblings, url_name):
    kind = fields[0].kind
    if kind == "file":
        return upload(*FILES.get(url_name, ("evidence.pdf", PDF, "application/pdf")))
    if kind == "hidden":
        return fields[0].values[0]
    values = [value for field in fields for value in field.values if value.strip()]
    if kind in ("radio", "select", "checkbox", "submit") and values:
        return values[0]
    if (date := re.fullmatch(r"(.+)_([012])", name)) and {f"{date[1]}_0", f"{date[1]}_2"} <= siblings:
        return DUE_YEAR if date[2] == "2" and "due" in name else DATE_PARTS[date[2]]
    for pattern, value in BY_NAME:
        if pattern.search(name):
            return value
    return values[0] if values else TEXT


def plausible(form, ignored):
    """A fresh answer per call (uploaded files can be read once)."""
    siblings = set(form.fields)
    return {
        name: _value(name, fields, siblings, form.url_name)
        for name, fields in form.fields.items()
        if name not in ignored
    }
