"""The extension's stylesheet, ``static/agreement.css``: its folder joins
the HTML static path, so the builder copies it into ``_static/`` with the
theme's files, before any page is written (pages link it with a checksum of
the copied file, which must be the same in clean and incremental builds)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).with_name("static")


def add_static_dir(app: Sphinx, config: Config) -> None:
    # In config-inited, before the builder reads html_static_path; a new
    # list, so that the default is not changed in place.
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def setup_assets(app: Sphinx) -> None:
    app.add_css_file("agreement.css")
    app.connect("config-inited", add_static_dir)
