"""axe on every page a crawl of links reaches, for each role, over realistic demo data.

Starting at "/", each role's crawler follows same-origin links (GET only) breadth first, taking
first the pages of a kind (URL pattern) it has checked least, and at most MAX_PER_KIND pages of one
kind, so that a crawl bounded to MAX_PAGES sees every kind of page it can reach. It never follows
sign-out, downloads (PDF, CSV, JSON, Atom, XLSX, calendar files, evidence and papers: known by URL, and by a
Content-Disposition of attachment as a safety net) or Django's admin site (/admin/ is Django's own
UI, not a GOV.UK page, and only for administrators: left out on purpose). Every page must answer
without an error and with zero axe violations (WCAG 2.0/2.1/2.2 A and AA).

The roles crawl side by side, one browser context each: while one page runs axe in its renderer,
the next role's page loads."""

import functools
import re
import time
from collections import Counter
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve

from accounts.models import User
from demo import people
from demo.management.commands.seed_demo import SEEDING_STEPS

from .axe import AXE_SOURCE, WCAG_TAGS

pytestmark = pytest.mark.django_db(transaction=True)

MAX_PAGES = 60
MAX_PER_KIND = 2  # pages of one URL pattern (say, meeting pages): enough to see its variants (CI < 15 min)
DEMO_DEPARTMENTS = ("cabinet-office", "education", "home-office")  # education: "department A"
ROLES = {
    "lead A": people.lead_email,
    "contributor A": people.dro_email,
    "assessor": lambda department: people.ASSESSOR_EMAIL,
    "administrator": lambda department: people.ADMIN_EMAIL,
    "anonymous": None,
}
ADMIN = re.compile(r"^/admin/")
# The API's docs page is Swagger UI (drf-spectacular-sidecar), a developer tool like the admin site: left out.
API_DOCS = re.compile(r"^/api/(docs|schema)/")
SIGN_OUT = re.compile(r"^/accounts/logout/")
DOWNLOAD_URLS = re.compile(
    r"\.(pdf|csv|json|atom|xlsx|xls|ics|zip|docx?|odt|ods)$|/(download|export)(/|$)", re.IGNORECASE
)
DOWNLOAD_VIEWS = re.compile(r"download|export|_ics$|template$")
AXE_SCRIPT = AXE_SOURCE.read_text(encoding="utf-8")
LINKS = "Array.from(document.querySelectorAll('a[href]'), a => a.href)"
# Started without waiting, so that other roles' pages load while this one is checked.
AXE_START = """tags => {
  window.__axeViolations = undefined;
  axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(result => { window.__axeViolations = result.violations.map(v => (
      {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target)})); })
    .catch(error => { window.__axeViolations = [{id: 'axe-error', help: String(error)}]; });
}"""


def seed_demo_data():
    """The demo seeding steps (people, assessments, action plans, network) for a few departments."""
    departments = [d for d in people.seed_departments(len(people.CENTRAL_GOVERNMENT)) if d.slug in DEMO_DEPARTMENTS]
    cast = people.seed_people(departments)
    for _name, step in SEEDING_STEPS:
        step(departments, 2, cast)
    return next(d for d in departments if d.slug == "education")


@functools.cache
def kind_of(url):
    """The URL pattern an address belongs to: the unit the crawl spreads its budget over."""
    path = urlsplit(url).path
    try:
        return resolve(path).view_name
    except Resolver404:
        return path


