"""Playwright (Python) driving Debian's chromium against pytest-django's live server.

Without /usr/bin/chromium these tests skip — unless E2E_REQUIRE_BROWSER=1 (set by .ci/run),
when they fail: CI must never go green by skipping the browser.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from accounts.tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "screenshots"
# Screenshots are for people to look at; CI has nobody looking and a 15-minute budget (.ci/run sets 0).
TAKE_SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS", "1") != "0"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _own_queue(private_queue):
    """Emails and report jobs the pages send go to a queue of this test's own (root `private_queue`)."""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("E2E_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread anyway.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(page):
    def _sign_in(email, password=TEST_PASSWORD):
        page.goto("/accounts/login/")
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("text=Sign in >> nth=-1")
        page.wait_for_load_state("networkidle")
        return page

    return _sign_in


@pytest.fixture
def screenshot(page):
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def _screenshot(name):
        path = SCREENSHOT_DIR / f"{name}.png"
        if TAKE_SCREENSHOTS:
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(path), full_page=True)
        return path

    return _screenshot
