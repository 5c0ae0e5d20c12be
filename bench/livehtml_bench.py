"""Live preview as the author feels it: the time from saving a change to an
agreement page until the page that ``sphinx-autobuild`` serves shows it, read
in the browser (Playwright driving Debian's chromium, reloading the page
until the new word is there).

On the 60-page auto-linking corpus (50 terms a page), with the real
`agreement` extension and with the do-nothing floor stub in turn, and on
the real site (the extension alone: the floor cannot build the site's other
directives). For each: the median of --edits saves (each a new word added
to a clause of one page) and the range. Target: real/floor at most 1.2.

    .venv/bin/python bench/livehtml_bench.py [--edits 5]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from autolink_bench import write_corpus
from common import REPO, report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AUTOBUILD = Path(sys.executable).with_name("sphinx-autobuild")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(srcdir: Path, outdir: Path, port: int, *ignored: Path) -> subprocess.Popen:
    """sphinx-autobuild on `srcdir`, as ``make livehtml`` runs it."""
    command = [str(AUTOBUILD), str(srcdir), str(outdir), "--host", "127.0.0.1",
               "--port", str(port), "-q", "--ignore", str(outdir)]
    for path in ignored:
        command += ["--ignore", str(path)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            cwd=srcdir)


def wait_for(page, url: str, text: str | None, timeout: float = 120.0) -> float:
    """Reload `url` until its body holds `text` (or, with None, until it
    loads); the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            page.goto(url, wait_until="domcontentloaded", timeout=5000)
            if text is None or text in page.inner_text("body"):
                return time.perf_counter() - start
        except Exception:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def latencies(browser, srcdir: Path, page_source: Path, page_url: str, edits: int,
              *ignored: Path) -> list[float]:
    """Seconds from saving each of `edits` edits of `page_source` until the
    served page shows it."""
    outdir = srcdir.parent / f"{srcdir.name}-live"
    port = free_port()
    server = serve(srcdir, outdir, port, *ignored)
    page = browser.new_page()
    url = f"http://127.0.0.1:{port}/{page_url}"
    try:
        wait_for(page, url, None, timeout=600)  # the first, full build
        original = page_source.read_text("utf-8")
        found = []
        for number in range(edits):
            marker = f"livemarker{number}x"
            time.sleep(1.0)  # let the watcher settle after the last build
            page_source.write_text(original.rstrip("\n") + f"\n\n{marker}.\n", "utf-8")
            saved = time.perf_counter()
            wait_for(page, url, marker)
            found.append(time.perf_counter() - saved)
        page_source.write_text(original, "utf-8")
        return found
    finally:
        page.close()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(outdir, ignore_errors=True)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    if CHROMIUM is None or not AUTOBUILD.exists():
        print("  chromium or sphinx-autobuild missing: no live-preview figures")
        return []
    from playwright.sync_api import sync_playwright

    rows = []
    root = Path(tempfile.mkdtemp(prefix="livehtml-"))
    try:
        write_corpus(root, args.pages, 50, 550, kinds=("real", "floor"))
        site = root / "site"
        shutil.copytree(REPO, site, ignore=shutil.ignore_patterns(
            "_build", ".venv", ".git", ".hypothesis", ".pytest_cache", "tests", "bench"))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            medians = {}
            name = f"page{min(10, args.pages - 1):03d}"
            for kind in ("real", "floor"):
                found = latencies(browser, root / kind, root / kind / f"{name}.rst",
                                  f"{name}.html", args.edits)
                medians[kind] = statistics.median(found)
                print(f"  corpus, {kind}: median {medians[kind]:.2f} s "
                      f"(from {min(found):.2f} to {max(found):.2f} s, {len(found)} edits)",
                      flush=True)
            rows.append(report("live preview: save to page shown, real / floor (corpus)",
                               medians["real"] / medians["floor"], 1.2))
            terms = site / "source" / "terms" / "leap-terms-of-use.rst"
            found = latencies(browser, site, terms, "source/terms/leap-terms-of-use.html",
                              args.edits, site / "_ext")
            print(f"  real site: median {statistics.median(found):.2f} s "
                  f"(from {min(found):.2f} to {max(found):.2f} s)", flush=True)
            rows.append(report("live preview: save to page shown, real site",
                               statistics.median(found), 10, unit="s"))
            browser.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    main()
