"""Walking and editing doctrees: the helpers every pass of the extension uses."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["HEADINGS", "Collected", "collect", "enclosing_block", "enclosing_clause",
           "is_inside", "located", "normalize_space", "replace_nodes"]

N = TypeVar("N", bound=nodes.Node)

#: Headings: no term is linked there (the markup contract); a link there
#: would also be copied into the table of contents.
HEADINGS = (nodes.title, nodes.subtitle, nodes.rubric)


class Collected:
    """The nodes that `collect` found, by class: ``found[term_use]`` is
    the list of the `term_use` nodes."""

    def __init__(self, found: dict[type, list[nodes.Node]]) -> None:
        self._found = found

    def __getitem__(self, cls: type[N]) -> list[N]:
        return cast("list[N]", self._found[cls])


def collect(root: nodes.Node, classes: Iterable[type[nodes.Node]]) -> Collected:
    """The nodes of each of `classes` (exact types) under `root`, in
    document order, found in one pass over the tree."""
    found: dict[type, list[nodes.Node]] = {cls: [] for cls in classes}
    stack = [root]
    while stack:
        node = stack.pop()
        bucket = found.get(type(node))
        if bucket is not None:
            bucket.append(node)
        stack.extend(reversed(node.children))
    return Collected(found)


def replace_nodes(replacements: Iterable[tuple[nodes.Node, Sequence[nodes.Node]]]) -> None:
    """Replace each node by its nodes (none: remove it), rebuilding the
    children of each parent once: `replace_self` looks a node up among its
    siblings, so a paragraph of many roles would cost its length per role."""
    by_parent: dict[int, tuple[nodes.Element, dict[int, Sequence[nodes.Node]]]] = {}
    for node, new in replacements:
        assert node.parent is not None
        by_parent.setdefault(id(node.parent), (node.parent, {}))[1][id(node)] = new
    for parent, replaced in by_parent.values():
        children: list[nodes.Node] = []
        for child in parent.children:
            if id(child) not in replaced:
                children.append(child)
                continue
            for node in replaced[id(child)]:
                parent.setup_child(node)
                children.append(node)
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
            return str(current["clause_number"])
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
