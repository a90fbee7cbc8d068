"""Snapshot → HTML (Django template, autoescaped) → tagged PDF (WeasyPrint).

Only the snapshot goes in: nothing here reads the database. A report longer than CONTENTS_AFTER_PAGES
is laid out a second time with a contents page (its page numbers come from where each heading lands);
a shorter one is laid out once.
"""

import functools
import hashlib
from pathlib import Path

import pydyf
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from .fetcher import AssetOnlyFetcher, assets_base_url, assets_dir
from .models import ReportKind

TEMPLATE_SERIES = "2"
PDF_TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates" / "reports" / "pdf"
# TNA's reports open with a contents page when they run to more than six pages.
CONTENTS_AFTER_PAGES = 6
CONTENTS_KINDS = (ReportKind.PROGRESS_REVIEW, ReportKind.IMA_REPORT)


@functools.cache
def template_version():
    """Changes whenever a report template or stylesheet changes, so cached PDFs of old layouts are not reused.

    Computed from the files rather than bumped by hand: a forgotten bump would hand out stale PDFs.
    """
    digest = hashlib.sha256()
    files = sorted(PDF_TEMPLATES_DIR.rglob("*.html")) + sorted(assets_dir().glob("*.css"))
    for path in files:
        digest.update(path.name.encode() + b"\x00" + path.read_bytes())
    return f"{TEMPLATE_SERIES}-{digest.hexdigest()[:12]}"


def render_html(snapshot, *, with_contents=False):
    return render_to_string(
        f"reports/pdf/{snapshot['kind']}.html", {"snapshot": snapshot, "with_contents": with_contents}
    )


def layout(html, *, fetcher=None):
    """The laid-out document (the slow part), ready to write."""
    return HTML(string=html, base_url=assets_base_url(), url_fetcher=fetcher or AssetOnlyFetcher()).render()


def _number(reference):
    """The object number of a pydyf reference (b"12 0 R")."""
    return int(bytes(reference).split()[0])


def add_table_header_scope(document, pdf):
    """WeasyPrint finisher: give every TH of the structure tree its /Scope, which WeasyPrint 70 does not write.

    A header cell of a row in the table's head (THead) heads its column (/Column); any other TH heads its
    row (/Row). The report templates follow that rule: column headers only in <thead>, and every <th> in a
    body is scope="row".
    """
    objects = {item.number: item for item in pdf.objects if isinstance(item, pydyf.Dictionary)}
    for element in objects.values():
        if element.get("S") != "/TH":
            continue
        row = objects.get(_number(element["P"]))
        group = objects.get(_number(row["P"])) if row is not None and "P" in row else None
        in_head = group is not None and group.get("S") == "/THead"
        attributes = element.setdefault("A", pydyf.Dictionary({"O": "/Table"}))
        attributes["Scope"] = "/Column" if in_head else "/Row"


def write_pdf(document):
    # pdf/ua-1 tags the PDF (structure tree, MarkInfo) and records title and language.
    return document.write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=b"ima-portal-report", finisher=add_table_header_scope
    )


def render_pdf(snapshot, *, fetcher=None, on_stage=None):
    """The PDF bytes for `snapshot`; `on_stage(progress)` is told as each stage completes."""
    on_stage = on_stage or (lambda progress: None)
    html = render_html(snapshot)
    on_stage(40)
    document = layout(html, fetcher=fetcher)
    if snapshot["kind"] in CONTENTS_KINDS and len(document.pages) > CONTENTS_AFTER_PAGES:
        document = layout(render_html(snapshot, with_contents=True), fetcher=fetcher)
    on_stage(80)
    return write_pdf(document)
