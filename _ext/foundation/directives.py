"""Helpers for directives of both syntaxes (reStructuredText and MyST)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

__all__ = ["option_location"]


def option_location(directive: SphinxDirective, name: str) -> tuple[str, int]:
    """``(docname, line)`` of the line that gives option `name` of
    `directive`, else of the directive itself.

    Both parsers give a directive its own line (``lineno``) and its text
    from that line on (``block_text``): reST options are ``:name: value``
    lines, MyST's are those or ``name: value`` in a YAML block; in both,
    the options end at the first blank line.
    """
    for index, text in enumerate(directive.block_text.splitlines()[1:], start=1):
        stripped = text.strip()
        if not stripped:
            break
        if stripped.startswith((f":{name}:", f"{name}:")):
            return directive.env.docname, directive.lineno + index
    return directive.env.docname, directive.lineno
