"""A date in running text: ``<time datetime="...">`` in HTML, its text in
every other format."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .dates import PartialDate

__all__ = ["date_element", "setup_dated", "time_element"]


class time_element(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils' node naming
    """A date; ``datetime`` holds its ISO form (``2025-07-15``, ``2023-05``)."""


def date_element(date: PartialDate, language: str | None, **attributes: Any) -> time_element:
    """`date` as readers read it in `language`, in its `time_element`:
    ``<time datetime="2021-08">August 2021</time>``."""
    readable = date.readable(language)
    return time_element(readable, readable, datetime=date.iso, **attributes)


def _visit_html(self: Any, node: time_element) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def _depart_html(self: Any, node: time_element) -> None:
    self.body.append("</time>")


def _visit_text(self: Any, node: time_element) -> None:
    pass


def _depart_text(self: Any, node: time_element) -> None:
    pass


def setup_dated(app: Sphinx) -> None:
    text = (_visit_text, _depart_text)
    app.add_node(time_element, html=(_visit_html, _depart_html), latex=text, text=text,
                 man=text, texinfo=text)
