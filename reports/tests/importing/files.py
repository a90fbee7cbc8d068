"""Report files for the import tests: the documented example, as JSON bytes or as an Excel workbook."""

import copy
import io
import json
from pathlib import Path

from openpyxl import Workbook

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "report-import.json"

KEY = ("department", "type", "year")
FLATTENED = {
    ("baseline", "type"): "baseline_type",
    ("baseline", "year"): "baseline_year",
    ("fieldwork", "from"): "fieldwork_from",
    ("fieldwork", "to"): "fieldwork_to",
    ("fieldwork", "place"): "fieldwork_place",
    ("commitment", "text"): "commitment_text",
    ("commitment", "signed_by"): "commitment_signed_by",
    ("commitment", "signed_on"): "commitment_signed_on",
    ("next_steps", "lead"): "next_steps_lead",
}
CHILD_SHEETS = {
    "ratings": ("area", "rating"),
    "themes": ("theme", "situation", "progress"),
    "next_steps": ("text", "recommendation"),
    "recommendations": ("number", "area", "text", "priority"),
}


def example():
    """The documented example (DfE IMA 2013 and its 2015 progress review), a fresh copy each time."""
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def json_bytes(data):
    return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


def first(data):
    return data["assessments"][0]


def review(data):
    return data["assessments"][1]


def workbook_bytes(data):
    """The same report file as an Excel workbook: one sheet per part, rows naming their assessment."""
    data = copy.deepcopy(data)
    workbook = Workbook()
    columns = [
        *KEY,
        "framework",
        "published_on",
        "assessed",
        "background",
        "key_findings",
        *FLATTENED.values(),
    ]
    sheet = workbook.active
    sheet.title = "assessments"
    sheet.append(columns)
    children = {name: [] for name in CHILD_SHEETS}
    for entry in data["assessments"]:
        key = [entry.get(column) for column in KEY]
        row = {column: entry.get(column) for column in columns if not isinstance(entry.get(column), (dict, list))}
        for (part, name), column in FLATTENED.items():
            row[column] = (entry.get(part) or {}).get(name)
        sheet.append([row.get(column) for column in columns])
        for name in ("ratings", "themes", "recommendations"):
            for item in entry.get(name, []):
                children[name].append([*key, *(item.get(column) for column in CHILD_SHEETS[name])])
        for item in (entry.get("next_steps") or {}).get("items", []):
            item = {"text": item} if isinstance(item, str) else item
            children["next_steps"].append([*key, item.get("text"), item.get("recommendation")])
    for name, rows in children.items():
        child = workbook.create_sheet(name)
        child.append([*KEY, *CHILD_SHEETS[name]])
        for row in rows:
            child.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
