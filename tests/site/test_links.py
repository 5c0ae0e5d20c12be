"""Link integrity: every local link and #anchor of every built page resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from pathlib import Path


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for attr in ("href", "src"):
            if attrs.get(attr) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[attr])


def _parse(path: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def crawl(outdir: Path) -> tuple[int, list[str]]:
    """Check every local link of every page; returns (links checked, broken)."""
    pages = {p: _parse(p) for p in sorted(outdir.rglob("*.html"))}
    checked, broken = 0, []
    for page, parsed in pages.items():
        if page.name == "404.html":  # its links are absolute to the site root
            continue
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target_url, anchor = parts.path, parts.fragment
            target = (page.parent / unquote(target_url)).resolve() if target_url else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(outdir)}: {link} (no such file)")
            elif anchor and target.suffix == ".html":
                parsed_target = pages.get(target) or _parse(target)
                if unquote(anchor) not in parsed_target.ids:
                    broken.append(f"{page.relative_to(outdir)}: {link} (no such anchor)")
    return checked, broken


def test_every_local_link_and_anchor_resolves(site, site_ja):
    # Each edition links to the other's pages: they are built side by side.
    for edition in (site, site_ja):
        checked, broken = crawl(edition.outdir)
        assert checked > 100
        assert broken == []


def test_crawler_finds_a_broken_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#here">x</a><a href="#top" id="top">', "utf-8")
    (tmp_path / "b.html").write_text('<p id="there">', "utf-8")
    checked, broken = crawl(tmp_path)
    assert checked == 2
    assert broken == ["a.html: b.html#here (no such anchor)"]
