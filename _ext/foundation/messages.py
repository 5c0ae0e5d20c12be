"""Translated messages with nodes in them: a message template of a catalog
(``This version takes effect on {date}.``) filled with nodes, so that a
language puts the parts -- links among them -- in its own order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["fill"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **parts: Sequence[nodes.Node]) -> list[nodes.Node]:
    """The nodes of a translated message `template`: its text, with each
    ``{name}`` replaced by the nodes `parts[name]`. Neighbouring texts are
    joined into one text node."""
    result: list[nodes.Node] = []
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        for node in parts[piece] if index % 2 else [nodes.Text(piece)] if piece else []:
            if isinstance(node, nodes.Text) and result and isinstance(result[-1], nodes.Text):
                result[-1] = nodes.Text(result[-1] + node)
            else:
                result.append(node)
    return result
