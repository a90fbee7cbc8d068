"""Layout and tagging of the report PDFs: table header scope, contents page, tables split over pages."""

import io
import re

import pytest
from pypdf import PdfReader

from actionplans.models import Recommendation
from assessments.models import PerformanceArea
from reports import rendering
from reports.rendering import render_html, render_pdf
from reports.snapshot import snapshot_build
from reports.templatetags.report_tags import keep_short_words_together
from reports.tests.factories import full_ima

pytestmark = pytest.mark.django_db


def _reader(assessment, kind):
    return PdfReader(io.BytesIO(render_pdf(snapshot_build(assessment=assessment, kind=kind))))


def _header_cells(reader):
    """(row group of the TH's row, its /Scope) for every TH of the structure tree."""
    cells = []

    def walk(node, parents):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        kind = node.get("/S")
        if kind == "/TH":
            attributes = node["/A"].get_object() if "/A" in node else {}
            cells.append((parents[-2], attributes.get("/Scope"), attributes.get("/O")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object"):
                walk(kid, [*parents, kind])

    walk(reader.trailer["/Root"]["/StructTreeRoot"], [])
    return cells


@pytest.mark.parametrize("kind", ["progress_review", "ima_report"])
def test_every_table_header_cell_has_its_scope_in_the_structure_tree(review, department_b, framework, kind):
    assessment = review if kind == "progress_review" else full_ima(department_b, framework)
    cells = _header_cells(_reader(assessment, kind))
    assert {group for group, _scope, _owner in cells} == {"/THead", "/TBody"}
    for group, scope, owner in cells:
        assert owner == "/Table"
        assert scope == ("/Column" if group == "/THead" else "/Row")


def test_a_report_over_six_pages_opens_with_a_contents_page_whose_numbers_are_right(department_b, framework):
    reader = _reader(full_ima(department_b, framework), "ima_report")
    assert len(reader.pages) > 6
    contents = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    assert contents.startswith("Contents Statement of commitment")
    entries = re.findall(r"\s*(.+?)\s*\.{3,}\s*(\d+)", contents.removeprefix("Contents "))
    assert [title for title, _ in entries] == [
        "Statement of commitment",
        "IMA background",
        "Key findings of the assessment",
        "Recommendations to address risk areas",
        "1. The value of information",
        "2. Digital information and supporting technology",
        "3. Information risk, governance and oversight",
        "4. Records, review and transfer",
    ]
    for title, page in entries:
        assert reader.pages[int(page) - 1].extract_text().startswith(title), title


def test_the_second_layout_happens_only_for_a_report_over_six_pages(review, department_b, framework, monkeypatch):
    layouts = []
    real = rendering.layout
    monkeypatch.setattr(rendering, "layout", lambda html, **kw: layouts.append("Contents" in html) or real(html, **kw))
    render_pdf(snapshot_build(assessment=review, kind="progress_review"))
    assert layouts == [False]
    layouts.clear()
    render_pdf(snapshot_build(assessment=full_ima(department_b, framework), kind="ima_report"))
    assert layouts == [False, True]


def test_a_table_split_over_pages_repeats_its_header_row(department_b, framework):
    ima = full_ima(department_b, framework)
    area = PerformanceArea.objects.get(theme__framework=framework, key="establishing-control")
    for number in range(10, 50):
        Recommendation.objects.create(
            assessment=ima,
            number=number,
            area=area,
            text=f"Recommendation number {number}, long enough to take a line or two of the table. " * 2,
            priority="medium",
        )
    reader = _reader(ima, "ima_report")
    pages = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    first = next(n for n, text in enumerate(pages) if text.startswith("Recommendations to address risk areas"))
    after = next(n for n, text in enumerate(pages) if text.startswith("1. The value of information") and n > first)
    split = [text for text in pages[first:after] if "Recommendation number" in text]
    assert len(split) >= 2
    assert "3.2 Establishing control Reference Recommendation Priority R10 " in split[0]
    for text in split[1:]:
        assert text.startswith("Reference Recommendation Priority R")
    # Each page's part of the table is tagged with its own header row (THead, column scope): the key findings'
    # four two-column tables, five three-column recommendation tables, and the split one's repeats.
    column_headers = [cell for cell in _header_cells(reader) if cell[0] == "/THead" and cell[1] == "/Column"]
    assert len(column_headers) == 4 * 2 + 5 * 3 + 3 * (len(split) - 1)


def test_rating_tables_share_their_columns_and_keep_short_rating_words_together(review):
    html = render_html(snapshot_build(assessment=review, kind="progress_review"))
    tables = re.findall(r'<table class="ratings ratings--compared">\s*<colgroup>(.*?)</colgroup>', html, re.S)
    assert len(tables) == 4
    assert len(set(tables)) == 1 and tables[0].count("<col ") == 3
    assert "Progressing towards good\u00a0practice" in html
    assert keep_short_words_together("Development area") == "Development\u00a0area"
    assert keep_short_words_together("Progressing towards satisfactory") == "Progressing towards satisfactory"
    assert keep_short_words_together("Best practice") == "Best\u00a0practice"
