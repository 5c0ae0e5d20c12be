"""Shared bits of the `agreement` extension: the warning subtypes, the
logging helper and the plain-text helpers that several features use."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterable

logger = logging.getLogger(__name__)

#: The warning ``type`` of every warning the extension emits.
WARNING_TYPE = "agreement"

#: Every warning subtype the extension emits, and when. This is the one list:
#: the authoring guide (source/guide/agreements.md) documents each subtype and
#: a test keeps the two in step. Silence one with
#: ``suppress_warnings = ["agreement.<subtype>"]``.
WARNING_SUBTYPES: dict[str, str] = {
    "missing-option": "the agreement directive lacks a required option (provider, last-updated)",
    "bad-date": "last-updated is not an ISO date YYYY-MM-DD",
    "bad-url": "source is not an http:, https: or mailto: URL, nor a relative one",
    "bad-previous": "previous names a missing document, a page that is not an agreement, "
    "or the agreement itself",
    "duplicate-agreement": "a second agreement directive in the same document",
    "missing-title": "an agreement document has no title",
    "misplaced-agreement": "the agreement directive is not placed right after the title",
    "undefined-term": "use names a term that the agreement does not define",
    "unused-term": "a defined term is never used elsewhere in its agreement",
    "duplicate-term": "a term (or its plural or singular) is defined twice in one agreement",
    "undeclared-definition": 'running text holds a parenthesised, quoted, capitalised phrase '
    'such as (the "Services") that is not marked with define',
    "unmarked-reference": "running text holds a hand-typed clause reference such as Section 4",
    "unknown-clause": "clause names a label that is not a clause of an agreement",
    "bad-range": "a clause range whose ends are in different agreements, out of order, "
    "or missing",
    "define-in-heading": "define is used inside a heading",
    "outside-agreement": "define or defined-terms is used in a document that is not an agreement",
    "empty-role": "define, use or clause is given no text",
}


def warn(subtype: str, message: str, location: object) -> None:
    """Log an agreement warning of `subtype` at `location` (a node, or a
    ``(docname, line)`` pair)."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


class role_problem(nodes.inline):
    """What a role with bad input leaves behind: its warning (``subtype``,
    ``message``) is emitted by the read-time pass, which knows the exact
    line (a role only knows its paragraph's first line)."""


def defer_warning(node: nodes.Element, subtype: str, message: str) -> None:
    """Have the read-time pass warn about `node` once its line is exact."""
    node.setdefault("deferred_warnings", []).append([subtype, message])


def collect(root: nodes.Node, classes: Iterable[type]) -> dict[type, list[nodes.Node]]:
    """The nodes of each of `classes` (exact types) under `root`, in
    document order, found in one pass over the tree."""
    found: dict[type, list[nodes.Node]] = {cls: [] for cls in classes}
    get = found.get
    # A walk with a stack of the nodes still to visit, in document order:
    # `findall` nests a generator per level of the tree for every node.
    stack = [root]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        bucket = get(type(node))
        if bucket is not None:
            bucket.append(node)
        children = node.children
        if children:
            extend(reversed(children))
    return found


def normalize_space(text: str) -> str:
    """`text` with every run of whitespace collapsed to one space."""
    return " ".join(text.split())


def located(node: nodes.Node) -> nodes.Node:
    """The nearest node, from `node` up, that knows its source line (a text
    node has none; its paragraph has)."""
    current: nodes.Node | None = node
    while current is not None:
        if getattr(current, "line", None):
            return current
        current = current.parent
    return node


def exact_line(node: nodes.Node, offset_in_node: int = 0) -> int | None:
    """The source line of `node` (and of the character `offset_in_node` into
    it). Roles and text nodes only know the first line of their paragraph
    (or heading): add the line breaks of the text before them."""
    block = enclosing_block(node)
    # A role knows the line where its paragraph or heading starts; a text
    # node does not, its paragraph does.
    base = node.line if isinstance(node, nodes.Element) and node.line else None
    if block is None:
        return base or getattr(located(node), "line", None)
    base = base or block.line
    if not base:
        return None
    return base + _line_breaks_before(block, node, offset_in_node)


def _line_breaks_before(block: nodes.Element, node: nodes.Node, offset_in_node: int) -> int:
    """The line breaks in the text of `block` before `node` (a descendant)
    and its first `offset_in_node` characters: the text before a node is
    that of the siblings before it and before each of its ancestors up to
    `block`, so only those are looked at."""
    count = 0
    if offset_in_node:
        count = "".join(_texts(node)).count("\n", 0, offset_in_node)
    current = node
    while current is not block:
        parent = current.parent
        for sibling in parent.children:
            if sibling is current:
                break
            if isinstance(sibling, nodes.Text):
                count += sibling.count("\n")
            else:
                count += sum(text.count("\n") for text in _texts(sibling))
        current = parent
    return count


def _texts(node: nodes.Node) -> list[str]:
    """The text nodes under `node` (itself included), in document order."""
    if isinstance(node, nodes.Text):
        return [node]
    texts: list[str] = []
    stack = list(reversed(node.children))
    while stack:
        current = stack.pop()
        if isinstance(current, nodes.Text):
            texts.append(current)
        elif current.children:
            stack.extend(reversed(current.children))
    return texts


def text_location(node: nodes.Text, offset: int) -> str | nodes.Node:
    """A warning location ``source:line`` for the character at `offset` in
    the text node `node`."""
    anchor = located(node)
    line = exact_line(node, offset)
    if anchor.source and line:
        return f"{anchor.source}:{line}"
    return anchor


#: Headings: no term is linked there (the markup contract); a link there
#: would also be copied into the table of contents.
HEADINGS = (nodes.title, nodes.subtitle, nodes.rubric)


def is_inside(node: nodes.Node, ancestor_types: type | tuple[type, ...]) -> bool:
    """Whether `node` has an ancestor of one of `ancestor_types`."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, ancestor_types):
            return True
        parent = parent.parent
    return False


def enclosing_clause(node: nodes.Node) -> str | None:
    """The number of the innermost clause (numbered section) holding `node`."""
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.section) and current.get("clause_number"):
            return current["clause_number"]
        current = current.parent
    return None


# A sentence ends at ., ! or ? (with any closing quotes or brackets) and
# whitespace, unless the full stop closes a usual abbreviation or an initial.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Inc|Ltd|Co|Corp|LLC|No|Nos|e\.g|i\.e|etc|vs|cf|U\.S|Mr|Mrs|Ms|Dr|St|Art|Sec)"
    r"|\b[A-Z])\.$"
)


def sentence_at(text: str, offset: int) -> str:
    """The sentence of `text` that holds the character at `offset`."""
    start, end = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        stop = match.start() + 1
        if _ABBREVIATION.search(text[max(0, stop - 6):stop]):
            continue
        if match.end() <= offset:
            start = match.end()
        else:
            end = match.end()
            break
    return normalize_space(text[start:end])


def enclosing_block(node: nodes.Node) -> nodes.Element | None:
    """The nearest block-level text element (paragraph, list term, ...) that
    holds `node`."""
    current = node.parent
    while current is not None:
        if isinstance(current, nodes.TextElement) and not isinstance(current, nodes.Inline):
            return current
        current = current.parent
    return None


def join_items(items: Iterable[list[nodes.Node]]) -> list[nodes.Node]:
    """`A`, `A and B`, `A, B and C`: the English list of `items`."""
    items = list(items)
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(" and " if index == len(items) - 1 else ", "))
        result.extend(item)
    return result
