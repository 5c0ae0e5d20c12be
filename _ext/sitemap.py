"""``sitemap.xml`` for the html and dirhtml builds: every page the build
has written, each at the URL its builder gives it (``X.html`` or ``X/``),
sorted, so that clean, incremental and parallel builds write the same file.

Written from Sphinx's public interface: the documents of the environment
and the extra pages written in this build (``html-page-context`` in the
main process: the index, the search page, the 404 page, redlines), each
kept only if its file is there. The base URL is ``html_baseurl``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

#: The builders that write one file (html) or one folder (dirhtml) per page.
SITEMAP_BUILDERS = frozenset({"html", "dirhtml"})
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def page_file(outdir: Path, uri: str) -> Path:
    """The file that the page at relative `uri` is served from."""
    return outdir / uri / "index.html" if uri.endswith("/") or not uri else outdir / uri


class Sitemap:
    """The pages written in one build (not persisted)."""

    def __init__(self) -> None:
        self.pages: set[str] = set()

    def note_page(self, app: Sphinx, pagename: str, templatename: str,
                  context: dict[str, Any], doctree: object) -> None:
        self.pages.add(pagename)

    def write(self, app: Sphinx, exception: BaseException | None) -> None:
        if exception is not None or app.builder.name not in SITEMAP_BUILDERS:
            return
        base = app.config.html_baseurl
        if not base:
            return
        base = base.rstrip("/") + "/"
        outdir = Path(app.outdir)
        uris = {app.builder.get_target_uri(page) for page in self.pages | set(app.env.found_docs)}
        root = ElementTree.Element("urlset", xmlns=NAMESPACE)
        for uri in sorted(uri for uri in uris if page_file(outdir, uri).is_file()):
            url = ElementTree.SubElement(root, "url")
            ElementTree.SubElement(url, "loc").text = base + uri
        ElementTree.ElementTree(root).write(outdir / "sitemap.xml", xml_declaration=True,
                                            encoding="utf-8", method="xml")


def setup(app: Sphinx) -> ExtensionMetadata:
    sitemap = Sitemap()
    app.connect("html-page-context", sitemap.note_page)
    app.connect("build-finished", sitemap.write)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
