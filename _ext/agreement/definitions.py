"""The definitions of an agreement: one `DefinedTerm` per defined term, with
its id, its forms and its defining sentence, while the read-time pass
counts and links its uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

from .blocktext import BlockText
from .diagnostics import __, warn
from .doctree import HEADINGS, enclosing_block, enclosing_clause
from .forms import slugify, term_forms

if TYPE_CHECKING:
    from .records import TermRecord
    from .term_nodes import term_definition

__all__ = ["DefinedTerm", "collect_definitions"]


@dataclass
class DefinedTerm:
    """A term while its agreement is read; `record` is what is kept."""

    term: str
    id: str
    forms: tuple[str, ...]
    clause: str | None
    sentence: str
    line: int | None
    node: term_definition
    #: How often the term is used, and the clauses that use it (in the
    #: order found; `record` sorts them).
    uses: int = 0
    used_in: list[str] = field(default_factory=list)

    def note_use(self, clause: str | None, seen: set[tuple[str, str]]) -> None:
        """Count a use in `clause`; `seen` holds the (term, clause) pairs
        noted in this agreement, so that each clause is listed once."""
        self.uses += 1
        if clause and (self.term, clause) not in seen:
            seen.add((self.term, clause))
            self.used_in.append(clause)

    def record(self, clause_order: dict[str, int]) -> TermRecord:
        return {
            "term": self.term, "id": self.id, "forms": self.forms, "clause": self.clause,
            "sentence": self.sentence,
            "used_in": tuple(sorted(self.used_in, key=clause_order.__getitem__)),
            "line": self.line,
        }


class TermIds:
    """The ids ``term-<slug>`` of a document's definitions, suffixed ``-2``,
    ``-3`` ... when taken. The last suffix of each slug is remembered, so
    that a slug defined many times does not cost more each time."""

    def __init__(self, document: nodes.document) -> None:
        self.document = document
        self.counters: dict[str, int] = {}

    def new(self, term: str) -> str:
        base = "term-" + slugify(term)
        counter = self.counters.get(base, 1)
        candidate = base if counter == 1 else f"{base}-{counter}"
        while candidate in self.document.ids:
            counter += 1
            candidate = f"{base}-{counter}"
        self.counters[base] = counter
        return candidate


def collect_definitions(document: nodes.document,
                        definitions: list[term_definition]) -> list[DefinedTerm]:
    """One `DefinedTerm` per defined term, in document order; a repeated
    definition (any form) warns and links to the first."""
    terms: list[DefinedTerm] = []
    owner: dict[str, DefinedTerm] = {}
    # Each block's text is read once, however many definitions it holds.
    texts: dict[int, BlockText] = {}
    ids = TermIds(document)
    for node in definitions:
        # A definition is inline: inside a heading, the heading is its block
        # (one walk up the tree for both questions).
        block = enclosing_block(node)
        if isinstance(block, HEADINGS):
            warn("define-in-heading", __("define {term} in a heading: define terms in the "
                                         "running text of a clause").format(
                                             term=repr(node["term"])), node)
            node.replace_self(nodes.inline("", "", *node.children))
            continue
        node["ids"].append(ids.new(node["term"]))
        document.ids[node["ids"][0]] = node
        forms = term_forms(node["term"])
        first = next((owner[form] for form in forms if form in owner), None)
        if first is not None:
            warn("duplicate-term", __("the term {term} is already defined at line {line} (as "
                                      "{first})").format(
                                          term=repr(node["term"]), line=first.node.line,
                                          first=repr(first.term)), node)
            continue
        if block is not None:
            text = texts.get(id(block))
            if text is None:
                text = texts[id(block)] = BlockText(block)
            sentence = text.sentence_of(node)
        else:
            sentence = node.astext()
        term = DefinedTerm(node["term"], node["ids"][0], forms, enclosing_clause(node),
                           sentence, node.line, node)
        terms.append(term)
        for form in forms:
            owner.setdefault(form, term)
    return terms
