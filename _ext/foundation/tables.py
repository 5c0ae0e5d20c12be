"""Docutils tables built from cells (lists of nodes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["make_table"]


def make_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Sequence[nodes.Node]]],
    *,
    classes: Sequence[str] = (),
    widths: Sequence[int] | None = None,
    title: Sequence[nodes.Node] | None = None,
    row_classes: Sequence[Sequence[str]] | None = None,
) -> nodes.table:
    """A table with a header row of `headers` and a row per item of `rows`
    (each a sequence of cells, each a sequence of inline nodes)."""
    table = nodes.table(classes=list(classes))
    if title:
        table += nodes.title("", "", *title)
    tgroup = nodes.tgroup(cols=len(headers))
    table += tgroup
    if widths is None:
        # Plain-text builders draw columns this wide; HTML sizes them itself.
        widths = [
            max([len(header)] + [len("".join(n.astext() for n in row[i])) for row in rows])
            for i, header in enumerate(headers)
        ]
    for width in widths:
        tgroup += nodes.colspec(colwidth=width)
    head_row = nodes.row()
    for header in headers:
        head_row += nodes.entry("", nodes.paragraph(header, header))
    tgroup += nodes.thead("", head_row)
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        row = nodes.row(classes=list(row_classes[index]) if row_classes else [])
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", *cell))
        body += row
    tgroup += body
    return table
