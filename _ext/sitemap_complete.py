"""Make sphinx-sitemap's sitemap.xml complete and stable.

sphinx-sitemap collects the pages written by *this* build in a
multiprocessing queue: an incremental build then lists only the pages it
rewrote, and a parallel build lists them in whatever order the workers
finished. Just before it writes the file, this refills its queue with every
document of the environment plus the pages written this time, sorted.
"""

from __future__ import annotations

import queue
from typing import Any

from sphinx.application import Sphinx


def _complete_links(app: Sphinx, exception: Exception | None) -> None:
    links_queue = getattr(app.env.app, "sitemap_links", None)
    if exception is not None or links_queue is None or app.builder.format != "html":
        return
    links: dict[str, Any] = {}
    while True:
        try:
            link, last_updated = links_queue.get_nowait()
        except queue.Empty:
            break
        links[link] = last_updated
    suffix = app.config.html_file_suffix or ".html"
    for docname in app.env.found_docs:
        links.setdefault(docname + suffix, None)
    excludes = app.config.sitemap_excludes
    from sphinx_sitemap import is_excluded

    for link in sorted(links):
        if not is_excluded(link, excludes):
            links_queue.put((link, links[link]))


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_sitemap")
    # Before sphinx-sitemap's own build-finished handler (priority 500).
    app.connect("build-finished", _complete_links, priority=400)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
