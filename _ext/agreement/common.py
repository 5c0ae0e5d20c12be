"""Shared bits of the `agreement` extension: the warning subtypes, the
logging helper and the plain-text helpers that several features use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

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


def replace_nodes(replacements: Iterable[tuple[nodes.Node, Sequence[nodes.Node]]]) -> None:
    """Replace each node by its nodes (none: remove it), rebuilding the
    children of each parent once: `replace_self` looks a node up among its
    siblings, so a paragraph of many roles would cost its length per role."""
    by_parent: dict[int, tuple[nodes.Element, dict[int, Sequence[nodes.Node]]]] = {}
    for node, new in replacements:
        by_parent.setdefault(id(node.parent), (node.parent, {}))[1][id(node)] = new
    for parent, replaced in by_parent.values():
        children: list[nodes.Node] = []
        for child in parent.children:
            new = replaced.get(id(child))
            if new is None:
                children.append(child)
                continue
            for node in new:
                parent.setup_child(node)
            children.extend(new)
        parent.children[:] = children


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
