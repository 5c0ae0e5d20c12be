"""Clause numbers: every section of an agreement below its title is a
clause, numbered 1, 1.1, 1.1.1 ... in document order, the number shown in
its heading (so also in every table of contents)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .doctree import normalize_space

if TYPE_CHECKING:
    from .records import ClauseRecord

__all__ = ["CLAUSE_NUMBER", "heading_text", "number_clauses", "refresh_clause_title",
           "stable_anchor"]

#: The class of the number before a clause's heading (the markup contract's).
CLAUSE_NUMBER = "clause-number"


def _is_number(node: nodes.Node) -> bool:
    return isinstance(node, nodes.inline) and CLAUSE_NUMBER in node["classes"]


def number_clauses(document: nodes.document, title_section: nodes.section,
                   label_prefix: str | None = None) -> list[ClauseRecord]:
    """Number the sections below the title 1, 1.1, 1.1.1 ... in document
    order and show the number in each heading -- so also in every table of
    contents, which Sphinx builds from the headings afterwards.

    A labelled clause's first id becomes its stable anchor (`stable_anchor`),
    so the table of contents and every link use it.

    Returns one record per clause, in document order.
    """
    records: list[ClauseRecord] = []

    def visit(section: nodes.section, prefix: tuple[int, ...]) -> None:
        count = 0
        for child in section.children:
            if not isinstance(child, nodes.section):
                continue
            count += 1
            numbers = (*prefix, count)
            number = ".".join(map(str, numbers))
            title = child[0] if child.children and isinstance(child[0], nodes.title) else None
            if not child["ids"]:
                document.set_id(child)
            labels = _explicit_labels(document, child)
            label = next(iter(labels), None)
            if label is not None:
                _put_first(document, child, stable_anchor(label, label_prefix))
            child["clause_number"] = number
            child["clause_title"] = heading_text(title) if title is not None else ""
            records.append({
                "number": number,
                "label": label,
                "labels": labels,
                "title": child["clause_title"],
                "anchor": child["ids"][0],
                "depth": len(numbers),
                # docutils and MyST give a section the line of its heading.
                "line": child.line,
            })
            if title is not None:
                # "1." for a top-level clause, "1.1" below it, as legal texts do.
                shown = number + "." if len(numbers) == 1 else number
                title.insert(0, nodes.Text(" "))
                title.insert(0, nodes.inline(shown, shown, classes=[CLAUSE_NUMBER]))
            visit(child, numbers)

    visit(title_section, ())
    return records


def _explicit_labels(document: nodes.document, section: nodes.section) -> dict[str, str]:
    """The section's labels (explicit targets), each with the id it points
    at; a name docutils found twice points nowhere (its id is None) and is
    left out, as Sphinx's std domain leaves it out."""
    labels = {}
    for name in section["names"]:
        target = document.nameids.get(name)
        if document.nametypes.get(name) and target:
            labels[name] = target
    return labels


def stable_anchor(label: str, label_prefix: str | None) -> str:
    """The id of a clause labelled `label`: the label without the version's
    `label-prefix`, so that the same clause of two versions has the same
    anchor (``terms-2024.html#fees``, ``terms.html#fees``)."""
    if label_prefix and label.startswith(label_prefix) and len(label) > len(label_prefix):
        label = label[len(label_prefix):]
    return nodes.make_id(label) or nodes.make_id("clause-" + label)


def _put_first(document: nodes.document, section: nodes.section, anchor: str) -> None:
    """Make `anchor` the first id of `section`, unless another element of
    the page holds it (then the section keeps its ids)."""
    holder = document.ids.get(anchor)
    if holder is not None and holder is not section:
        return
    if anchor in section["ids"]:
        section["ids"].remove(anchor)
    section["ids"].insert(0, anchor)
    document.ids[anchor] = section


def heading_text(title: nodes.title) -> str:
    """The text of a clause's heading without its number."""
    children = title.children
    if children and _is_number(children[0]):
        children = children[2:]  # the number, and the space after it
    return normalize_space("".join(child.astext() for child in children))


def refresh_clause_title(node: nodes.Node) -> None:
    """A `clause` role in a clause's heading has just got its text: the
    clause's title (the JSON export's) is the heading as now shown."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.title):
        parent = parent.parent
    if parent is not None and isinstance(parent.parent, nodes.section) \
            and parent.parent.get("clause_number"):
        parent.parent["clause_title"] = heading_text(parent)
