"""An extension's stylesheets: its ``static/`` folder joins the HTML
static path, so that the builder copies the files with the theme's own
(before any page is written: pages link them with a checksum of the copied
file, the same in clean and incremental builds), and they are linked from
the pages of HTML builders only."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["add_stylesheets"]


def add_stylesheets(app: Sphinx, static_dir: Path, *filenames: str) -> None:
    """Copy `static_dir` into HTML builds and link `filenames` from there."""

    def add_static_dir(app: Sphinx, config: Config) -> None:
        # Before the builder reads html_static_path; a new list, so that
        # Sphinx's shared default is not changed in place.
        if str(static_dir) not in config.html_static_path:
            config.html_static_path = [*config.html_static_path, str(static_dir)]

    def link_stylesheets(app: Sphinx) -> None:
        if app.builder.format == "html":
            for filename in filenames:
                app.add_css_file(filename)

    app.connect("config-inited", add_static_dir)
    # Before the other extensions' (priority 500): the extensions' rules
    # come first, so that a theme's or a site's stylesheet can override them.
    app.connect("builder-inited", link_stylesheets, priority=400)
