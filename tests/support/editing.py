"""Two people editing one shared record: browser sessions that opened its edit page, and what a refusal shows.

    first, second = EditPage(assessor, url), EditPage(second_assessor, url)  # both load the page
    assert first.send(text="Theirs").status_code == 302
    page = assert_stale_refusal(second.send(text="Mine"), who="Priya Shah", typed="Mine")

`send` posts the form as the browser would (every field as the page filled it, with the hidden version),
changed by the keyword arguments; `without=("version",)` leaves fields out, as a hand-made request would.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.utils.html import escape

from common.forms import PAGE_INCOMPLETE

STALE_TIME = r"at \d{1,2}(:\d\d)?[ap]m on \d{1,2} [A-Z][a-z]+ \d{4}"


class _FormReader(HTMLParser):
    """What each POST form on a page would send as it stands: (action, [(name, value), …])."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms = []
        self._fields = self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._fields = []
            self.forms.append((urljoin(self.page, attrs.get("action") or self.page), self._fields))
        elif self._fields is None or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append([attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else "")])
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]
            self._fields.append(self._textarea)
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None
        elif tag == "textarea" and self._textarea is not None:
            # The HTML parser keeps the newline a browser drops after <textarea>.
            self._textarea[1] = self._textarea[1].removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"] if self._select["chosen"] is not None else self._select["first"]
            if self._fields is not None and chosen is not None:
                self._fields.append([self._select["name"], chosen])
            self._select = None


def form_on(url, html):
    """The fields of the page's POST form that is sent to the page itself (not the header's sign-out)."""
    reader = _FormReader(url)
    reader.feed(html)
    path = urlsplit(url).path
    forms = [fields for action, fields in reader.forms if urlsplit(action).path == path]
    assert forms, f"no POST form sent to {path}"
    return forms[0]


class EditPage:
    """A signed-in browser session that has loaded an edit page and will send its form back later."""

    def __init__(self, user, url):
        self.url = url
        self.client = Client()
        self.client.force_login(user)
        response = self.client.get(url)
        assert response.status_code == 200, f"GET {url} answered {response.status_code}"
        self.read(response)

    def read(self, response):
        """Take the form as this response shows it (a refused page: what was typed, the newer version)."""
        self.fields = form_on(self.url, response.content.decode())

    @property
    def version(self):
        return next(value for name, value in self.fields if name == "version")

    def send(self, *, without=(), **changes):
        data = {}
        for name, value in self.fields:
            if name not in without and name not in changes:
                data.setdefault(name, []).append(value)
        data.update({name: value for name, value in changes.items() if name not in without})
        return self.client.post(self.url, data)


def assert_stale_refusal(response, *, who, typed):
    """The second save was refused: error page naming who saved first and when, their version shown,
    and what this person typed still in the form (escaped). Returns the page."""
    page = response.content.decode()
    assert response.status_code == 200, f"the stale save was not refused: {response.status_code}"
    assert "<title>Error: " in page and "govuk-error-summary" in page
    assert re.search(rf"{re.escape(who)} changed [^<]* {STALE_TIME}", page), re.findall(
        r'govuk-error-summary__list">(.*?)</ul>', page, re.S
    )
    assert "Your changes have not been saved." in page
    assert 'id="conflict"' in page and f"The version saved by {who} at " in page
    assert escape(typed) in page, "what the person typed was lost"
    return page


def assert_incomplete(response):
    """A POST without its version (or with a blank or garbage one) is an error, not a save."""
    page = response.content.decode()
    assert response.status_code == 200, f"a POST without its version was accepted: {response.status_code}"
    assert "<title>Error: " in page and PAGE_INCOMPLETE in page
    return page
