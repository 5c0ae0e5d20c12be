"""An extension's LaTeX style file: listed in ``latex_additional_files``
(Sphinx copies those beside the ``.tex`` file) and loaded with
``\\usepackage`` by the LaTeX builder.

The styles use Sphinx's own hooks: a container with class ``foo`` is
written inside ``sphinxuseclass{foo}``, which uses the environment
``sphinxclassfoo`` when one is defined; an inline node with class ``foo``
is written as ``\\DUrole{foo}{...}``, which uses ``\\DUrolefoo`` when one is
defined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["add_latex_style"]


def add_latex_style(app: Sphinx, style: Path) -> None:
    """Load the LaTeX package `style` (a ``.sty`` file) in LaTeX builds."""

    def add_file(app: Sphinx, config: Config) -> None:
        # A new list, so that Sphinx's shared default is not changed in place.
        if str(style) not in config.latex_additional_files:
            config.latex_additional_files = [*config.latex_additional_files, str(style)]

    app.connect("config-inited", add_file)
    app.add_latex_package(style.stem)
