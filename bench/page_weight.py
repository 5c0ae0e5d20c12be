"""Page weight of the built site: bytes a reader's browser fetches per page.

Builds nothing itself: build the site first (``make html``, or
``.venv/bin/sphinx-build -b html -q . /tmp/out/html``), then run

    .venv/bin/python bench/page_weight.py                  # measures _build/html
    .venv/bin/python bench/page_weight.py --html /tmp/out/html

It serves the build on 127.0.0.1 (a free port), loads the home page, the
Terms of Use and briefing pages in Chromium (Debian's /usr/bin/chromium,
driven by Playwright) with an empty cache each, and prints the response body
bytes per page by resource type (document, stylesheet, script, font, image,
other). The local server sends files uncompressed, so these are the sizes
before any gzip/brotli a production host would add. Then, through
``common.report()``, the extensions' own CSS/JS (the files of ``_ext/*/static/``
as copied to ``_static/``) against their 10 KB budget: all of them together,
and what each page actually loads.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from common import REPO, report

PAGES = {
    "home": "index.html",
    "terms": "source/terms/leap-terms-of-use.html",
    "briefing": "source/briefing/core-technologies.html",
    "ranking": "source/briefing/innovation-scheme.html",
}
TYPES = ("document", "stylesheet", "script", "font", "image", "other")
BUDGET_KB = 10.0
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the report readable
        pass


def extension_assets() -> list[str]:
    """Names of the extensions' own CSS and JS files (as they appear in _static/)."""
    return sorted({p.name for p in REPO.glob("_ext/*/static/*") if p.suffix in (".css", ".js")})


def page_weight(browser, url: str) -> tuple[dict[str, int], dict[str, int]]:
    """Bytes per resource type for one page load with an empty cache, and the
    bytes of each file under _static/ that it fetched."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    responses = []
    # A Python function: Playwright tags handlers with an attribute, which a
    # builtin such as list.append cannot take.
    page.on("response", lambda response: responses.append(response))  # noqa: PLW0108
    page.goto(url, wait_until="networkidle")
    by_type: dict[str, int] = defaultdict(int)
    static: dict[str, int] = {}
    for response in responses:
        if not 200 <= response.status < 300:  # redirects and errors carry no page content
            continue
        size = len(response.body())
        kind = response.request.resource_type
        by_type[kind if kind in TYPES else "other"] += size
        path = urlsplit(response.url).path
        if "/_static/" in path:
            static[path.rsplit("/", 1)[1]] = size
    context.close()
    return dict(by_type), static


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=REPO / "_build" / "html",
                        help="the HTML build to measure (default: _build/html; "
                             "run `make html` first)")
    args = parser.parse_args()
    outdir = args.html.resolve()
    missing = [rel for rel in PAGES.values() if not (outdir / rel).is_file()]
    if missing:
        print(f"{outdir} lacks {', '.join(missing)}: build the site first (make html)",
              file=sys.stderr)
        return 2
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for name, rel in PAGES.items():
                results[name] = page_weight(browser, base + rel)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()

    print(f"Page weight of {outdir} (response bodies, uncompressed, empty cache)\n")
    print(f"{'page':<10}" + "".join(f"{t:>12}" for t in TYPES) + f"{'total':>12}")
    for name, (by_type, _) in results.items():
        print(f"{name:<10}" + "".join(f"{by_type.get(t, 0):>12,}" for t in TYPES)
              + f"{sum(by_type.values()):>12,}")
    print()

    assets = extension_assets()
    shipped = {n: (outdir / "_static" / n).stat().st_size for n in assets
               if (outdir / "_static" / n).is_file()}
    print("extensions' files in _static/: "
          + ", ".join(f"{n} {s:,} B" for n, s in shipped.items()))
    rows = [report("extensions' own CSS+JS shipped in _static/ (all files)",
                   sum(shipped.values()) / 1024, BUDGET_KB, unit="KB")]
    for name, (_, static) in results.items():
        loaded = sum(size for file, size in static.items() if file in assets)
        rows.append(report(f"extensions' own CSS+JS loaded by the {name} page",
                           loaded / 1024, BUDGET_KB, unit="KB"))
    return 0 if all(row["pass"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
