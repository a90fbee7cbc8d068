"""Run axe-core (from npm, injected into the page by the test only) with the WCAG A/AA rule tags."""

import hashlib
from pathlib import Path

from django.conf import settings

AXE_SOURCE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page):
    # evaluate() runs through the DevTools protocol, so the page's CSP (no inline scripts) still holds.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


# The page as axe would see it, less what changes on every response (the CSRF token): a page whose markup is
# exactly one already found clean in this process is clean again, so a journey that comes back to it (the
# sign-in page, a list unchanged since) does not pay for a second run.
PAGE_MARKUP = """() => document.documentElement.outerHTML
  .replace(/<input[^>]*csrfmiddlewaretoken[^>]*>/g, '')"""
_clean_pages = set()


def assert_accessible(page):
    markup = page.evaluate(PAGE_MARKUP)
    key = (page.viewport_size["width"] if page.viewport_size else None, hashlib.sha256(markup.encode()).hexdigest())
    if key in _clean_pages:
        return
    violations = axe_violations(page)
    assert violations == [], f"axe violations on {page.url}: {violations}"
    _clean_pages.add(key)
