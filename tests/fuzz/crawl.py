"""Crawl the app as one person, following its own links, and collect the POST forms it shows.

The HTML parser is the standard library's: enough for our own, well-formed GOV.UK markup.
"""

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, resolve

# Not pages: files, feeds and calendar entries. Crawling them tells nothing about forms or markup.
NOT_PAGES = (".csv", ".xlsx", ".ics", ".css", ".pdf", "/download/", "/status/")
SKIP_PREFIXES = ("/static/", "/admin/", "/healthz")


@dataclass
class FormField:
    name: str
    kind: str  # text, hidden, textarea, select, radio, checkbox, file, submit, password, email, …
    values: list = field(default_factory=list)  # the value it shows, or every option it offers
    checked: bool = False


@dataclass
class Form:
    page: str
    action: str
    entry: str  # the URL the crawl asked for (the page may be where it redirected)
    enctype: str
    fields: dict = field(default_factory=dict)  # name -> list[FormField]

    @property
    def url_name(self):
        return url_name(self.action)

    def add(self, form_field):
        self.fields.setdefault(form_field.name, []).append(form_field)


class PageParser(HTMLParser):
    """Links, POST forms with their fields, inline scripts and style attributes of one page."""

    def __init__(self, page, entry=None):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.entry = entry or page
        self.links, self.forms = [], []
        self.inline_scripts, self.style_attributes, self.script_sources = [], [], []
        self._form = self._select = self._textarea = self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes.append(f"<{tag} style={attrs['style']!r}>")
        if any(name.startswith("on") for name in attrs):
            self.inline_scripts.append(f"<{tag}> with an on… handler attribute")
        if tag == "style":
            self.style_attributes.append("a <style> element")
        if tag == "a" and attrs.get("href"):
            self.links.append(urljoin(self.page, attrs["href"]))
        elif tag == "script":
            self._script = attrs
            self._script_body = []
            if attrs.get("src"):
                self.script_sources.append(attrs["src"])
        elif tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = Form(
                page=self.page,
                entry=self.entry,
                action=urljoin(self.page, attrs.get("action") or self.page),
                enctype=attrs.get("enctype") or "application/x-www-form-urlencoded",
            )
            self.forms.append(self._form)
        elif self._form is not None:
            self._form_element(tag, attrs)

    def _form_element(self, tag, attrs):
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            self._form.add(
                FormField(name, kind, [attrs.get("value", "on" if kind == "checkbox" else "")], "checked" in attrs)
            )
        elif tag == "button" and name:
            self._form.add(FormField(name, "submit", [attrs.get("value", "")]))
        elif tag == "textarea" and name:
            self._textarea = FormField(name, "textarea", [""])
            self._form.add(self._textarea)
        elif tag == "select" and name:
            self._select = FormField(name, "select", [])
            self._form.add(self._select)
        elif tag == "option" and self._select is not None:
            self._select.values.append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.values[0] += data
        if self._script is not None:
            self._script_body.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "script" and self._script is not None:
            body = "".join(self._script_body).strip()
            if body and self._script.get("type") != "application/json":
                self.inline_scripts.append(f"<script> body: {body[:80]!r}")
            self._script = None


def parse(page, html, entry=None):
    parser = PageParser(page, entry)
    parser.feed(html)
    return parser


def url_name(url):
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def _crawlable(url):
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return False
    path = parts.path
    return (
        not path.startswith(SKIP_PREFIXES)
        and not path.endswith(NOT_PAGES)
        and not any(marker in path for marker in NOT_PAGES)
    )


@dataclass
class CrawlResult:
    pages: dict = field(default_factory=dict)  # url -> (status, parser)
    forms: list = field(default_factory=list)


def crawl(client, start, *, per_name=2, limit=400):
    """Breadth-first over the app's own links, at most `per_name` URLs per URL name (ids differ, views don't).

    The `start` URLs are always visited, whatever the limit.
    """
    result = CrawlResult()
    seen, per_view, chosen = set(), {}, set(start)
    queue = deque(start)
    while queue and len(result.pages) < limit:
        url = queue.popleft().split("#")[0]
        if url in seen or not _crawlable(url):
            continue
        seen.add(url)
        name = url_name(url)
        if name is None or (per_view.get(name, 0) >= per_name and url not in chosen):
            continue
        per_view[name] = per_view.get(name, 0) + 1
        response = client.get(url, follow=True)
        final = response.request["PATH_INFO"]
        if response.get("Content-Type", "").startswith("text/html"):
            parser = parse(final, response.content.decode(), entry=url)
            result.pages[url] = (response.status_code, parser, response)
            result.forms.extend(parser.forms)
            queue.extend(link for link in parser.links if link not in seen)
        else:
            result.pages[url] = (response.status_code, None, response)
    return result
