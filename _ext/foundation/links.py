"""Links to other documents that survive builders which leave documents
out: a LaTeX document of some pages raises Sphinx's ``NoUri`` for a link to
the others, and the link's text stands alone there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.builders import Builder

__all__ = ["link_or_content"]


def link_or_content(builder: Builder, fromdocname: str, todocname: str, anchor: str | None,
                    content: nodes.Node, title: str | None = None) -> nodes.Node:
    """A link from `fromdocname` to `anchor` of `todocname` (its page where
    None) around `content`; `content` alone where the builder has no page
    for `todocname`."""
    try:
        return make_refnode(builder, fromdocname, todocname, anchor, content, title)
    except NoUri:
        return content
