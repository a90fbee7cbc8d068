"""Snapshot → HTML (Django template, autoescaped) → tagged PDF (WeasyPrint).

Only the snapshot goes in: nothing here reads the database.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from .fetcher import AssetOnlyFetcher, assets_base_url, assets_dir

TEMPLATE_SERIES = "1"
PDF_TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates" / "reports" / "pdf"


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


def render_html(snapshot):
    return render_to_string(f"reports/pdf/{snapshot['kind']}.html", {"snapshot": snapshot})


def layout(html, *, fetcher=None):
    """The laid-out document (the slow part), ready to write."""
    return HTML(string=html, base_url=assets_base_url(), url_fetcher=fetcher or AssetOnlyFetcher()).render()


def write_pdf(document):
    # pdf/ua-1 tags the PDF (structure tree, MarkInfo) and records title and language.
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=b"ima-portal-report")


def render_pdf(snapshot, *, fetcher=None, on_stage=None):
    """The PDF bytes for `snapshot`; `on_stage(progress)` is told as each stage completes."""
    on_stage = on_stage or (lambda progress: None)
    html = render_html(snapshot)
    on_stage(40)
    document = layout(html, fetcher=fetcher)
    on_stage(80)
    return write_pdf(document)
