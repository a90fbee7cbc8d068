"""Departments and framework versions for dashboard tests, and reading tables back out of pages and exports.

A published assessment is `assessments.tests.factories.published_assessment`.
"""

import csv
import io
import json
from html.parser import HTMLParser

from openpyxl import load_workbook

from accounts.models import Department
from assessments.services.framework import DEFAULT_FRAMEWORK_FILE, framework_load
from assessments.tests.factories import DepartmentFactory


def departments(count, *, prefix="Test department", department_type=Department.Type.MINISTERIAL):
    initials = "".join(word if word.isdigit() else word[0] for word in prefix.split()).upper()
    return [
        DepartmentFactory(
            name=f"{prefix} {index:02d}",
            short_name=f"{initials}{index:02d}",
            slug=f"{prefix.lower().replace(' ', '-')}-{index:02d}",
            department_type=department_type,
        )
        for index in range(1, count + 1)
    ]


def second_framework(*, slug="ima-2030", name="IMA framework 2030", drop_area=None, rename_levels=None):
    """A later framework version: the 2013 data under a new slug, areas renamed, optionally one fewer area."""
    data = json.loads(DEFAULT_FRAMEWORK_FILE.read_text())
    data.update(slug=slug, name=name, is_current=False, in_use_from=2030)
    for theme in data["themes"]:
        theme["areas"] = [
            {**area, "key": f"{area['key']}-v2", "name": f"{area['name']} (revised)"}
            for area in theme["areas"]
            if area["key"] != drop_area
        ]
    for level in data["levels"]:
        if rename_levels and level["position"] in rename_levels:
            level["name"] = rename_levels[level["position"]]
    return framework_load(data=data).framework


class _TableReader(HTMLParser):
    """Text of each cell of one <table id=...>, as a person hears it: aria-hidden parts left out."""

    def __init__(self, table_id):
        super().__init__()
        self.table_id = table_id
        self.depth = 0  # >0 while inside the wanted table
        self.hidden = 0
        self.rows, self.row, self.cell, self.span = [], None, None, 1
        self.in_head = False
        self.head_rows = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (self.depth or attrs.get("id") == self.table_id):
            self.depth += 1
            return
        if not self.depth:
            return
        if self.hidden or attrs.get("aria-hidden") == "true":
            self.hidden += 1 if tag not in ("br", "img", "input") else 0
            return
        if tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell, self.span = [], int(attrs.get("colspan", 1))

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if self.hidden:
            self.hidden -= 1
            return
        if tag == "table":
            self.depth -= 1
        elif tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.row.extend([""] * (self.span - 1))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            (self.head_rows if self.in_head else self.rows).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.depth and not self.hidden and self.cell is not None:
            self.cell.append(data)


def page_table(html, table_id):
    """(headers, rows) of the table as shown: the last header row and the body rows."""
    reader = _TableReader(table_id)
    reader.feed(html if isinstance(html, str) else html.decode())
    assert reader.head_rows or reader.rows, f"no table #{table_id} on the page"
    return (reader.head_rows[-1] if reader.head_rows else []), reader.rows


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode())))
    return rows[0], rows[1:]


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    return values[0], values[1:]