def why_not_follow(url, origin):
    """None for a page to crawl; else the reason it is left alone."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return "other sites"
    if ADMIN.search(parts.path):
        return "Django admin"
    if API_DOCS.search(parts.path):
        return "the API's Swagger UI"
    if SIGN_OUT.search(parts.path):
        return "sign-out"
    if DOWNLOAD_URLS.search(parts.path) or DOWNLOAD_VIEWS.search(kind_of(url).split(":")[-1]):
        return "downloads"
    return None


class Crawl:
    def __init__(self, role, page, origin):
        self.role = role
        self.page = page
        self.origin = origin
        self.queue = ["/"]
        self.seen = {"/"}
        self.kinds = Counter()
        self.checked = []
        self.violations = {}
        self.errors = {}
        self.downloads = []
        self.left_alone = {}  # url → reason
        self.pending = False

    @property
    def active(self):
        return self.pending or (bool(self.queue) and len(self.checked) < MAX_PAGES)

    def _next_url(self):
        """Breadth first, but fewest pages of its kind first; a kind already checked MAX_PER_KIND times is done."""
        self.queue = [url for url in self.queue if self.kinds[kind_of(url)] < MAX_PER_KIND]
        if not self.queue:
            return None
        best = min(range(len(self.queue)), key=lambda i: (self.kinds[kind_of(self.queue[i])], i))
        return self.queue.pop(best)

    def start_next(self):
        """Load the next page and start axe on it, without waiting for axe."""
        while self.queue and len(self.checked) < MAX_PAGES and not self.pending:
            path = self._next_url()
            if path is None:
                return
            try:
                response = self.page.goto(path)
            except Exception as error:  # a download aborts the navigation: a file, not a page
                if "Download is starting" in str(error) or "net::ERR_ABORTED" in str(error):
                    self.downloads.append(path)
                    continue
                raise
            if "attachment" in response.headers.get("content-disposition", ""):
                self.downloads.append(path)
                continue
            if response.status >= 400:
                self.errors[path] = response.status
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            self.checked.append(path)
            self.kinds[kind_of(self.page.url)] += 1
            self.page.evaluate(AXE_SCRIPT)
            self.page.evaluate(AXE_START, WCAG_TAGS)
            self.pending = True

    def finish_current(self):
        """Collect axe's result for the page loaded last, and queue its links."""
        if not self.pending:
            return
        self.page.wait_for_function("window.__axeViolations !== undefined", polling=50, timeout=60000)
        if found := self.page.evaluate("window.__axeViolations"):
            self.violations[self.page.url.removeprefix(self.origin)] = found
        for href in self.page.evaluate(LINKS):
            url = urldefrag(urljoin(self.page.url, href)).url
            relative = url.removeprefix(self.origin)
            if relative in self.seen or url in self.left_alone:
                continue
            if reason := why_not_follow(url, self.origin):
                self.left_alone[url] = reason
            else:
                self.seen.add(relative)
                self.queue.append(relative)
        self.pending = False


def crawl_side_by_side(crawls):
    while active := [crawl for crawl in crawls if crawl.active]:
        for crawl in active:
            crawl.start_next()
        for crawl in active:
            crawl.finish_current()


def role_context(browser, live_server, email):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(20000)
    if email:  # signed in as the sign-in form would, without spending a page load on it
        client = Client()
        client.force_login(User.objects.get(email=email))
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    return context


def test_every_page_each_role_can_reach_has_no_axe_violations(browser, live_server, framework, capsys):
    resolve("/")  # import every URLconf here first, never racing the server's thread
    education = seed_demo_data()
    contexts, crawls = [], []
    for role, email_of in ROLES.items():
        contexts.append(role_context(browser, live_server, email_of(education) if email_of else None))
        crawls.append(Crawl(role, contexts[-1].new_page(), live_server.url))
    started = time.monotonic()
    try:
        crawl_side_by_side(crawls)
    finally:
        for context in contexts:
            context.close()
    with capsys.disabled():
        print(f"\naxe crawl ({time.monotonic() - started:.0f}s): pages checked per role")
        for crawl in crawls:
            left_alone = Counter(crawl.left_alone.values()) + Counter({"downloads": len(crawl.downloads)})
            print(
                f"  {crawl.role}: {len(crawl.checked)} pages checked, {len(crawl.kinds)} kinds of page; "
                f"not followed: {', '.join(f'{n} {why}' for why, n in sorted(left_alone.items())) or 'none'}"
            )
    problems = {
        crawl.role: {"errors": crawl.errors, "axe": crawl.violations}
        for crawl in crawls
        if crawl.errors or crawl.violations
    }
    assert problems == {}, f"pages with errors or axe violations: {problems}"
    assert all(len(crawl.checked) >= 5 for crawl in crawls), "a crawl stopped early: is the demo data seeded?"
