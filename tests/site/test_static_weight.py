"""The local extensions' own stylesheets and scripts, as the site build ships
them: together at most 10 KB, copied unchanged into ``_static/``, and linked
from every page that uses them.

The files are found by listing ``_ext/*/static/``, so a new extension file is
weighed and checked without editing this test. A page "uses" a stylesheet
when an element of the page carries a class that starts one of the
stylesheet's selectors (``.ranking .highlight td`` → ``ranking``)."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from sitebuild import REPO

if TYPE_CHECKING:
    from pathlib import Path

BUDGET_BYTES = 10 * 1024
# The two extensions' files (the site's own module for its Japanese edition,
# _ext/site_languages, ships a script to that edition only, weighed there).
ASSETS = sorted(p for p in REPO.glob("_ext/*/static/*") if p.suffix in (".css", ".js")
                and p.parent.parent.name in ("agreement", "briefing"))

COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A selector list is what comes before "{", after the previous "}", ";" or "{".
SELECTOR_LIST = re.compile(r"(?:^|[{};])\s*([^{};@\s][^{};]*?)\s*\{")
FIRST_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
NOT_ARGUMENT = re.compile(r":not\([^)]*\)")


def leading_classes(css: str) -> set[str]:
    """The first class of every selector of a stylesheet."""
    classes = set()
    for selectors in SELECTOR_LIST.findall(COMMENT.sub("", css)):
        for selector in selectors.split(","):
            if match := FIRST_CLASS.search(NOT_ARGUMENT.sub("", selector)):
                classes.add(match.group(1))
    return classes


class PageAssets(HTMLParser):
    """The classes used on a page and the stylesheets and scripts it links."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.classes.update((values.get("class") or "").split())
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split():
            self.links.add(values.get("href") or "")
        elif tag == "script" and values.get("src"):
            self.links.add(values["src"] or "")


def linked_files(page: Path, outdir: Path, hrefs: set[str]) -> set[str]:
    """Output-relative paths of the local files a page links (query strings dropped)."""
    base = page.parent.relative_to(outdir).as_posix()
    return {posixpath.normpath(posixpath.join(base, href.split("?", 1)[0].split("#", 1)[0]))
            for href in hrefs if "://" not in href and not href.startswith("//")}


@pytest.fixture(scope="module")
def pages(site):
    assert site.returncode == 0, site.warnings
    parsed = {}
    for path in sorted(site.outdir.rglob("*.html")):
        parser = PageAssets()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site.outdir).as_posix()] = (
            parser.classes, linked_files(path, site.outdir, parser.links))
    return parsed


def shipped_copy(site, asset: Path) -> Path | None:
    copy = site.outdir / "_static" / asset.name
    return copy if copy.is_file() else None


def test_the_extensions_have_static_files():
    names = {p.name for p in ASSETS}
    assert {"agreement.css", "briefing.css"} <= names, names
    # One flat _static/ folder: two extensions must not ship the same name.
    assert len(names) == len(ASSETS), ASSETS


def test_shipped_css_and_js_total_at_most_10_kb(site):
    shipped = {a.name: copy.stat().st_size for a in ASSETS if (copy := shipped_copy(site, a))}
    assert {"agreement.css", "briefing.css"} <= set(shipped), shipped
    assert sum(shipped.values()) <= BUDGET_BYTES, shipped
    # Files not shipped by this build (e.g. the redline's, with no redline page
    # yet) count too: any build that needs them ships them.
    everything = {a.name: a.stat().st_size for a in ASSETS}
    assert sum(everything.values()) <= BUDGET_BYTES, everything


@pytest.mark.parametrize("asset", ASSETS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_file_is_shipped_unchanged_and_linked_where_used(site, pages, asset):
    target = f"_static/{asset.name}"
    if asset.stem.endswith("-furo"):
        # A theme's mapping of the properties: wherever its stylesheet is.
        base = f"_static/{asset.stem.removesuffix('-furo')}.css"
        users = sorted(rel for rel, (_, links) in pages.items() if base in links)
        assert users, f"no page links {base}"
    elif asset.suffix == ".css":
        roots = leading_classes(asset.read_text(encoding="utf-8"))
        assert roots, f"{asset.name} has no class selector to tell which pages use it"
        users = sorted(rel for rel, (classes, _) in pages.items() if classes & roots)
    else:  # a script is used by the pages that link it
        users = sorted(rel for rel, (_, links) in pages.items() if target in links)
    copy = shipped_copy(site, asset)
    if not users:
        # Nothing on the site uses it: it may stay out of the build, but a
        # shipped copy must still be current.
        assert copy is None or copy.read_bytes() == asset.read_bytes(), f"{target} is stale"
        return
    assert copy is not None, f"{target} is missing, yet {users[0]} uses its classes"
    assert copy.read_bytes() == asset.read_bytes(), f"{target} differs from {asset}"
    not_linking = [rel for rel in users if target not in pages[rel][1]]
    assert not_linking == [], f"pages that use {asset.name} without linking it"


def test_classes_are_read_from_selectors():
    # The selector reading that decides which pages need which file.
    css = """/* .ignored { } */ :root { --x: 1; }
      body[data-theme="dark"] .card-a { }
      @media (prefers-color-scheme: dark) { body:not([data-theme="light"]) .card-b p { } }
      div.card-c.container, .card-d > .inner, a.card-e[title]:focus-visible::after { }"""
    assert leading_classes(css) == {"card-a", "card-b", "card-c", "card-d", "card-e"}
