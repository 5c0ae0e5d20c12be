"""Helpers for directives of both syntaxes (reStructuredText and MyST)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

__all__ = ["body_line", "option_location"]


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


def body_line(directive: SphinxDirective, index: int) -> int:
    """The source line of line `index` (0-based) of `directive`'s body.

    reST keeps each body line's own place in the file in the content's
    items (docutils' ``StringList``), and its ``content_offset`` is the
    first one's, after the directive's own line; MyST numbers a body from
    0 and gives ``content_offset`` from the directive's own line.
    """
    items = directive.content.items
    if items and items[0][1] == directive.content_offset >= directive.lineno:  # reST
        if index < len(items):
            return items[index][1] + 1
        return directive.content_offset + index + 1
    return directive.lineno + directive.content_offset + index + 1
