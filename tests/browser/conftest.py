"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium
driven by Playwright (browser downloads do not work here, so Playwright is
pointed at /usr/bin/chromium).

Locally without Chromium the browser tests skip with one reason line; on CI
(``CI`` set) a missing browser is an error, since .ci/run installs it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SKIP_REASON = ("BROWSER TESTS SKIPPED: Debian's chromium is not installed "
               "(apt-get install chromium); CI installs it and always runs them")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_report_header(config):
    return None if CHROMIUM else SKIP_REASON


BROWSER_TESTS = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser/ is a `browser` test, so that
    ``-m "not browser"`` leaves all of them out (and ``-m browser`` runs
    only them), whichever module of this folder holds it."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


def _serve(directory: Path):
    """Serve `directory` over HTTP on a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served_site(site):
    """Base URL of the session's site build, served over HTTP on a free port."""
    assert site.returncode == 0, site.warnings
    yield from _serve(site.outdir)


@pytest.fixture(scope="session")
def served_editions(site, site_ja):
    """Base URL of the folder holding both editions, ``html/`` and
    ``html-ja/``, served over HTTP on a free port (their language links
    lead from one to the other)."""
    assert site_ja.returncode == 0, site_ja.warnings
    yield from _serve(site.outdir.parent)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests but chromium is missing")
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and failed requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("response", lambda r: r.status >= 400
            and page.console_errors.append(f"HTTP {r.status} {r.url}"))
    yield page
    context.close()


SCREENSHOTS = Path(__file__).resolve().parents[2] / "_build" / "screenshots"


@pytest.fixture
def set_theme():
    """Switch furo's theme the way its toggle stores it, then reload."""

    def switch(page, theme: str) -> None:
        page.evaluate(f"localStorage.setItem('theme', '{theme}')")
        page.reload()
        assert page.evaluate("document.body.dataset.theme") == theme

    return switch
