"""The node of a ranking's bar chart, and how each builder family draws it:
an inline SVG in HTML (an SVG image of its own in EPUB, whose pages must
declare inline SVG in a way Sphinx's EPUB builder does not), bars of
``\\rule``\\ s in LaTeX; plain text, man and texinfo leave it out, as the
ranking's table beside it carries every figure."""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .chart import Bar, bar_chart_svg

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["ranking_chart", "setup_chart_node"]

#: The longest bar, as a fraction of the line, in LaTeX.
LATEX_BAR_WIDTH = 0.45


class ranking_chart(nodes.General, nodes.Element):  # noqa: N801 - docutils' node naming
    """A ranking's bar chart: ``base_id``, ``caption``, ``value_label`` and
    ``bars`` (``[name, shown value, value, highlighted]`` each)."""


def chart_bars(node: ranking_chart) -> list[Bar]:
    return [Bar(name, shown, float(value), bool(highlight))
            for name, shown, value, highlight in node["bars"]]


def html_visit_chart(self: Any, node: ranking_chart) -> None:
    if self.builder.name.startswith("epub"):
        self.body.append(_epub_image(self, node))
    else:
        self.body.append(bar_chart_svg(node["base_id"], node["caption"], node["value_label"],
                                       chart_bars(node)))
    raise nodes.SkipNode


def _epub_image(self: Any, node: ranking_chart) -> str:
    """Write the chart as an SVG file of the book and return its image."""
    svg = bar_chart_svg(node["base_id"], node["caption"], node["value_label"],
                        chart_bars(node), standalone=True)
    page = hashlib.sha256(self.builder.current_docname.encode()).hexdigest()[:10]
    filename = f"{node['base_id']}-{page}.svg"
    images = Path(self.builder.outdir, self.builder.imagedir)
    images.mkdir(parents=True, exist_ok=True)
    (images / filename).write_text(svg, encoding="utf-8")
    description = "; ".join(f"{bar.name} {bar.shown}" for bar in chart_bars(node))
    src = posixpath.join(self.builder.imgpath, filename)
    return (f'<img class="ranking-chart" src="{self.attval(src)}" '
            f'alt="{self.attval(node["caption"] + ": " + description)}" />')


def latex_visit_chart(self: Any, node: ranking_chart) -> None:
    bars = chart_bars(node)
    largest = max((abs(bar.value) for bar in bars), default=0.0) or 1.0
    rows = []
    for bar in bars:
        width = f"{LATEX_BAR_WIDTH * abs(bar.value) / largest:.3f}"
        name, shown = self.encode(bar.name), self.encode(bar.shown)
        if bar.highlight:
            name, shown = rf"\textbf{{{name}}}", rf"\textbf{{{shown}}}"
        rows.append(rf"{name} & \sphinxbriefingbar{{{width}}}{{{int(bar.highlight)}}}"
                    rf"\ {shown}\\")
    self.body.append("\n\\begin{center}\\small\n\\begin{tabular}{@{}r@{\\quad}l@{}}\n"
                     + "\n".join(rows) + "\n\\end{tabular}\n\\end{center}\n")
    raise nodes.SkipNode


def skip(self: Any, node: ranking_chart) -> None:
    raise nodes.SkipNode


def setup_chart_node(app: Sphinx) -> None:
    left_out = (skip, None)
    app.add_node(ranking_chart, html=(html_visit_chart, None), latex=(latex_visit_chart, None),
                 text=left_out, man=left_out, texinfo=left_out)
