"""Step helpers shared by the browser journeys: every page visited is checked with axe and photographed.

A `Journey` records each top-level navigation of its page; `check(name)` runs axe on the page as it
stands and saves a numbered screenshot. `finish()` fails if any page was visited without a check, so
a journey cannot skip the accessibility check of a page by accident.
"""

import contextlib

from accounts.tests.factories import TEST_PASSWORD

from .axe import assert_accessible


class Journey:
    def __init__(self, page, screenshot, prefix):
        self.page = page
        self._screenshot = screenshot
        self.prefix = prefix
        self.step = 0
        self.visits = []  # [url, checked]
        self.shots = []
        # Navigation requests, not frame events: a form re-rendered at the same address is a new page
        # to check, while a jump to a fragment on the same page is not.
        page.on("request", self._requested)
        page.on("download", self._downloaded)

    def _requested(self, request):
        if not request.is_navigation_request() or request.frame != self.page.main_frame:
            return
        if request.redirected_from is not None and self.visits:
            self.visits[-1] = [request.url, False]  # POST then redirect: only the page it lands on is seen
        else:
            self.visits.append([request.url, False])

    def _downloaded(self, download):
        if self.visits and self.visits[-1][0] == download.url:
            self.visits.pop()  # a file, not a page: nothing for axe to check

    def check(self, name, *, shot=True):
        """axe on the current page (zero WCAG A/AA violations), then a numbered screenshot."""
        self.page.wait_for_load_state("load")
        assert_accessible(self.page)
        if self.visits:
            self.visits[-1][1] = True
        if shot:
            self.shot(name)

    def shot(self, name):
        """A numbered screenshot of the page already checked (a new focus or selection, not a new page)."""
        self.step += 1
        self.shots.append(self._screenshot(f"{self.prefix}-{self.step:02d}-{name}"))

    def finish(self, capsys=None):
        """Fail on any page left unchecked; print where the screenshots are (through -q with capsys)."""
        unchecked = [url for url, checked in self.visits if not checked]
        assert unchecked == [], f"pages visited without an axe check: {unchecked}"
        if self.shots and self.shots[0].exists():  # none are taken with E2E_SCREENSHOTS=0
            message = f"\n{self.prefix}: {len(self.shots)} screenshots in {self.shots[0].parent}/{self.prefix}-*.png"
            with capsys.disabled() if capsys else contextlib.nullcontext():
                print(message)

    # ------------------------------------------------------------------------------------------
    # Moves that load a page

    def goto(self, path, name, **kwargs):
        self.page.goto(path)
        self.check(name, **kwargs)

    def click_link(self, name, step, *, exact=False, **kwargs):
        with self.page.expect_navigation():
            # GOV.UK start and action links are <a role="button">: found as either role.
            link = self.page.get_by_role("link", name=name, exact=exact)
            link.or_(self.page.get_by_role("button", name=name, exact=exact)).first.click()
        self.check(step, **kwargs)

    def press(self, name, step, *, exact=True, **kwargs):
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=name, exact=exact).click()
        self.check(step, **kwargs)

    def sign_in(self, user, name, password=TEST_PASSWORD):
        self.page.goto("/accounts/login/")
        self.check(f"{name}-sign-in", shot=False)
        self.page.fill("#id_username", user.email)
        self.page.fill("#id_password", password)
        with self.page.expect_navigation():
            self.page.click("text=Sign in >> nth=-1")
        self.check(f"{name}-home")

    def sign_out(self, name=None):
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="Sign out").click()
        self.page.wait_for_url("**/accounts/login/**")
        self.check(name or "signed-out", shot=False)


def heading(page):
    return page.locator("h1").inner_text().strip()


def error_summary(page):
    return page.locator(".govuk-error-summary").inner_text()


def minimal_pdf(text="Records management policy"):
    """A small, valid one-page PDF written by hand (correct cross-reference offsets)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
