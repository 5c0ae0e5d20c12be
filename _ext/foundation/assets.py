"""An extension's stylesheets: its ``static/`` folder joins the HTML
static path, so that the builder copies the files with the theme's own
(before any page is written: pages link them with a checksum of the copied
file, the same in clean and incremental builds), and they are linked from
the pages of HTML builders only.

Each extension's stylesheet declares its own custom properties with
defaults that read well in any theme; a second stylesheet per theme maps
them to that theme's variables, and is linked only when the builder writes
with that theme (furo's pages, not the EPUB's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["add_stylesheets"]


def add_stylesheets(app: Sphinx, static_dir: Path, *filenames: str,
                    for_theme: Mapping[str, Sequence[str]] | None = None) -> None:
    """Copy `static_dir` into HTML builds and link `filenames` from there,
    then the files that `for_theme` names for the builder's theme."""

    def add_static_dir(app: Sphinx, config: Config) -> None:
        # Before the builder reads html_static_path; a new list, so that
        # Sphinx's shared default is not changed in place.
        if str(static_dir) not in config.html_static_path:
            config.html_static_path = [*config.html_static_path, str(static_dir)]

    def link_stylesheets(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        theme = getattr(getattr(app.builder, "theme", None), "name", None)
        for filename in (*filenames, *(for_theme or {}).get(theme or "", ())):
            app.add_css_file(filename)

    app.connect("config-inited", add_static_dir)
    # Before the other extensions' (priority 500): the extensions' rules
    # come first, so that a theme's or a site's stylesheet can override them.
    app.connect("builder-inited", link_stylesheets, priority=400)
